import { describe, expect, it } from 'vitest';
import type { ScoreGrid, ScoreGridRow } from '../../shared/domain/jury-types';
import { cellApplies, completeRows, initialRows, withCell } from '../../renderer/src/features/jury/scoring/grid-state';

/**
 * The scoring grid's state over the compact payload (scores.grid): one values array per row,
 * feedback only for the cells being saved or refused, and which sheets can be submitted.
 */
const criterion = (id: number) => ({ id, name: `Criterio ${id}`, scaleMin: 0, scaleMax: 4, scaleStep: 1 });
const row = (entryId: number, values: (number | null)[], extra: Partial<ScoreGridRow> = {}): ScoreGridRow => ({
  entryId,
  code: `BP-${entryId}`,
  title: `Práctica ${entryId}`,
  igedName: null,
  region: null,
  status: values.some((v) => v !== null) ? 'inProgress' : 'pending',
  editable: true,
  values,
  ...extra,
});
const grid = (rows: ScoreGridRow[]): ScoreGrid => ({
  stageId: 1,
  jurorId: 1,
  blindMode: true,
  criteria: [criterion(1), criterion(2), criterion(3)],
  rows,
  progress: { done: 0, total: rows.length },
});

describe('scoring grid state', () => {
  it('reads which criteria apply from the positions listed as not applicable', () => {
    const limited = row(1, [2, null, null], { notApplicable: [2] });
    expect([0, 1, 2].map((c) => cellApplies(limited, c))).toEqual([true, true, false]);
    expect([0, 1, 2].map((c) => cellApplies(row(2, [null, null, null]), c))).toEqual([true, true, true]);
  });

  it('changes one cell of one row: the other rows stay the same objects, the payload is not mutated', () => {
    const g = grid([row(1, [null, null, null]), row(2, [1, 2, 3])]);
    const rows = initialRows(g);
    const saving = withCell(rows, 0, 1, { value: 3, phase: 'saving' });
    expect(saving[1]).toBe(rows[1]);
    expect(saving[0]).toEqual({ status: 'pending', values: [null, 3, null], feedback: { 1: { phase: 'saving', message: '' } } });
    expect(g.rows[0]?.values).toEqual([null, null, null]);

    const saved = withCell(saving, 0, 1, { value: 3, phase: 'saved' }, 'inProgress');
    expect(saved[0]).toMatchObject({ status: 'inProgress', values: [null, 3, null], feedback: { 1: { phase: 'saved' } } });
    const refused = withCell(saved, 0, 2, { phase: 'error', message: 'El puntaje 9 está fuera de la escala.' });
    expect(refused[0]?.feedback).toEqual({ 1: { phase: 'saved', message: '' }, 2: { phase: 'error', message: 'El puntaje 9 está fuera de la escala.' } });
    // A refusal keeps the saved value; clearing it leaves the cell idle again.
    expect(refused[0]?.values).toEqual([null, 3, null]);
    expect(withCell(refused, 0, 2, { phase: 'idle' })[0]?.feedback).toEqual({ 1: { phase: 'saved', message: '' } });
    // Out of range: nothing changes.
    expect(withCell(rows, 5, 0, { phase: 'idle' })).toBe(rows);
    expect(withCell(rows, 0, 3, { phase: 'idle' })).toBe(rows);
  });

  it('offers to submit only editable sheets in progress with every applicable criterion scored', () => {
    const g = grid([
      row(1, [1, 2, 3]),
      row(2, [1, 2, null], { notApplicable: [2] }),
      row(3, [1, 2, null]),
      row(4, [1, 2, 3], { editable: false }),
      row(5, [1, 2, 3], { status: 'submitted' }),
    ]);
    const rows = initialRows(g);
    expect(completeRows(g, rows)).toEqual([0, 1]);
    expect(completeRows(g, withCell(rows, 2, 2, { value: 4, phase: 'saved' }))).toEqual([0, 1, 2]);
    expect(completeRows(g, withCell(rows, 0, 0, { value: null, phase: 'saved' }))).toEqual([1]);
  });
});
