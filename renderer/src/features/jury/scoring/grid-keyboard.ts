// The score grid's keyboard, as plain functions over positions: which key moves where, and which
// cell a move lands on. The grid (ScoreGridTable) only reads the key and focuses the answer.

export const cellId = (viewIndex: number, c: number) => `grid-cell-${viewIndex}-${c}`;

/** In reading order (Tab, Enter) or straight (arrows). */
export type GridMove = 'next' | 'previous' | 'up' | 'down' | 'left' | 'right';

/** The move a key asks for in a score cell; null for keys the cell handles itself (digits, Escape…). */
export function moveForKey(key: string, shiftKey: boolean): GridMove | null {
  if (key === 'Tab' || key === 'Enter') return shiftKey ? 'previous' : 'next';
  if (key === 'ArrowDown') return 'down';
  if (key === 'ArrowUp') return 'up';
  if (key === 'ArrowLeft') return 'left';
  if (key === 'ArrowRight') return 'right';
  return null;
}

/**
 * The cell a move lands on, or null past the grid's edge. Moving in reading order or sideways
 * skips cells whose criterion does not apply to the row; moving up or down stops on the next row
 * even there (the column stays where the juror is looking).
 */
export function findCell(
  from: { row: number; c: number },
  move: GridMove,
  size: { rows: number; criteria: number },
  applies: (row: number, c: number) => boolean,
): [number, number] | null {
  const criteria = size.criteria;
  let r = from.row;
  let k = from.c;
  for (let guard = 0; guard < criteria * 4 + 4; guard++) {
    if (move === 'next') {
      k += 1;
      if (k >= criteria) [r, k] = [r + 1, 0];
    } else if (move === 'previous') {
      k -= 1;
      if (k < 0) [r, k] = [r - 1, criteria - 1];
    } else if (move === 'up') r -= 1;
    else if (move === 'down') r += 1;
    else if (move === 'left') k -= 1;
    else k += 1;
    if (r < 0 || r >= size.rows || k < 0 || k >= criteria) return null;
    if (applies(r, k)) return [r, k];
    if (move === 'up' || move === 'down') return [r, k];
  }
  return null;
}
