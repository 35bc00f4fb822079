import { describe, expect, it } from 'vitest';
import { ghostAt, keyAction, linePosition, type KeyContext, type KeyPress } from '../../renderer/src/features/encuentro/capture/capture-keys';
import { newGhosts } from '../../renderer/src/features/encuentro/capture/capture-lines';
import { CELL, cellsWith, saved } from './support/capture-lines';

/**
 * The capture screen's keyboard apart from the screen: where a line sits in the matrix and what
 * each key does there (the e2e keyboard suites press the same keys in the browser).
 */
const ghosts = newGhosts();
const cells = cellsWith([saved(1, 'Uno'), saved(2, 'Dos')]);
const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
const on = (key: string, extra: Partial<KeyContext> = {}): KeyContext => ({
  ghosts,
  where: linePosition(cells, ghosts, key)!,
  item: cells[CELL]!.find((i) => i.key === key) ?? null,
  empty: false,
  caret: () => ({ first: true, last: true }),
  canUndoDelete: false,
  ...extra,
});

describe('capture keyboard', () => {
  it('finds a line in its block and level, its cell’s ghost last', () => {
    expect(linePosition(cells, ghosts, 's-2')).toEqual({ blockIndex: 0, levelIndex: 0, index: 1, list: ['s-1', 's-2', ghosts[CELL]] });
    expect(linePosition(cells, ghosts, 'nada')).toBeNull();
  });

  it('Alt+arrows go to the ghost of the next level or block, wrapping around the matrix', () => {
    expect(keyAction(press('ArrowDown', { altKey: true }), on('s-1'))).toEqual({ kind: 'focus', key: ghostAt(ghosts, 0, 1) });
    expect(keyAction(press('ArrowUp', { altKey: true }), on('s-1'))).toEqual({ kind: 'focus', key: ghostAt(ghosts, 3, 3) });
    expect(ghostAt(ghosts, -1, 3)).toBe(ghosts['conditions:otherActors']);
    expect(ghostAt(ghosts, 4, 0)).toBe(ghosts[CELL]);
    expect(keyAction(press('ArrowRight', { altKey: true }), on('s-1'))).toEqual({ kind: 'focus', key: ghostAt(ghosts, 1, 0) });
  });

  it('Enter opens a new line only from a line with words; Ctrl+Supr and Backspace on an empty line delete, focusing a neighbour', () => {
    expect(keyAction(press('Enter'), on('s-1'))).toEqual({ kind: 'newLine' });
    expect(keyAction(press('Enter'), on(ghosts[CELL]!))).toEqual({ kind: 'none' });
    expect(keyAction(press('Enter', { shiftKey: true }), on('s-1'))).toBeNull();
    expect(keyAction(press('Delete', { ctrlKey: true }), on('s-2'))).toMatchObject({ kind: 'delete', focusAfter: ghosts[CELL] });
    expect(keyAction(press('Backspace'), on('s-2', { empty: true }))).toMatchObject({ kind: 'delete', focusAfter: 's-1' });
    expect(keyAction(press('Backspace'), on('s-1', { empty: true }))).toEqual({ kind: 'typed' });
    expect(keyAction(press('Backspace'), on('s-2'))).toEqual({ kind: 'typed' });
  });

  it('Ctrl+Z brings back a deletion made after the last edit, else undoes the line’s last edit; Ctrl+Y and Ctrl+Mayús+Z redo', () => {
    expect(keyAction(press('z', { ctrlKey: true }), on('s-1', { canUndoDelete: true }))).toEqual({ kind: 'undoDelete' });
    expect(keyAction(press('z', { ctrlKey: true }), on('s-1'))).toEqual({ kind: 'undoEdit' });
    expect(keyAction(press('y', { ctrlKey: true }), on('s-1'))).toEqual({ kind: 'redoEdit' });
    expect(keyAction(press('Z', { ctrlKey: true, shiftKey: true }), on('s-1', { canUndoDelete: true }))).toEqual({ kind: 'redoEdit' });
  });

  it('plain ↑/↓ leave the line only from its first or last visual line; Alt+H and Alt+M open the saved line’s history and refiling', () => {
    expect(keyAction(press('ArrowUp'), on('s-2'))).toEqual({ kind: 'focus', key: 's-1' });
    expect(keyAction(press('ArrowUp'), on('s-2', { caret: () => ({ first: false, last: true }) }))).toBeNull();
    expect(keyAction(press('ArrowDown'), on('s-1', { caret: () => ({ first: true, last: false }) }))).toBeNull();
    expect(keyAction(press('ArrowUp'), on('s-1'))).toBeNull();
    expect(keyAction(press('h', { altKey: true }), on('s-1'))).toMatchObject({ kind: 'history', item: { id: 1 } });
    expect(keyAction(press('M', { altKey: true }), on('s-1'))).toMatchObject({ kind: 'move', item: { id: 1 } });
    expect(keyAction(press('h', { altKey: true }), on(ghosts[CELL]!))).toEqual({ kind: 'typed' });
  });
});
