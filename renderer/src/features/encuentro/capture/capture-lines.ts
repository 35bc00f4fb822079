import { CONTRIBUTION_BLOCKS, LEVELS_BY_BLOCK, type ContributionBlock, type ContributionLevel } from '../../../../../shared/domain/encuentro-matrix';
import { blankLine, cellKey, findItem, newKey, type CaptureItem, type Cells, type Ghosts } from './capture-items';

/**
 * The empty lines of the screen, which exist only here until typed in: the ghost line at the end
 * of each cell (where a new line is typed) and the drafts Enter opens in the middle of a list.
 */

export function newGhosts(): Ghosts {
  const ghosts: Ghosts = {};
  for (const block of CONTRIBUTION_BLOCKS) for (const level of LEVELS_BY_BLOCK[block]) ghosts[cellKey(block, level)] = newKey();
  return ghosts;
}

export function isGhost(ghosts: Ghosts, key: string): boolean {
  return Object.values(ghosts).includes(key);
}

/**
 * The ghost line of a cell becomes a real item at the end of the cell: it keeps its key (and so
 * its DOM node and focus), and the cell gets a new ghost.
 */
export function promoteGhost(cells: Cells, ghosts: Ghosts, block: ContributionBlock, level: ContributionLevel): { cells: Cells; ghosts: Ghosts; item: CaptureItem } {
  const ck = cellKey(block, level);
  const item = blankLine(ghosts[ck]!, block, level);
  return { cells: { ...cells, [ck]: [...(cells[ck] ?? []), item] }, ghosts: { ...ghosts, [ck]: newKey() }, item };
}

/**
 * Enter on line `key`: the line to go to next. The cell's ghost after its last line, an empty
 * draft already there, else a new draft right after it (answered with the cells that hold it).
 */
export function lineAfter(cells: Cells, ghosts: Ghosts, key: string): { key: string; cells?: Cells } {
  const item = findItem(cells, key);
  if (!item) return { key };
  const ck = cellKey(item.block, item.level);
  const list = [...(cells[ck] ?? [])];
  const index = list.findIndex((i) => i.key === key);
  const next = list[index + 1];
  if (!next) return { key: ghosts[ck]! };
  if (next.id === null && next.text === '') return { key: next.key };
  const draft: CaptureItem = { ...item, key: newKey(), id: null, text: '', revision: 0, ackedRevision: -1, inFlight: false, failed: false, error: null, composing: false, recovered: false };
  list.splice(index + 1, 0, draft);
  return { key: draft.key, cells: { ...cells, [ck]: list } };
}
