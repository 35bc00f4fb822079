import type { Contribution, PracticeMatrix } from '../../../../../shared/domain/encuentro-types';
import { CONTRIBUTION_BLOCKS, LEVELS_BY_BLOCK, TYPING_PAUSE_MS, type ContributionBlock, type ContributionLevel } from '../../../../../shared/domain/encuentro-matrix';
import { ApiError, NO_SESSION, call } from '../../../api/client';
import { browserJournalBackend, browserOrigin, CaptureJournal, journaledScopes, type JournalBackend, type JournalEntry, type JournalProblem } from './capture-journal';

/**
 * The moderator's items for one practice in one sala, saved as they are typed.
 *
 * Every change bumps the item's client revision. One save per item is in flight at a time and
 * always carries the latest text and revision; an item reads "guardado" only once the service
 * has answered for its latest revision (the write is durable when it answers). Saves that fail
 * on the way are retried with a growing pause until they get through. The store lives outside
 * React (one per practice and sala, kept for the whole page life), so leaving the screen
 * neither cancels a pending save nor loses a retry. Every line not yet acknowledged is also kept in
 * a local journal (capture-journal.ts, IndexedDB), rewritten with each change and replayed by the
 * next page; a line is shown as kept on this computer only once that write is on disk, so a
 * reload or a browser crash while the hub is unreachable loses nothing that was shown as kept.
 */
export type SaveState = 'empty' | 'saved' | 'saving' | 'retrying' | 'error' | 'conflict';

/**
 * Another screen saved this line while this one was typing on the older text: this line's text
 * was not applied (the server kept it in the line's history) and is not sent again until the
 * moderator chooses: keep theirs, keep their own, or join both.
 */
export interface CaptureConflict {
  /** The text stored now, its revision and who wrote it ('' when unknown). */
  theirs: string;
  theirsRevision: number;
  by: string;
  /** This line's revision the server last kept (as the text in conflict): typing on sends the newer text, to be kept too. */
  keptRevision: number;
}

export interface CaptureItem {
  /** Stable React key, also the create's idempotency key. */
  key: string;
  id: number | null;
  block: ContributionBlock;
  level: ContributionLevel;
  text: string;
  revision: number;
  ackedRevision: number;
  composing: boolean;
  inFlight: boolean;
  failed: boolean;
  error: string | null;
  /** Position from the server, for items that exist there. */
  position: number;
  /**
   * Brought back from the local journal of an earlier page and not acknowledged since: if the
   * server meanwhile stored a later revision, that one wins (the journal's text is older news).
   */
  recovered: boolean;
  /** Set while a conflict with another screen's save waits for the moderator's choice. */
  conflict?: CaptureConflict | null;
  /** What a line brought back from the journal was typed on (its page's base), when the journal says. */
  recoveredBase?: { baseRevision: number; editor: string } | null;
}

export interface CaptureSnapshot {
  loaded: boolean;
  loadError: string | null;
  matrix: PracticeMatrix | null;
  cells: Record<string, CaptureItem[]>;
  /** A ghost (the empty "new item" line) per cell, by key. */
  ghosts: Record<string, string>;
  lastDeleted: CaptureItem | null;
  /** Lines typed on an earlier page (reloaded, closed, crashed) that this page brought back. */
  recovered: number;
  /** Lines of an earlier page's journal that could not be read back (damaged). */
  unrecovered: number;
  /** The journal of earlier pages could not be read at all: lines typed there may be missing. */
  recoveryFailed: boolean;
  /** Per unsaved item, the revision the local journal holds on disk (written and flushed). */
  journaledRevision: Readonly<Record<string, number>>;
  /** Set while unsaved lines cannot be kept in the local journal (they stay in memory). */
  journalProblem: JournalProblem;
}

/** Throttle rather than debounce: a moderator who never pauses still gets saved every ~150 ms. */
export const SAVE_DELAY_MS = 150;
const RETRY_MS = [400, 800, 1500, 3000];

export const cellKey = (block: ContributionBlock, level: ContributionLevel) => `${block}:${level}`;

let keySeed = 0;
function newKey(): string {
  keySeed += 1;
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
  return `c-${random}-${keySeed}`;
}

/** Nothing but spaces: a line that carries nothing, never stored nor shown on the wall. */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}

export function saveStateOf(item: CaptureItem): SaveState {
  if (item.id === null && item.text === '' && !item.inFlight) return 'empty';
  if (item.conflict) return 'conflict';
  if (item.error) return 'error';
  if (item.failed) return 'retrying';
  if (item.inFlight || item.composing || item.ackedRevision < item.revision || item.id === null) return 'saving';
  return 'saved';
}

function fromServer(c: Contribution): CaptureItem {
  return {
    // A line this screen created keeps its create key: a replayed or retried create recognises it.
    key: c.clientKey ?? `s-${c.id}`,
    id: c.id,
    block: c.block,
    level: c.level,
    text: c.text,
    revision: c.revision,
    ackedRevision: c.revision,
    composing: false,
    inFlight: false,
    failed: false,
    error: null,
    position: c.position,
    recovered: false,
  };
}

