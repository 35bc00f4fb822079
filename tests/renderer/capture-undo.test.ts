import { describe, expect, it } from 'vitest';
import { TYPING_PAUSE_MS } from '../../shared/domain/encuentro-matrix';
import { EditHistory } from '../../renderer/src/features/encuentro/capture/capture-undo';
import { isGhost, lineAfter, newGhosts, promoteGhost } from '../../renderer/src/features/encuentro/capture/capture-lines';
import { CELL, cellsWith, draft, saved, texts } from './support/capture-lines';

/** A line's own undo (whole edits, not characters) and the screen's empty lines, apart from the store. */
describe('a line’s undo', () => {
  it('groups keystrokes with no pause into one edit; undo and redo step over whole edits; typing anew clears redo', () => {
    let now = 0;
    const history = new EditHistory(() => now);
    let text = '';
    const type = (words: string) => {
      for (const ch of words) {
        now += 80;
        history.record('k', text);
        text += ch;
      }
    };
    type('Falta');
    now += TYPING_PAUSE_MS;
    type(' presupuesto');
    expect(history.step('k', 'undo', text)).toBe('Falta');
    expect(history.step('k', 'redo', 'Falta')).toBe('Falta presupuesto');
    expect(history.step('k', 'undo', 'Falta presupuesto')).toBe('Falta');
    expect(history.step('k', 'undo', 'Falta')).toBe('');
    expect(history.step('k', 'undo', '')).toBeUndefined();
    history.record('k', '');
    expect(history.step('k', 'redo', 'x')).toBeUndefined();
  });

  it('Ctrl+Z while the line cannot change (an IME composing) changes nothing and keeps the step for later', () => {
    const history = new EditHistory(() => 0);
    history.record('k', 'antes');
    expect(history.step('k', 'undo', null)).toBeUndefined();
    expect(history.step('k', 'undo', 'después')).toBe('antes');
    expect(history.step('k', 'redo', 'antes')).toBe('después');
  });
});

describe('the empty lines', () => {
  it('a ghost typed in becomes the last line of its cell with the same key, and the cell gets a new ghost', () => {
    const ghosts = newGhosts();
    const key = ghosts[CELL]!;
    const { cells, ghosts: next, item } = promoteGhost(cellsWith([saved(1, 'Uno')]), ghosts, 'limiting', 'ugel');
    expect(item).toMatchObject({ key, id: null, text: '' });
    expect(cells[CELL]!.map((i) => i.key)).toEqual(['s-1', key]);
    expect(next[CELL]).not.toBe(key);
    expect(isGhost(next, key)).toBe(false);
    expect(isGhost(next, next[CELL]!)).toBe(true);
  });

  it('Enter goes to the ghost after the last line, to an empty draft already next, else opens a draft right after the line', () => {
    const ghosts = newGhosts();
    const cells = cellsWith([saved(1, 'Uno'), draft('vacío', ''), saved(2, 'Dos')]);
    expect(lineAfter(cells, ghosts, 's-2')).toEqual({ key: ghosts[CELL] });
    expect(lineAfter(cells, ghosts, 's-1')).toEqual({ key: 'vacío' });
    const opened = lineAfter(cells, ghosts, 'vacío');
    expect(texts(opened.cells!)).toEqual(['Uno', '', '', 'Dos']);
    expect(opened.cells![CELL]![2]).toMatchObject({ key: opened.key, id: null, revision: 0, ackedRevision: -1 });
  });
});
