import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../renderer/src/features/encuentro/capture/capture-journal';
import { journalEntries, replayJournal } from '../../renderer/src/features/encuentro/capture/capture-recovery';
import { CELL, cellsWith, draft, saved, texts } from './support/capture-lines';

/**
 * What the capture store writes to its local journal and what a replay of an earlier page's
 * journal puts back, as pure functions of the cells (the journal's storage is not involved).
 */
const entry = (e: Partial<JournalEntry> & Pick<JournalEntry, 'key' | 'text'>): JournalEntry => ({
  id: null,
  block: 'limiting',
  level: 'ugel',
  revision: 1,
  afterId: null,
  beforeId: null,
  ...e,
});

describe('what is journaled', () => {
  it('every unacknowledged line with words, with its neighbours and the base it was typed on; not a saved or blank one', () => {
    const cells = cellsWith([saved(1, 'Guardado'), draft('a', 'Nuevo'), saved(2, 'Editado', { revision: 3, ackedRevision: 2 }), draft('b', '   ')]);
    const written = journalEntries(cells, new Map(), 'pantalla-1');
    expect([...written.values()]).toEqual([
      { key: 'a', id: null, block: 'limiting', level: 'ugel', text: 'Nuevo', revision: 1, afterId: 1, beforeId: 2 },
      { key: 's-2', id: 2, block: 'limiting', level: 'ugel', text: 'Editado', revision: 3, afterId: 1, beforeId: null, base: 2, editor: 'pantalla-1' },
    ]);
  });

  it('a line an IME is composing over keeps what was journaled before; a line from an earlier page keeps that page’s base', () => {
    const before = entry({ key: 'a', text: 'Cancion' });
    const cells = cellsWith([draft('a', 'Canció', { composing: true, revision: 2 }), saved(4, 'Recuperado', { revision: 3, recovered: true, recoveredBase: { baseRevision: 1, editor: 'otra' } })]);
    const written = journalEntries(cells, new Map([['a', before]]), 'pantalla-1');
    expect(written.get('a')).toBe(before);
    expect(written.get('s-4')).toMatchObject({ base: 1, editor: 'otra' });
  });
});

describe('replaying an earlier page’s journal', () => {
  it('puts lines never created back where they were typed, one after the other, and marks them to be saved', () => {
    const cells = cellsWith([saved(1, 'Uno'), saved(2, 'Dos')]);
    const { cells: next, replayed } = replayJournal(cells, [entry({ key: 'a', text: 'A', afterId: 1, beforeId: 2 }), entry({ key: 'b', text: 'B', afterId: 1, beforeId: 2 })]);
    expect(texts(next)).toEqual(['Uno', 'A', 'B', 'Dos']);
    expect(replayed).toEqual(['a', 'b']);
    expect(next[CELL]![1]).toMatchObject({ recovered: true, failed: true, ackedRevision: -1 });
    // The cells given are not changed.
    expect(texts(cells)).toEqual(['Uno', 'Dos']);
  });

  it('a text change the server already has (or a later one) is not replayed; an older base with a later server revision is contested', () => {
    const cells = cellsWith([saved(1, 'Servidor', { revision: 5, ackedRevision: 5 })]);
    expect(replayJournal(cells, [entry({ key: 'x', id: 1, text: 'Viejo', revision: 4 })]).replayed).toEqual([]);
    const contested = replayJournal(cells, [entry({ key: 'x', id: 1, text: 'Mío', revision: 3, base: 2, editor: 'otra' })]);
    expect(contested.replayed).toEqual(['s-1']);
    expect(contested.cells[CELL]![0]).toMatchObject({ text: 'Mío', revision: 3, ackedRevision: 2, recoveredBase: { baseRevision: 2, editor: 'otra' } });
  });

  it('a change to a line the server no longer lists comes back at the end of its cell, unsaved', () => {
    const { cells, replayed } = replayJournal(cellsWith([saved(1, 'Uno')]), [entry({ key: 'k', id: 9, text: 'Borrado allá', revision: 2 })]);
    expect(texts(cells)).toEqual(['Uno', 'Borrado allá']);
    expect(cells[CELL]![1]).toMatchObject({ id: 9, revision: 2, ackedRevision: 1 });
    expect(replayed).toEqual(['k']);
  });
});
