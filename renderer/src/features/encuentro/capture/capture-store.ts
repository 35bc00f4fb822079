import type { Contribution, PracticeMatrix } from '../../../../../shared/domain/encuentro-types';
import type { ContributionBlock, ContributionLevel } from '../../../../../shared/domain/encuentro-matrix';
import { call } from '../../../api/client';
import { browserJournalBackend, browserOrigin, type JournalBackend, type JournalEntry } from './capture-journal';
import { cellKey, countStates, emptyCells, findById, findItem, isBlank, newKey, patchItem, withoutItem, type CaptureItem, type CaptureSnapshot, type SaveState } from './capture-items';
import { isGhost, lineAfter, newGhosts, promoteGhost } from './capture-lines';
import { mergeServer } from './capture-merge';
import { placeRestored, refiled, unfiled } from './capture-order';
import { JournalLink, replayJournal } from './capture-recovery';
import { pushedEffect, resolution } from './capture-conflicts';
import { SAVE_DELAY_MS, SaveQueue, isTransient } from './capture-saves';
import { EditHistory } from './capture-undo';

export interface CaptureStoreOptions {
  /** Where the journal lives (the page's IndexedDB by default; null: no journal). */
  journal?: JournalBackend | null;
  /** The server the page talks to (the page's origin by default). */
  origin?: string;
  /** Milliseconds now (Date.now by default): groups keystrokes into edits for Ctrl+Z. */
  now?: () => number;
}

/**
 * The moderator's items for one practice in one sala, saved as they are typed.
 *
 * The store holds the one snapshot the screen draws and coordinates the parts that change it:
 * the save queue (capture-saves.ts: throttle, one save in flight per line, retries), the merge of
 * the server's lines with unsaved ones (capture-merge.ts, capture-order.ts), the local journal and
 * its replay (capture-journal.ts, capture-recovery.ts), conflicts with another screen
 * (capture-conflicts.ts), a line's undo (capture-undo.ts) and the empty lines (capture-lines.ts).
 * It lives outside React (one per practice and sala, kept for the whole page life), so leaving
 * the screen neither cancels a pending save nor loses a retry. Every line not yet acknowledged
 * is also kept in the journal (IndexedDB), rewritten with each change and replayed by the next
 * page; a line is shown as kept on this computer only once that write is on disk, so a reload or
 * a browser crash while the hub is unreachable loses nothing that was shown as kept.
 */
export class CaptureStore {
  private snapshot: CaptureSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly pendingEvents: Contribution[] = [];
  private readonly journal: JournalLink;
  /** A failed load that is not retried until a screen shows this store. */
  private loadStalled = false;
  private readonly edits: EditHistory;
  /** The text of each line when the moderator entered it (to undo emptying it). */
  private readonly wordsAtEntry = new Map<string, string>();
  /**
   * This screen, to the server: a save that finds a revision this screen did not write above the
   * one it typed on is a conflict, while its own earlier saves (answers lost, retried) are not.
   */
  private readonly editor = newKey();
  private readonly saves: SaveQueue;

  constructor(
    readonly practiceId: number,
    readonly salaId: number | null,
    options: CaptureStoreOptions = {},
  ) {
    this.journal = new JournalLink(options.journal !== undefined ? options.journal : browserJournalBackend(), options.origin ?? browserOrigin(), this.editor);
    this.edits = new EditHistory(options.now ?? Date.now);
    this.snapshot = { loaded: false, loadError: null, matrix: null, cells: emptyCells(), ghosts: newGhosts(), lastDeleted: null, recovered: 0, unrecovered: 0, recoveryFailed: false, journalProblem: null, journaledRevision: {} };
    this.saves = new SaveQueue({
      practiceId,
      salaId,
      editor: this.editor,
      find: (key) => this.find(key),
      cellOf: (item) => this.snapshot.cells[cellKey(item.block, item.level)] ?? [],
      update: (key, patch) => this.update(key, patch),
      settled: () => this.drainEvents(),
      unrecovered: () => {
        // What the notice counted as recovered was not kept after all: it no longer says so.
        if (this.snapshot.recovered > 0) this.set({ recovered: this.snapshot.recovered - 1 });
      },
    });
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
    if (patch.cells) this.journal.write(this.snapshot.cells);
    for (const listener of this.listeners) listener();
  }

