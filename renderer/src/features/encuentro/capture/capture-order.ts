import type { Contribution } from '../../../../../shared/domain/encuentro-types';
import type { ContributionBlock, ContributionLevel } from '../../../../../shared/domain/encuentro-matrix';
import { cellKey, fromServer, withoutItem, type CaptureItem, type Cells } from './capture-items';

/**
 * Where lines go within their cell, as pure functions of the cell's list: the server orders saved
 * lines by position, but a line not created yet exists only here and must keep the place the
 * moderator gave it until its create tells the server where it goes.
 */

/** Where local[index] (a draft) goes in `fresh`, keeping its place among its neighbours. */
export function draftSlot(fresh: readonly CaptureItem[], local: readonly CaptureItem[], index: number): number {
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
export function nearestId(list: readonly CaptureItem[], index: number, step: -1 | 1): number | null {
  for (let j = index + step; j >= 0 && j < list.length; j += step) {
    const id = list[j]!.id;
    if (id !== null) return id;
  }
  return null;
}

/**
 * The server id a create of `list[index]` goes after: null for "at the end", or 'wait' while a
 * line before it is itself being created (its id is not known yet).
 */
export function predecessorId(list: readonly CaptureItem[], index: number): number | null | 'wait' {
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

/**
 * After `list[index]` was created: the cell's saved ids in screen order when the server needs to
 * be told (a first line created above saved ones lands at the end there), else null.
 */
export function orderAfterCreate(list: readonly CaptureItem[], index: number): number[] | null {
  const ids = list.filter((i) => i.id !== null).map((i) => i.id!);
  const isFirstSaved = list.slice(0, index).every((i) => i.id === null);
  return isFirstSaved && ids.length >= 2 ? ids : null;
}

/**
 * A deleted line the server restored (as `restored`), back in its cell before the first saved
 * line the server places after it. Text typed just before deleting that the server does not
 * have is unsaved again, on top of the restored revision.
 */
export function placeRestored(cells: Cells, deleted: CaptureItem, restored: Contribution): { cells: Cells; line: CaptureItem } {
  const line = { ...fromServer(restored), key: deleted.key };
  if (deleted.text !== restored.text) Object.assign(line, { text: deleted.text, revision: restored.revision + 1 });
  const ck = cellKey(restored.block, restored.level);
  const list = [...(cells[ck] ?? []).filter((i) => i.key !== deleted.key)];
  const at = list.findIndex((i) => i.id !== null && i.position > restored.position);
  list.splice(at < 0 ? list.length : at, 0, line);
  return { cells: { ...cells, [ck]: list }, line };
}

/** The line `item` refiled at the end of another cell (its block and level changed). */
export function refiled(cells: Cells, item: CaptureItem, block: ContributionBlock, level: ContributionLevel): Cells {
  const to = cellKey(block, level);
  const next = withoutItem(cells, item.key);
  return { ...next, [to]: [...(next[to] ?? []), { ...item, block, level, position: Number.MAX_SAFE_INTEGER }] };
}

/**
 * A refiling to cell `to` the server refused, undone: `current` (the line as it is now) out of
 * that cell and back in the cell of `original` at the index it had there, with its block, level
 * and position.
 */
export function unfiled(cells: Cells, to: string, current: CaptureItem, original: CaptureItem, index: number): Cells {
  const from = cellKey(original.block, original.level);
  const back = { ...cells, [to]: (cells[to] ?? []).filter((i) => i.key !== current.key) };
  const list = [...(back[from] ?? [])];
  list.splice(Math.min(index, list.length), 0, { ...current, block: original.block, level: original.level, position: original.position });
  back[from] = list;
  return back;
}