/** What a create's answer acknowledges: a repeated create answers the first record, whose text may be older. */
function ackedByRecord(c: Contribution, text: string, revision: number): number {
  return c.text === text ? revision : Math.min(c.revision, revision - 1);
}

/**
 * Failures a line waits out and is sent again after. A venue session closed or revoked is one:
 * the line stays (and in the journal) while the device joins again, then goes through.
 */
function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.code === 'error.transport' || error.code === 'error.unexpected' || error.code === 'error.busy' || error.code === NO_SESSION;
}

/** Where local[index] (a draft) goes in `fresh`, keeping its place among its neighbours. */
function draftSlot(fresh: readonly CaptureItem[], local: readonly CaptureItem[], index: number): number {
  for (let j = index - 1; j >= 0; j--) {
    const at = fresh.findIndex((i) => i.key === local[j]!.key);
    if (at >= 0) return at + 1;
  }
  for (let j = index + 1; j < local.length; j++) {
    const at = fresh.findIndex((i) => i.key === local[j]!.key);
    if (at >= 0) return at;
  }
  return fresh.length;
}

/** The id of the nearest saved item from `index` in direction `step` (-1 before, +1 after), or null. */
function nearestId(list: readonly CaptureItem[], index: number, step: -1 | 1): number | null {
  for (let j = index + step; j >= 0 && j < list.length; j += step) {
    const id = list[j]!.id;
    if (id !== null) return id;
  }
  return null;
}

function locate(cells: Record<string, CaptureItem[]>, found: (item: CaptureItem) => boolean): { ck: string; index: number } | null {
  for (const [ck, list] of Object.entries(cells)) {
    const index = list.findIndex(found);
    if (index >= 0) return { ck, index };
  }
  return null;
}

export interface CaptureStoreOptions {
  /** Where the journal lives (the page's IndexedDB by default; null: no journal). */
  journal?: JournalBackend | null;
  /** The server the page talks to (the page's origin by default). */
  origin?: string;
  /** Milliseconds now (Date.now by default): groups keystrokes into edits for Ctrl+Z. */
  now?: () => number;
}

export class CaptureStore {
  private snapshot: CaptureSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly timers = new Map<string, number>();
  private readonly attempts = new Map<string, number>();
  private readonly pendingEvents: Contribution[] = [];
  private readonly backend: JournalBackend | null;
  private readonly origin: string;
  /** Opened at the first load, once the practice's Encuentro is known. */
  private journal: CaptureJournal | null = null;
  /** The last journaled form of each unsaved item (kept while an IME composes over it). */
  private journaled = new Map<string, JournalEntry>();
  /** A failed load that is not retried until a screen shows this store. */
  private loadStalled = false;
  /**
   * Per line, its text before each edit (keystrokes with no pause between them are one edit),
   * for Ctrl+Z; and what Ctrl+Z took back, for Ctrl+Y. Typing anew clears the redo list.
   */
  private readonly edits = new Map<string, { undo: string[]; redo: string[]; lastAt: number }>();
  private readonly now: () => number;
  /** The text of each line when the moderator entered it (to undo emptying it). */
  private readonly wordsAtEntry = new Map<string, string>();
  /** The first load is reading the journals of earlier pages: a second load meanwhile replays nothing. */
  private openingJournal = false;
  /**
   * This screen, to the server: a save that finds a revision this screen did not write above the
   * one it typed on is a conflict, while its own earlier saves (answers lost, retried) are not.
   */
  private readonly editor = newKey();

  constructor(
    readonly practiceId: number,
    readonly salaId: number | null,
    options: CaptureStoreOptions = {},
  ) {
    this.backend = options.journal !== undefined ? options.journal : browserJournalBackend();
    this.origin = options.origin ?? browserOrigin();
    this.now = options.now ?? Date.now;
    const cells: Record<string, CaptureItem[]> = {};
    const ghosts: Record<string, string> = {};
    for (const block of CONTRIBUTION_BLOCKS) {
      for (const level of LEVELS_BY_BLOCK[block]) {
        cells[cellKey(block, level)] = [];
        ghosts[cellKey(block, level)] = newKey();
      }
    }
    this.snapshot = { loaded: false, loadError: null, matrix: null, cells, ghosts, lastDeleted: null, recovered: 0, unrecovered: 0, recoveryFailed: false, journalProblem: null, journaledRevision: {} };
  }

