import { describe, expect, it } from 'vitest';
import { mergeServer } from '../../renderer/src/features/encuentro/capture/capture-merge';
import { orderAfterCreate, placeRestored, predecessorId, refiled, unfiled } from '../../renderer/src/features/encuentro/capture/capture-order';
import { CELL, cellsWith, draft, matrixWith, record, saved, texts } from './support/capture-lines';

/**
 * The capture store's merge of the server's lines with the ones this screen has not saved yet,
 * and where a line goes in its cell, as pure functions of the cells (no store, no server).
 */
describe('merging the server’s lines with unsaved ones', () => {
  it('keeps a run of drafts typed during an outage in typing order, between the saved lines they were typed among', () => {
    const local = cellsWith([saved(1, 'Primero'), draft('a', 'Entre A'), draft('b', 'Entre B'), saved(2, 'Último')]);
    const { cells, adopted } = mergeServer(local, matrixWith([record(1, 'Primero'), record(2, 'Último'), record(3, 'De otra laptop')]));
    expect(texts(cells)).toEqual(['Primero', 'Entre A', 'Entre B', 'Último', 'De otra laptop']);
    expect(adopted).toEqual([]);
  });

  it('a draft whose create got through (its answer lost) takes the record’s id and stays unsaved if its text is newer', () => {
    const local = cellsWith([draft('a', 'Texto más largo', { revision: 3 })]);
    const { cells, adopted } = mergeServer(local, matrixWith([record(7, 'Texto', { clientKey: 'a', revision: 1 })]));
    expect(adopted).toEqual(['a']);
    expect(cells[CELL]).toMatchObject([{ key: 'a', id: 7, text: 'Texto más largo', revision: 3, ackedRevision: 1 }]);
  });

  it('keeps unsaved local text over the server’s, takes the server’s text for a saved line, and never drops an unsaved line the server no longer lists', () => {
    const local = cellsWith([saved(1, 'Mío sin guardar', { revision: 2 }), saved(2, 'Viejo'), saved(3, 'Borrado allá', { revision: 2 })]);
    const { cells } = mergeServer(local, matrixWith([record(1, 'Antes', { revision: 1 }), record(2, 'Nuevo', { revision: 4 })]));
    expect(texts(cells)).toEqual(['Mío sin guardar', 'Nuevo', 'Borrado allá']);
    expect(cells[CELL]![1]).toMatchObject({ key: 's-2', revision: 4, ackedRevision: 4 });
  });
});

describe('where a line goes in its cell', () => {
  it('a create goes after the nearest saved line before it, waits for a draft before it, and goes at the end when last', () => {
    const list = [saved(1, 'Uno'), draft('a', 'A'), draft('b', 'B'), saved(2, 'Dos')];
    expect(predecessorId(list, 1)).toBe(1);
    expect(predecessorId(list, 2)).toBe('wait');
    expect(predecessorId([saved(1, 'Uno'), draft('a', 'A'), draft('g', '')], 1)).toBeNull();
    expect(predecessorId([draft('a', 'A'), saved(1, 'Uno')], 0)).toBeNull();
  });

  it('a first line created above saved ones asks the server to reorder; a later one does not', () => {
    expect(orderAfterCreate([saved(5, 'Nuevo primero'), saved(1, 'Uno')], 0)).toEqual([5, 1]);
    expect(orderAfterCreate([saved(1, 'Uno'), saved(5, 'Nuevo')], 1)).toBeNull();
    expect(orderAfterCreate([saved(5, 'Solo')], 0)).toBeNull();
  });

  it('a restored line goes back before the first saved line placed after it, with the text typed just before deleting it unsaved', () => {
    const cells = cellsWith([saved(1, 'Uno', { position: 1 }), draft('d', 'Borrador'), saved(3, 'Tres', { position: 3 })]);
    const deleted = saved(2, 'Dos con más texto', { key: 'k2' });
    const { cells: next, line } = placeRestored(cells, deleted, record(2, 'Dos', { position: 2, revision: 4 }));
    expect(texts(next)).toEqual(['Uno', 'Borrador', 'Dos con más texto', 'Tres']);
    expect(line).toMatchObject({ key: 'k2', id: 2, revision: 5, ackedRevision: 4 });
  });

  it('a refiled line goes to the end of the other cell, and a refused refiling puts it back at its index', () => {
    const line = saved(2, 'Mal archivado');
    const cells = cellsWith([saved(1, 'Uno'), line, saved(3, 'Tres')]);
    const moved = refiled(cells, line, 'actions', 'minedu');
    expect(texts(moved)).toEqual(['Uno', 'Tres']);
    expect(moved['actions:minedu']).toMatchObject([{ key: 's-2', block: 'actions', level: 'minedu' }]);
    const back = unfiled(moved, 'actions:minedu', moved['actions:minedu']![0]!, line, 1);
    expect(texts(back)).toEqual(['Uno', 'Mal archivado', 'Tres']);
    expect(back[CELL]![1]).toMatchObject({ block: 'limiting', level: 'ugel', position: 2 });
    expect(back['actions:minedu']).toEqual([]);
  });
});
