import { CaptureJournal, type JournalBackend, type JournalEntry, type JournalListener, type JournalScope, type TakenOver } from './capture-journal';
import { cellKey, isBlank, locate, type CaptureItem, type Cells } from './capture-items';
import { sentBase } from './capture-conflicts';
import { nearestId } from './capture-order';

/**
 * The store's lines to and from the local journal (capture-journal.ts keeps the entries on disk):
 * which lines an entry is written for, and what a replay of an earlier page's entries puts back.
 */

/**
 * A store's link to its journal: opened at the first load (once the practice's Encuentro is
 * known), taking over what earlier pages left; from then on rewritten with every change.
 */
export class JournalLink {
  private journal: CaptureJournal | null = null;
  /** The last journaled form of each unsaved line (kept while an IME composes over it). */
  private journaled = new Map<string, JournalEntry>();
  private opening = false;

  /** `editor`: this screen, as its text changes' base names it (capture-conflicts.ts). */
  constructor(
    private readonly backend: JournalBackend | null,
    private readonly origin: string,
    private readonly editor: string,
  ) {}

  /** Open or being opened: a second load meanwhile replays nothing. */
  get started(): boolean {
    return this.journal !== null || this.opening;
  }

  /** Opens this page's journal: what earlier pages left for the scope, to replay. */
  async open(scope: Omit<JournalScope, 'origin'>, listener: JournalListener): Promise<TakenOver> {
    this.opening = true;
    const journal = new CaptureJournal(this.backend, { origin: this.origin, ...scope }, listener);
    const taken = await journal.takeOver();
    this.journal = journal;
    this.opening = false;
    return taken;
  }

  /** Writes every unacknowledged line (an acknowledged one leaves the journal); nothing before it is open. */
  write(cells: Cells): void {
    if (!this.journal) return;
    this.journaled = journalEntries(cells, this.journaled, this.editor);
    this.journal.write([...this.journaled.values()]);
  }
}

/**
 * The entry to journal for every unacknowledged line, by key (an acknowledged one leaves the
 * journal). `previous`: what was journaled last, kept for a line an IME is composing over.
 */
export function journalEntries(cells: Cells, previous: ReadonlyMap<string, JournalEntry>, editor: string): Map<string, JournalEntry> {
  const entries = new Map<string, JournalEntry>();
  for (const list of Object.values(cells)) {
    list.forEach((item, index) => {
      // A blank line is never sent (it is removed when left): the service keeps its last words.
      if (item.ackedRevision >= item.revision || isBlank(item.text)) return;
      // Half-composed text is not the user's yet: the journal keeps what it had.
      const entry: JournalEntry | undefined = item.composing
        ? previous.get(item.key)
        : { key: item.key, id: item.id, block: item.block, level: item.level, text: item.text, revision: item.revision, afterId: nearestId(list, index, -1), beforeId: nearestId(list, index, 1), ...journaledBase(item, editor) };
      if (entry) entries.set(item.key, entry);
    });
  }
  return entries;
}

/** The base a text change of `item` is typed on, as the journal stores it (none for a line not created yet). */
function journaledBase(item: CaptureItem, editor: string): { base: number; editor: string } | Record<string, never> {
  if (item.id === null) return {};
  const base = sentBase(item, editor);
  return base ? { base: base.baseRevision, editor: base.editor } : {};
}

/**
 * Puts the journal's lines into freshly merged cells: a text change over the server's record
 * unless the server already has that revision (or a later one), a line never acknowledged
 * where it was typed. Answers the cells and the keys to save. Creates reuse their key (the
 * service answers the existing record for a repeated one) and changes carry their revision (the
 * service keeps the highest), so replaying twice stores nothing twice.
 */
export function replayJournal(merged: Cells, entries: readonly JournalEntry[]): { cells: Cells; replayed: string[] } {
  const cells = { ...merged };
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
  return { cells, replayed };
}