  // ——— React binding ———
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.loadStalled) {
      this.loadStalled = false;
      void this.load();
    }
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CaptureSnapshot => this.snapshot;

  private set(patch: Partial<CaptureSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    // The journal write is started with every change of the items, before any save is sent.
    if (patch.cells) this.persist();
    for (const listener of this.listeners) listener();
  }

  // ——— Local journal ———
  /** Writes every unacknowledged item to the journal (an acknowledged one leaves it). */
  private persist(): void {
    if (!this.journal) return;
    const entries: JournalEntry[] = [];
    const journaled = new Map<string, JournalEntry>();
    for (const list of Object.values(this.snapshot.cells)) {
      list.forEach((item, index) => {
        // A blank line is never sent (it is removed when left): the service keeps its last words.
        if (item.ackedRevision >= item.revision || isBlank(item.text)) return;
        // Half-composed text is not the user's yet: the journal keeps what it had.
        const entry: JournalEntry | undefined = item.composing
          ? this.journaled.get(item.key)
          : { key: item.key, id: item.id, block: item.block, level: item.level, text: item.text, revision: item.revision, afterId: nearestId(list, index, -1), beforeId: nearestId(list, index, 1), ...this.baseOf(item) };
        if (!entry) return;
        entries.push(entry);
        journaled.set(item.key, entry);
      });
    }
    this.journaled = journaled;
    this.journal.write(entries);
  }

  /** The base a text change of `item` is typed on (none for a line not created yet). */
  private baseOf(item: CaptureItem): { base: number; editor: string } | Record<string, never> {
    if (item.id === null) return {};
    if (item.recovered) return item.recoveredBase ? { base: item.recoveredBase.baseRevision, editor: item.recoveredBase.editor } : {};
    return { base: item.ackedRevision, editor: this.editor };
  }

  /** The journal's transaction is durable: these revisions are kept on this computer. */
  private journalWritten(revisions: ReadonlyMap<string, number>): void {
    this.set({ journaledRevision: Object.fromEntries(revisions) });
  }

  private journalProblem(problem: JournalProblem): void {
    if (problem !== this.snapshot.journalProblem) this.set({ journalProblem: problem });
  }

  /**
   * Puts the journal's lines into freshly merged cells: a text change over the server's record
   * unless the server already has that revision (or a later one), a line never acknowledged
   * where it was typed. Answers the keys to save. Creates reuse their key (the service answers
   * the existing record for a repeated one) and changes carry their revision (the service keeps
   * the highest), so replaying twice stores nothing twice.
   */
  private replayInto(cells: Record<string, CaptureItem[]>, entries: readonly JournalEntry[]): string[] {
    const replayed: string[] = [];
    // Consecutive lines typed at the same place are put back one after the other.
    const lastAt = new Map<string, string>();
    for (const entry of entries) {
      const recovered = { text: entry.text, revision: entry.revision, composing: false, inFlight: false, failed: true, error: null, recovered: true };
      const at = locate(cells, (i) => (entry.id !== null ? i.id === entry.id : i.key === entry.key));
      if (at) {
        const list = (cells[at.ck] = [...cells[at.ck]!]);
        const current = list[at.index]!;
        if (current.text === entry.text) continue;
        // Changed by someone since the line's base: sent with that base, the server tells its own
        // page's later save (applied) from another device's (a conflict: both kept), never dropped.
        const recoveredBase = entry.base !== undefined && entry.editor !== undefined ? { baseRevision: entry.base, editor: entry.editor } : null;
        const contested = recoveredBase !== null && current.revision > recoveredBase.baseRevision;
        if (current.revision >= entry.revision && !contested) continue;
        // A contested line is unsaved from its base on, whatever revision the server is at now.
        list[at.index] = { ...current, ...recovered, recoveredBase, ...(contested ? { ackedRevision: Math.min(current.ackedRevision, recoveredBase.baseRevision) } : {}) };
        replayed.push(current.key);
        continue;
      }
      if (entry.id === null) {
        const ck = cellKey(entry.block, entry.level);
        const list = (cells[ck] = [...(cells[ck] ?? [])]);
        const anchor = `${ck}|${entry.afterId}|${entry.beforeId}`;
        const previous = lastAt.get(anchor);
        const after = list.findIndex((i) => (previous !== undefined ? i.key === previous : entry.afterId !== null && i.id === entry.afterId));
        const before = entry.beforeId === null ? -1 : list.findIndex((i) => i.id === entry.beforeId);
        const slot = after >= 0 ? after + 1 : before >= 0 ? before : list.length;
        list.splice(slot, 0, { key: entry.key, id: null, block: entry.block, level: entry.level, ackedRevision: -1, position: Number.MAX_SAFE_INTEGER, ...recovered });
        lastAt.set(anchor, entry.key);
      } else {
        // No longer listed (deleted meanwhile): the text is still saved, so the record's history keeps it.
        const ck = cellKey(entry.block, entry.level);
        cells[ck] = [...(cells[ck] ?? []), { key: entry.key, id: entry.id, block: entry.block, level: entry.level, ackedRevision: entry.revision - 1, position: Number.MAX_SAFE_INTEGER, ...recovered }];
      }
      replayed.push(entry.key);
    }
    return replayed;
  }

  /** The moderator has read the "recovered" notice. */
  dismissRecovered(): void {
    this.set({ recovered: 0, unrecovered: 0, recoveryFailed: false });
  }

  private find(key: string): CaptureItem | undefined {
    for (const list of Object.values(this.snapshot.cells)) {
      const item = list.find((i) => i.key === key);
      if (item) return item;
    }
    return undefined;
  }

  private update(key: string, patch: Partial<CaptureItem>): void {
    const cells = { ...this.snapshot.cells };
    for (const [ck, list] of Object.entries(cells)) {
      const index = list.findIndex((i) => i.key === key);
      if (index < 0) continue;
      const next = [...list];
      next[index] = { ...next[index]!, ...patch };
      cells[ck] = next;
      this.set({ cells });
      return;
    }
  }

  // ——— Loading ———
  async load(): Promise<void> {
    let matrix: PracticeMatrix;
    try {
      matrix = await call('encuentro.matrix', { practiceId: this.practiceId, salaId: this.salaId });
    } catch (error) {
      if (!this.snapshot.loaded) this.set({ loadError: error instanceof Error ? error.message : String(error) });
      // A practice that no longer exists (a journal left for it and replayed at start, with no
      // screen open) is not asked for every 1.5 s forever: a screen showing it asks again.
      if (isTransient(error) || this.listeners.size > 0) window.setTimeout(() => void this.load(), 1500);
      else this.loadStalled = true;
      return;
    }
    if (this.journal || this.openingJournal) {
      this.merge(matrix, []);
      return;
    }
    this.openingJournal = true;
    const journal = new CaptureJournal(
      this.backend,
      { origin: this.origin, encuentroId: matrix.encuentroId, practiceId: this.practiceId, salaId: this.salaId },
      { written: (revisions) => this.journalWritten(revisions), problem: (problem) => this.journalProblem(problem) },
    );
    const taken = await journal.takeOver();
    this.journal = journal;
    this.openingJournal = false;
    if (taken.unreadable > 0 || taken.failed) this.set({ unrecovered: this.snapshot.unrecovered + taken.unreadable, recoveryFailed: taken.failed });
    this.merge(matrix, taken.entries);
  }

  /**
   * Brings in what the server has, keeping every item that has unsaved local text as it is; at
   * the first load, also what the journal of an earlier page kept.
   */
  private merge(matrix: PracticeMatrix, journal: readonly JournalEntry[]): void {
    const cells = { ...this.snapshot.cells };
    const byId = new Map<number, CaptureItem>();
    const drafts = new Map<string, CaptureItem>();
    for (const list of Object.values(cells)) for (const item of list) if (item.id !== null) byId.set(item.id, item);
    for (const list of Object.values(cells)) for (const item of list) if (item.id === null) drafts.set(item.key, item);
    // Drafts the server already has (their create got through, its answer did not): they take the record's id.
    const adopted: string[] = [];
    const seen = new Set<number>();
    for (const block of matrix.blocks) {
      for (const cell of block.cells) {
        const ck = cellKey(block.block, cell.level);
        const local = cells[ck] ?? [];
        const fresh: CaptureItem[] = [];
        for (const c of cell.contributions) {
          seen.add(c.id);
          const draft = c.clientKey !== null ? drafts.get(c.clientKey) : undefined;
          if (draft) {
            adopted.push(draft.key);
            fresh.push({ ...draft, id: c.id, position: c.position, ackedRevision: Math.max(draft.ackedRevision, ackedByRecord(c, draft.text, draft.revision)), failed: false, error: null });
            this.attempts.delete(draft.key);
            continue;
          }
          const mine = byId.get(c.id);
          if (mine && (saveStateOf(mine) !== 'saved' || mine.revision > c.revision)) fresh.push({ ...mine, position: c.position });
          else fresh.push(mine ? { ...fromServer(c), key: mine.key } : fromServer(c));
        }
        // Local drafts not on the server yet stay where the moderator put them: right after the
        // nearest item before them that is still there (a saved one or a draft placed just
        // before), else right before the nearest one after them, else at the end. Placing each
        // after "its" saved item instead would reverse a run of drafts typed during an outage.
        local.forEach((item, index) => {
          if (item.id !== null || adopted.includes(item.key)) return;
          fresh.splice(draftSlot(fresh, local, index), 0, item);
        });
        // Items this client still has unsaved changes on are never dropped by a refresh.
        for (const item of local) if (item.id !== null && !seen.has(item.id) && saveStateOf(item) !== 'saved' && !fresh.includes(item)) fresh.push(item);
        cells[ck] = fresh;
      }
    }
    const replayed = this.replayInto(cells, journal);
    this.set({ cells, matrix, loaded: true, loadError: null, ...(replayed.length > 0 ? { recovered: this.snapshot.recovered + replayed.length } : {}) });
    for (const key of [...adopted, ...replayed]) {
      const item = this.find(key);
      if (item && !item.inFlight && !item.composing && item.ackedRevision < item.revision) this.schedule(key, 0);
    }
  }

  // ——— Pushed events (another moderator, another window) ———
  applyEvent(c: Contribution, action: 'created' | 'updated' | 'moved' | 'deleted' | 'restored'): void {
    if (c.practiceId !== this.practiceId || (this.salaId !== null && c.salaId !== this.salaId)) return;
    const known = this.findById(c.id);
    if (action === 'deleted') {
      if (known && saveStateOf(known) === 'saved') this.removeKey(known.key);
      return;
    }
    if (!known) {
      // Our own create may answer after its event: wait until no create is in flight.
      this.pendingEvents.push(c);
      this.drainEvents();
      return;
    }
    if (action === 'moved' && (known.block !== c.block || known.level !== c.level)) {
      void this.load();
      return;
    }
    if (saveStateOf(known) === 'saved' && c.revision > known.revision) {
      this.update(known.key, { text: c.text, revision: c.revision, ackedRevision: c.revision, position: c.position });
    } else if (known.conflict && c.revision > known.conflict.theirsRevision) {
      // The other screen keeps typing: the notice shows its latest text.
      this.update(known.key, { conflict: { ...known.conflict, theirs: c.text, theirsRevision: c.revision } });
    }
  }

  private drainEvents(): void {
    if (this.anyCreateInFlight()) return;
    const events = this.pendingEvents.splice(0);
    if (events.some((c) => !this.findById(c.id))) void this.load();
  }

  private anyCreateInFlight(): boolean {
    return Object.values(this.snapshot.cells).some((list) => list.some((i) => i.id === null && i.inFlight));
  }

  private findById(id: number): CaptureItem | undefined {
    for (const list of Object.values(this.snapshot.cells)) {
      const item = list.find((i) => i.id === id);
      if (item) return item;
    }
    return undefined;
  }

  // ——— Typing ———
  /** The ghost line of a cell became a real item: it keeps its key (and so its DOM node and focus). */
  private promoteGhost(block: ContributionBlock, level: ContributionLevel): CaptureItem {
    const ck = cellKey(block, level);
    const key = this.snapshot.ghosts[ck]!;
    const item: CaptureItem = {
      key,
      id: null,
      block,
      level,
      text: '',
      revision: 0,
      ackedRevision: -1,
      composing: false,
      inFlight: false,
      failed: false,
      error: null,
      position: Number.MAX_SAFE_INTEGER,
      recovered: false,
    };
    this.set({ cells: { ...this.snapshot.cells, [ck]: [...(this.snapshot.cells[ck] ?? []), item] }, ghosts: { ...this.snapshot.ghosts, [ck]: newKey() } });
    return item;
  }

  isGhost(key: string): boolean {
    return Object.values(this.snapshot.ghosts).includes(key);
  }

  /**
   * The input changed. While an IME or a dead key is composing, the text is shown but neither
   * counted as a revision nor saved: the half-built character is not the user's text yet.
   */
  setText(key: string, block: ContributionBlock, level: ContributionLevel, text: string, composing: boolean): void {
    let item = this.find(key);
    if (!item) {
      if (!this.isGhost(key) || text === '') return;
      item = this.promoteGhost(block, level);
    }
    if (composing) {
      this.update(key, { text, composing: true });
      return;
    }
    if (text === item.text && !item.composing) return;
    this.recordEdit(key, item.text);
    this.update(key, { text, composing: false, revision: item.revision + 1, error: null, recovered: false });
    this.schedule(key, SAVE_DELAY_MS);
  }

  private recordEdit(key: string, before: string): void {
    const edits = this.edits.get(key) ?? { undo: [], redo: [], lastAt: Number.NEGATIVE_INFINITY };
    const now = this.now();
    if (now - edits.lastAt >= TYPING_PAUSE_MS) edits.undo.push(before);
    edits.lastAt = now;
    edits.redo = [];
    this.edits.set(key, edits);
  }

  /** Ctrl+Z in a line: its text before the last edit (not the last character). False when there is nothing to undo. */
  undoEdit(key: string): boolean {
    return this.stepEdit(key, 'undo');
  }

  /** Ctrl+Y (or Ctrl+Mayús+Z): the edit Ctrl+Z took back. */
  redoEdit(key: string): boolean {
    return this.stepEdit(key, 'redo');
  }

  private stepEdit(key: string, direction: 'undo' | 'redo'): boolean {
    const item = this.find(key);
    const edits = this.edits.get(key);
    const text = edits?.[direction].pop();
    if (!item || !edits || text === undefined || item.composing) return false;
    edits[direction === 'undo' ? 'redo' : 'undo'].push(item.text);
    // The next keystroke starts a new edit.
    edits.lastAt = Number.NEGATIVE_INFINITY;
    this.update(key, { text, revision: item.revision + 1, error: null, recovered: false });
    this.schedule(key, SAVE_DELAY_MS);
    return true;
  }

  /** Blur, navigation, page hide: save now instead of waiting for the timer. */
  flush(key?: string): void {
    const keys = key ? [key] : Object.values(this.snapshot.cells).flatMap((list) => list.map((i) => i.key));
    for (const k of keys) {
      const item = this.find(k);
      if (item && !item.composing && item.ackedRevision < item.revision && !item.failed) this.schedule(k, 0);
    }
  }

  private schedule(key: string, delay: number): void {
    if (this.timers.has(key) && delay > 0) return;
    window.clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      window.setTimeout(() => {
        this.timers.delete(key);
        void this.send(key);
      }, delay),
    );
  }

  private async send(key: string): Promise<void> {
    const item = this.find(key);
    if (!item || item.inFlight || item.composing || (item.conflict && item.revision <= item.conflict.keptRevision)) return;
    if (item.ackedRevision >= item.revision) return;
    // A blank line waits: it is removed when the moderator leaves it, or sent once it has words again.
    if (isBlank(item.text)) return;
    if (item.id === null) {
      const afterId = this.predecessorId(item);
      if (afterId === 'wait') {
        this.schedule(key, 100);
        return;
      }
      const revision = item.revision;
      this.update(key, { inFlight: true });
      try {
        const created = await call('encuentro.contributions.create', {
          practiceId: this.practiceId,
          salaId: this.salaId,
          block: item.block,
          level: item.level,
          text: item.text,
          revision,
          clientKey: key,
          ...(afterId !== null ? { afterId } : {}),
        });
        if (!this.find(key)) {
          // Deleted while its create was on the way: delete it there too.
          void call('encuentro.contributions.delete', { id: created.id }).catch(() => undefined);
          return;
        }
        // A retried create answers the first record, whose text may be older than what was sent.
        this.succeeded(key, { id: created.id, ackedRevision: ackedByRecord(created, item.text, revision), position: created.position });
      } catch (error) {
        this.failed(key, error);
      }
      return;
    }
    const revision = item.revision;
    const text = item.text;
    this.update(key, { inFlight: true });
    try {
      // A line from an earlier page's journal carries no base: the revision rule alone decides (below).
      const sentBase = item.recovered ? item.recoveredBase : { baseRevision: item.ackedRevision, editor: this.editor };
      const base = sentBase ?? {};
      const saved = await call('encuentro.contributions.updateText', { id: item.id, text, revision, ...base });
      const current = this.find(key);
      if (saved.conflict && current) {
        // Never typed over silently: both texts stay (the server kept ours in the history) until the moderator chooses.
        const c = saved.contribution;
        this.attempts.delete(key);
        // Later saves keep the base this text was typed on (they are kept too, until the moderator chooses).
        this.update(key, {
          inFlight: false,
          failed: false,
          error: null,
          recovered: false,
          recoveredBase: null,
          ackedRevision: sentBase?.baseRevision ?? item.ackedRevision,
          conflict: { theirs: c.text, theirsRevision: c.revision, by: saved.conflict.by, keptRevision: revision },
        });
        const latest = this.find(key);
        if (latest && latest.revision > revision && !latest.composing) this.schedule(key, SAVE_DELAY_MS);
        return;
      }
      if (!saved.applied && current?.recovered && current.revision === revision) {
        // A line from an earlier page's journal, overtaken on the server meanwhile: the later text stays.
        // What the notice counted as recovered was not kept after all: it no longer says so.
        const c = saved.contribution;
        this.succeeded(key, { text: c.text, revision: c.revision, ackedRevision: c.revision });
        if (this.snapshot.recovered > 0) this.set({ recovered: this.snapshot.recovered - 1 });
        return;
      }
      if (!saved.applied && current) {
        // Someone stored a later revision: ours goes on top of it, so what this moderator sees wins.
        const newer = Math.max(saved.contribution.revision, current.revision) + 1;
        this.update(key, { inFlight: false, failed: false, revision: newer, ackedRevision: current.text === saved.contribution.text ? newer : saved.contribution.revision });
        this.attempts.delete(key);
        this.schedule(key, 0);
        return;
      }
      this.succeeded(key, { ackedRevision: revision });
    } catch (error) {
      this.failed(key, error);
    }
  }

  /** The server id to insert after, null for "at the end", or 'wait' while the previous item is being created. */
  private predecessorId(item: CaptureItem): number | null | 'wait' {
    const list = this.snapshot.cells[cellKey(item.block, item.level)] ?? [];
    const index = list.findIndex((i) => i.key === item.key);
    const isLast = list.slice(index + 1).every((i) => i.id === null && i.text === '');
    if (isLast) return null;
    for (let i = index - 1; i >= 0; i--) {
      const before = list[i]!;
      if (before.id !== null) return before.id;
      if (before.text !== '') return 'wait';
    }
    // First in its cell: the service has no "before"; saving at the end and reordering after.
    return null;
  }

  private succeeded(key: string, patch: Partial<CaptureItem>): void {
    this.attempts.delete(key);
    const before = this.find(key);
    this.update(key, { ...patch, inFlight: false, failed: false, error: null, recovered: false });
    const item = this.find(key);
    if (before?.id === null && item?.id !== null && item) this.fixOrderAfterCreate(item);
    if (item && item.ackedRevision < item.revision && !item.composing) this.schedule(key, SAVE_DELAY_MS);
    this.drainEvents();
  }

  /** A first item of a cell created above existing ones lands at the end on the server: put it back in place. */
  private fixOrderAfterCreate(item: CaptureItem): void {
    const list = this.snapshot.cells[cellKey(item.block, item.level)] ?? [];
    const ids = list.filter((i) => i.id !== null).map((i) => i.id!);
    const index = list.findIndex((i) => i.key === item.key);
    const isFirstSaved = list.slice(0, index).every((i) => i.id === null);
    if (!isFirstSaved || ids.length < 2) return;
    void call('encuentro.contributions.reorder', { practiceId: this.practiceId, salaId: this.salaId, block: item.block, level: item.level, orderedIds: ids }).catch(
      () => undefined,
    );
  }

  private failed(key: string, error: unknown): void {
    if (!isTransient(error)) {
      this.update(key, { inFlight: false, failed: false, error: error instanceof Error ? error.message : String(error) });
      return;
    }
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    this.update(key, { inFlight: false, failed: true });
    const delay = RETRY_MS[Math.min(attempt - 1, RETRY_MS.length - 1)]!;
    window.clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      window.setTimeout(() => {
        this.timers.delete(key);
        void this.send(key);
      }, delay),
    );
  }

  // ——— Conflicts with another screen ———
  /**
   * The moderator's choice after a conflict: 'mine' saves their text over the stored one, 'theirs'
   * takes the stored text, 'both' puts the stored text and theirs in the line to edit and save.
   * Whatever is not kept stays in the line's history.
   */
  resolveConflict(key: string, choice: 'mine' | 'theirs' | 'both'): void {
    const item = this.find(key);
    const conflict = item?.conflict;
    if (!item || !conflict) return;
    if (choice === 'theirs') {
      this.update(key, { conflict: null, text: conflict.theirs, revision: conflict.theirsRevision, ackedRevision: conflict.theirsRevision, failed: false, error: null });
      return;
    }
    const text = choice === 'both' ? `${conflict.theirs.trimEnd()} ${item.text.trimStart()}` : item.text;
    this.recordEdit(key, item.text);
    // Typed on the stored revision now: the next save goes on top of it (unless it changes again).
    this.update(key, { conflict: null, text, ackedRevision: conflict.theirsRevision, revision: Math.max(item.revision, conflict.theirsRevision) + 1, failed: false, error: null });
    this.schedule(key, 0);
  }

  /** "Reintentar" on an item: try now. */
  retry(key: string): void {
    this.attempts.delete(key);
    this.update(key, { error: null });
    this.schedule(key, 0);
  }

  // ——— Deleting and restoring ———
  private removeKey(key: string): void {
    const cells = { ...this.snapshot.cells };
    for (const [ck, list] of Object.entries(cells)) if (list.some((i) => i.key === key)) cells[ck] = list.filter((i) => i.key !== key);
    this.set({ cells });
  }

  /**
   * Removes an item; resolves to false when the service refused (the item is then put back).
   * `words`: the text undoing brings back, when the item on screen no longer shows it (emptied).
   */
  async remove(key: string, words?: string): Promise<boolean> {
    const item = this.find(key);
    if (!item) return false;
    window.clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.removeKey(key);
    if (item.id === null) {
      if (item.text !== '') this.set({ lastDeleted: null });
      return true;
    }
    try {
      await call('encuentro.contributions.delete', { id: item.id });
      const kept = words ?? this.wordsAtEntry.get(key);
      this.set({ lastDeleted: isBlank(item.text) && kept !== undefined ? { ...item, text: kept } : item });
      return true;
    } catch {
      void this.load();
      return false;
    }
  }

  async undoDelete(): Promise<CaptureItem | null> {
    const item = this.snapshot.lastDeleted;
    if (!item || item.id === null) return null;
    this.set({ lastDeleted: null });
    const restored = await call('encuentro.contributions.restore', { id: item.id });
    // Unsaved text typed just before deleting is saved again on top of what the server kept.
    const local = { ...fromServer(restored), key: item.key };
    if (item.text !== restored.text) Object.assign(local, { text: item.text, revision: restored.revision + 1 });
    const ck = cellKey(restored.block, restored.level);
    const list = [...(this.snapshot.cells[ck] ?? []).filter((i) => i.key !== item.key)];
    const at = list.findIndex((i) => i.id !== null && i.position > restored.position);
    list.splice(at < 0 ? list.length : at, 0, local);
    this.set({ cells: { ...this.snapshot.cells, [ck]: list } });
    if (local.revision > local.ackedRevision) this.schedule(local.key, 0);
    return local;
  }

  /** A former version was brought back by the service. */
  replaceFromServer(c: Contribution): void {
    const item = this.findById(c.id);
    if (item) this.update(item.key, { text: c.text, revision: c.revision, ackedRevision: c.revision, failed: false, error: null });
  }

  // ——— Refiling a misfiled line ———
  /**
   * Files an item under another block or level, at the end of that cell. A line not created yet
   * simply moves (its create goes to the new cell); a saved one is moved by the service, and
   * put back where it was if the service refuses. Resolves to false on a refusal.
   */
  async moveTo(key: string, block: ContributionBlock, level: ContributionLevel): Promise<boolean> {
    const item = this.find(key);
    if (!item || (item.block === block && item.level === level)) return false;
    const from = cellKey(item.block, item.level);
    const to = cellKey(block, level);
    const place = (moved: CaptureItem) => {
      const cells = { ...this.snapshot.cells };
      for (const [ck, list] of Object.entries(cells)) if (list.some((i) => i.key === key)) cells[ck] = list.filter((i) => i.key !== key);
      cells[cellKey(moved.block, moved.level)] = [...(cells[cellKey(moved.block, moved.level)] ?? []), moved];
      this.set({ cells });
    };
    const before = this.snapshot.cells[from] ?? [];
    const index = before.findIndex((i) => i.key === key);
    place({ ...item, block, level, position: Number.MAX_SAFE_INTEGER });
    if (item.id === null) return true;
    try {
      const moved = await call('encuentro.contributions.move', { id: item.id, block, level });
      this.update(key, { position: moved.position });
      return true;
    } catch {
      // Back where it was, in its place among its neighbours.
      const current = this.find(key) ?? item;
      const cells = { ...this.snapshot.cells, [to]: (this.snapshot.cells[to] ?? []).filter((i) => i.key !== key) };
      const list = [...(cells[from] ?? [])];
      list.splice(Math.min(index, list.length), 0, { ...current, block: item.block, level: item.level, position: item.position });
      cells[from] = list;
      this.set({ cells });
      return false;
    }
  }

  // ——— Local empty lines (Enter in the middle of a list) ———
  insertDraftAfter(key: string): string {
    const item = this.find(key);
    if (!item) return key;
    const ck = cellKey(item.block, item.level);
    const list = [...(this.snapshot.cells[ck] ?? [])];
    const index = list.findIndex((i) => i.key === key);
    const next = list[index + 1];
    if (!next) return this.snapshot.ghosts[ck]!;
    if (next.id === null && next.text === '') return next.key;
    const draft: CaptureItem = { ...item, key: newKey(), id: null, text: '', revision: 0, ackedRevision: -1, inFlight: false, failed: false, error: null, composing: false, recovered: false };
    list.splice(index + 1, 0, draft);
    this.set({ cells: { ...this.snapshot.cells, [ck]: list } });
    return draft.key;
  }

  /** The moderator enters a line: what it says now is what undoing its emptying brings back. */
  beginEdit(key: string): void {
    const item = this.find(key);
    if (item && !isBlank(item.text)) this.wordsAtEntry.set(key, item.text);
  }

  /**
   * The moderator left a line. An empty draft just disappears; a saved line emptied of its
   * text is deleted, and undoing that brings back its text as it was when the moderator entered it.
   */
  leave(key: string): void {
    const item = this.find(key);
    const words = this.wordsAtEntry.get(key);
    this.wordsAtEntry.delete(key);
    if (!item || !isBlank(item.text) || item.composing || item.inFlight) return;
    if (item.id === null) this.removeKey(key);
    else void this.remove(key, words);
  }

  // ——— Totals for the screen's summary line ———
  counts(): Record<SaveState, number> {
    const counts: Record<SaveState, number> = { empty: 0, saved: 0, saving: 0, retrying: 0, error: 0, conflict: 0 };
    for (const list of Object.values(this.snapshot.cells)) for (const item of list) counts[saveStateOf(item)] += 1;
    return counts;
  }
}

const stores = new Map<string, CaptureStore>();

/** One store per practice and sala for the life of the page (saves outlive the screen). The stores use the page's IndexedDB. */
export function captureStore(practiceId: number, salaId: number | null): CaptureStore {
  const key = `${practiceId}:${salaId ?? ''}`;
  let store = stores.get(key);
  if (!store) {
    store = new CaptureStore(practiceId, salaId);
    stores.set(key, store);
    void store.load();
  }
  return store;
}

/** Every store with work still to do: the page asks before closing while there is any. */
export function unsavedCount(): number {
  let n = 0;
  for (const store of stores.values()) {
    const c = store.counts();
    n += c.saving + c.retrying + c.error + c.conflict;
  }
  return n;
}

export function flushAll(): void {
  for (const store of stores.values()) store.flush();
}

/**
 * At start: opens (and so loads and replays) the store of every practice with lines left in the
 * journal by an earlier page of this server, so they reach it even before their screen is opened.
 */
export async function recoverCaptureJournals(): Promise<void> {
  for (const { practiceId, salaId } of await journaledScopes(browserJournalBackend(), browserOrigin())) captureStore(practiceId, salaId);
}
