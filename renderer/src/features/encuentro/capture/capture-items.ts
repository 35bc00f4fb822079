import type { Contribution, PracticeMatrix } from '../../../../../shared/domain/encuentro-types';
import { CONTRIBUTION_BLOCKS, LEVELS_BY_BLOCK, type ContributionBlock, type ContributionLevel } from '../../../../../shared/domain/encuentro-matrix';
import type { JournalProblem } from './capture-journal';

/**
 * The capture screen's data: what a line is, what its save state reads, the cells and the
 * snapshot the screen draws, and the lookups and copy-on-write changes every part of the store
 * shares. No state lives here: the store (capture-store.ts) holds the one snapshot.
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

/** A practice's lines, per cell of the matrix (`cellKey`), in the moderator's order. */
export type Cells = Record<string, CaptureItem[]>;

/** A ghost (the empty "new item" line) per cell of the matrix, by cell key: the key its line will have once typed in. */
export type Ghosts = Record<string, string>;

/** What the capture screen draws of one practice in one sala. */
export interface CaptureSnapshot {
  loaded: boolean;
  loadError: string | null;
  matrix: PracticeMatrix | null;
  cells: Cells;
  /** A ghost (the empty "new item" line) per cell, by key. */
  ghosts: Ghosts;
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

export const cellKey = (block: ContributionBlock, level: ContributionLevel) => `${block}:${level}`;

let keySeed = 0;
/** A key no other line of this page has (and, random, none of another page's journal). */
export function newKey(): string {
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

/** How many lines of the cells are in each save state. */
export function countStates(cells: Cells): Record<SaveState, number> {
  const counts: Record<SaveState, number> = { empty: 0, saved: 0, saving: 0, retrying: 0, error: 0, conflict: 0 };
  for (const list of Object.values(cells)) for (const item of list) counts[saveStateOf(item)] += 1;
  return counts;
}

/** A line as the server has it, acknowledged up to its revision. */
export function fromServer(c: Contribution): CaptureItem {
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

/** A line the moderator has not typed in yet (never created, nothing to save). */
export function blankLine(key: string, block: ContributionBlock, level: ContributionLevel): CaptureItem {
  return { key, id: null, block, level, text: '', revision: 0, ackedRevision: -1, composing: false, inFlight: false, failed: false, error: null, position: Number.MAX_SAFE_INTEGER, recovered: false };
}

/** What a create's answer acknowledges: a repeated create answers the first record, whose text may be older. */
export function ackedByRecord(c: Contribution, text: string, revision: number): number {
  return c.text === text ? revision : Math.min(c.revision, revision - 1);
}

/** Every cell of the matrix, empty. */
export function emptyCells(): Cells {
  const cells: Cells = {};
  for (const block of CONTRIBUTION_BLOCKS) for (const level of LEVELS_BY_BLOCK[block]) cells[cellKey(block, level)] = [];
  return cells;
}

/** Where the first line that passes `found` sits: its cell and index. */
export function locate(cells: Cells, found: (item: CaptureItem) => boolean): { ck: string; index: number } | null {
  for (const [ck, list] of Object.entries(cells)) {
    const index = list.findIndex(found);
    if (index >= 0) return { ck, index };
  }
  return null;
}

export function findItem(cells: Cells, key: string): CaptureItem | undefined {
  const at = locate(cells, (i) => i.key === key);
  return at ? cells[at.ck]![at.index] : undefined;
}

export function findById(cells: Cells, id: number): CaptureItem | undefined {
  const at = locate(cells, (i) => i.id === id);
  return at ? cells[at.ck]![at.index] : undefined;
}

/** The cells with the line `key` changed by `patch`; null when there is no such line. */
export function patchItem(cells: Cells, key: string, patch: Partial<CaptureItem>): Cells | null {
  const at = locate(cells, (i) => i.key === key);
  if (!at) return null;
  const list = [...cells[at.ck]!];
  list[at.index] = { ...list[at.index]!, ...patch };
  return { ...cells, [at.ck]: list };
}

/** The cells without the line `key`. */
export function withoutItem(cells: Cells, key: string): Cells {
  const next = { ...cells };
  for (const [ck, list] of Object.entries(next)) if (list.some((i) => i.key === key)) next[ck] = list.filter((i) => i.key !== key);
  return next;
}
