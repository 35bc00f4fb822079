import { describe, expect, it } from 'vitest';
import { findCell, moveForKey } from '../../renderer/src/features/jury/scoring/grid-keyboard';

/**
 * The score grid's keyboard, apart from the grid: which key moves where, and where a move lands
 * in a grid where some criteria do not apply to some rows.
 */
describe('score grid keyboard', () => {
  it('reads Tab and Enter in reading order, Shift backwards, and the arrows straight', () => {
    expect(moveForKey('Tab', false)).toBe('next');
    expect(moveForKey('Enter', true)).toBe('previous');
    expect(moveForKey('ArrowUp', false)).toBe('up');
    expect(moveForKey('ArrowRight', false)).toBe('right');
    expect(moveForKey('5', false)).toBeNull();
    expect(moveForKey('Escape', false)).toBeNull();
  });

  // 3 rows × 3 criteria; criterion 1 does not apply to row 1.
  const size = { rows: 3, criteria: 3 };
  const applies = (row: number, c: number) => !(row === 1 && c === 1);

  it('wraps to the next row in reading order and skips a criterion that does not apply', () => {
    expect(findCell({ row: 0, c: 2 }, 'next', size, applies)).toEqual([1, 0]);
    expect(findCell({ row: 1, c: 0 }, 'next', size, applies)).toEqual([1, 2]);
    expect(findCell({ row: 1, c: 2 }, 'previous', size, applies)).toEqual([1, 0]);
    expect(findCell({ row: 1, c: 0 }, 'right', size, applies)).toEqual([1, 2]);
  });

  it('moves up and down onto the next row even where the criterion does not apply', () => {
    expect(findCell({ row: 0, c: 1 }, 'down', size, applies)).toEqual([1, 1]);
    expect(findCell({ row: 2, c: 1 }, 'up', size, applies)).toEqual([1, 1]);
  });

  it('stops at the grid edges', () => {
    expect(findCell({ row: 2, c: 2 }, 'next', size, applies)).toBeNull();
    expect(findCell({ row: 0, c: 0 }, 'previous', size, applies)).toBeNull();
    expect(findCell({ row: 0, c: 0 }, 'up', size, applies)).toBeNull();
    expect(findCell({ row: 0, c: 2 }, 'right', size, applies)).toBeNull();
  });
});