  private find(key: string): CaptureItem | undefined {
    return findItem(this.snapshot.cells, key);
  }

  private update(key: string, patch: Partial<CaptureItem>): void {
    const cells = patchItem(this.snapshot.cells, key, patch);
    if (cells) this.set({ cells });
  }

  private removeKey(key: string): void {
    this.set({ cells: withoutItem(this.snapshot.cells, key) });
  }

  /** The moderator has read the "recovered" notice. */
  dismissRecovered(): void {
    this.set({ recovered: 0, unrecovered: 0, recoveryFailed: false });
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
    if (this.journal.started) {
      this.merge(matrix, []);
      return;
    }
    const taken = await this.journal.open(
      { encuentroId: matrix.encuentroId, practiceId: this.practiceId, salaId: this.salaId },
      {
        // The journal's transaction is durable: these revisions are kept on this computer.
        written: (revisions) => this.set({ journaledRevision: Object.fromEntries(revisions) }),
        problem: (problem) => {
          if (problem !== this.snapshot.journalProblem) this.set({ journalProblem: problem });
        },
      },
    );
    if (taken.unreadable > 0 || taken.failed) this.set({ unrecovered: this.snapshot.unrecovered + taken.unreadable, recoveryFailed: taken.failed });
    this.merge(matrix, taken.entries);
  }

  /** Brings in what the server has (capture-merge.ts); at the first load, also what the journal of an earlier page kept. */
  private merge(matrix: PracticeMatrix, journal: readonly JournalEntry[]): void {
    const merged = mergeServer(this.snapshot.cells, matrix);
    for (const key of merged.adopted) this.saves.resetAttempts(key);
    const { cells, replayed } = replayJournal(merged.cells, journal);
    this.set({ cells, matrix, loaded: true, loadError: null, ...(replayed.length > 0 ? { recovered: this.snapshot.recovered + replayed.length } : {}) });
    for (const key of [...merged.adopted, ...replayed]) {
      const item = this.find(key);
      if (item && !item.inFlight && !item.composing && item.ackedRevision < item.revision) this.saves.schedule(key, 0);
    }
  }

  // ——— Pushed events (another moderator, another window) ———
  applyEvent(c: Contribution, action: 'created' | 'updated' | 'moved' | 'deleted' | 'restored'): void {
    if (c.practiceId !== this.practiceId || (this.salaId !== null && c.salaId !== this.salaId)) return;
    const effect = pushedEffect(findById(this.snapshot.cells, c.id), c, action);
    if (effect.kind === 'remove') this.removeKey(effect.key);
    else if (effect.kind === 'patch') this.update(effect.key, effect.patch);
    else if (effect.kind === 'reload') void this.load();
    else if (effect.kind === 'hold') {
      // Our own create may answer after its event: wait until no create is in flight.
      this.pendingEvents.push(c);
      this.drainEvents();
    }
  }

  private drainEvents(): void {
    const cells = Object.values(this.snapshot.cells);
    if (cells.some((list) => list.some((i) => i.id === null && i.inFlight))) return;
    const events = this.pendingEvents.splice(0);
    if (events.some((c) => !findById(this.snapshot.cells, c.id))) void this.load();
  }

  // ——— Typing ———
  isGhost(key: string): boolean {
    return isGhost(this.snapshot.ghosts, key);
  }

  /**
   * The input changed. While an IME or a dead key is composing, the text is shown but neither
   * counted as a revision nor saved: the half-built character is not the user's text yet.
   */
  setText(key: string, block: ContributionBlock, level: ContributionLevel, text: string, composing: boolean): void {
    let item = this.find(key);
    if (!item) {
      if (!this.isGhost(key) || text === '') return;
      const promoted = promoteGhost(this.snapshot.cells, this.snapshot.ghosts, block, level);
      this.set({ cells: promoted.cells, ghosts: promoted.ghosts });
      item = promoted.item;
    }
    if (composing) {
      this.update(key, { text, composing: true });
      return;
    }
    if (text === item.text && !item.composing) return;
    this.edits.record(key, item.text);
    this.update(key, { text, composing: false, revision: item.revision + 1, error: null, recovered: false });
    this.saves.schedule(key, SAVE_DELAY_MS);
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
    const text = this.edits.step(key, direction, item && !item.composing ? item.text : null);
    if (!item || text === undefined) return false;
    this.update(key, { text, revision: item.revision + 1, error: null, recovered: false });
    this.saves.schedule(key, SAVE_DELAY_MS);
    return true;
  }

  /** Blur, navigation, page hide: save now instead of waiting for the timer. */
  flush(key?: string): void {
    const keys = key ? [key] : Object.values(this.snapshot.cells).flatMap((list) => list.map((i) => i.key));
    for (const k of keys) {
      const item = this.find(k);
      if (item && !item.composing && item.ackedRevision < item.revision && !item.failed) this.saves.schedule(k, 0);
    }
  }

  /**
   * The moderator's choice after a conflict (capture-conflicts.ts): keep theirs, keep their own,
   * or join both. Whatever is not kept stays in the line's history.
   */
  resolveConflict(key: string, choice: 'mine' | 'theirs' | 'both'): void {
    const item = this.find(key);
    const resolved = item && resolution(item, choice);
    if (!item || !resolved) return;
    if (resolved.send) this.edits.record(key, item.text);
    this.update(key, resolved.patch);
    if (resolved.send) this.saves.schedule(key, 0);
  }

  /** "Reintentar" on an item: try now. */
  retry(key: string): void {
    this.saves.resetAttempts(key);
    this.update(key, { error: null });
    this.saves.schedule(key, 0);
  }

  // ——— Deleting and restoring ———
  /**
   * Removes an item; resolves to false when the service refused (the item is then put back).
   * `words`: the text undoing brings back, when the item on screen no longer shows it (emptied).
   */
  async remove(key: string, words?: string): Promise<boolean> {
    const item = this.find(key);
    if (!item) return false;
    this.saves.cancel(key);
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
    const { cells, line } = placeRestored(this.snapshot.cells, item, restored);
    this.set({ cells });
    if (line.revision > line.ackedRevision) this.saves.schedule(line.key, 0);
    return line;
  }

  /** A former version was brought back by the service. */
  replaceFromServer(c: Contribution): void {
    const item = findById(this.snapshot.cells, c.id);
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
    const index = (this.snapshot.cells[cellKey(item.block, item.level)] ?? []).findIndex((i) => i.key === key);
    this.set({ cells: refiled(this.snapshot.cells, item, block, level) });
    if (item.id === null) return true;
    try {
      const moved = await call('encuentro.contributions.move', { id: item.id, block, level });
      this.update(key, { position: moved.position });
      return true;
    } catch {
      // Back where it was, in its place among its neighbours.
      this.set({ cells: unfiled(this.snapshot.cells, cellKey(block, level), this.find(key) ?? item, item, index) });
      return false;
    }
  }

  // ——— Empty lines and leaving a line ———
  /** Enter on a line: the key of the line to go to (a new draft right after it, when needed). */
  insertDraftAfter(key: string): string {
    const next = lineAfter(this.snapshot.cells, this.snapshot.ghosts, key);
    if (next.cells) this.set({ cells: next.cells });
    return next.key;
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

  /** Totals for the screen's summary line. */
  counts(): Record<SaveState, number> {
    return countStates(this.snapshot.cells);
  }
}
