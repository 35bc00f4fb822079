import { startTransition, useCallback, useRef, useState } from 'react';
import type { ScoreGrid, ScoreGridRow, ScoreProgress, SheetStatus } from '../../../../../shared/domain/jury-types';
import { t } from '../../../../../shared/i18n';
import { call } from '../../../api/client';
import { errorText } from '../../../lib/errors';

/** Where a cell's last save or refusal stands; 'saved' appears only after the service returned (the score is on disk by then). */
export type CellPhase = 'idle' | 'saving' | 'saved' | 'error';

/** What a cell shows besides its value, kept only for cells that are not idle. */
export interface CellFeedback {
  phase: Exclude<CellPhase, 'idle'>;
  message: string;
}

/**
 * One row as the grid shows it. A thousand rows open at once, so a row holds its values as the
 * service sent them (one array, copied only when a cell of the row changes) and feedback only
 * for the few cells being saved or refused, instead of an object per cell.
 */
export interface RowState {
  status: SheetStatus;
  values: readonly (number | null)[];
  /** By criterion position; a cell not listed is idle. */
  feedback: Readonly<Partial<Record<number, CellFeedback>>>;
}

const NO_FEEDBACK: RowState['feedback'] = Object.freeze({});

/** Whether the criterion at position c takes a score in this row (false: not for the entry's category). */
export function cellApplies(row: Pick<ScoreGridRow, 'notApplicable'>, c: number): boolean {
  return !row.notApplicable?.includes(c);
}

export function initialRows(grid: ScoreGrid): RowState[] {
  return grid.rows.map((row) => ({ status: row.status, values: row.values, feedback: NO_FEEDBACK }));
}

export type CellChange = { phase: CellPhase; message?: string; value?: number | null };

/** The rows with one cell changed: only that row is a new object, so only it re-renders. */
export function withCell(rows: RowState[], r: number, c: number, change: CellChange, status?: SheetStatus): RowState[] {
  const row = rows[r];
  if (!row || c < 0 || c >= row.values.length) return rows;
  let values = row.values;
  if (change.value !== undefined && change.value !== values[c]) {
    const copy = values.slice();
    copy[c] = change.value;
    values = copy;
  }
  const { [c]: _previous, ...others } = row.feedback;
  const feedback = change.phase === 'idle' ? others : { ...others, [c]: { phase: change.phase, message: change.message ?? '' } };
  const next = rows.slice();
  next[r] = { status: status ?? row.status, values, feedback };
  return next;
}

/** Positions of the rows whose sheet can be submitted now: editable, in progress, every applicable criterion scored. */
export function completeRows(grid: ScoreGrid, rows: readonly RowState[]): number[] {
  const complete: number[] = [];
  grid.rows.forEach((row, index) => {
    const state = rows[index];
    if (!row.editable || state?.status !== 'inProgress') return;
    if (state.values.every((value, c) => value !== null || !cellApplies(row, c))) complete.push(index);
  });
  return complete;
}

/**
 * The grid's cells, one state object per row so a save re-renders only its row. Saves run one
 * after another per cell: a later value never lands before an earlier one.
 */
export function useGridCells(grid: ScoreGrid) {
  const [rows, setRows] = useState<RowState[]>(() => initialRows(grid));
  const [progress, setProgress] = useState<ScoreProgress>(grid.progress);
  const [lastSaved, setLastSaved] = useState('');
  const queue = useRef(new Map<string, Promise<unknown>>());

  const patch = useCallback((r: number, c: number, change: CellChange, status?: SheetStatus) => {
    setRows((previous) => withCell(previous, r, c, change, status));
  }, []);

  const refuse = useCallback((r: number, c: number, message: string) => patch(r, c, { phase: 'error', message }), [patch]);
  const clearError = useCallback((r: number, c: number) => patch(r, c, { phase: 'idle' }), [patch]);

  /** Sends one value; the cell says "guardado" once the call returned. */
  const save = useCallback(
    (r: number, c: number, value: number | null) => {
      const row = grid.rows[r];
      const criterion = grid.criteria[c];
      if (!row || !criterion) return;
      // "guardando…" is low priority: the keystroke's own work (moving focus) comes first.
      startTransition(() => patch(r, c, { value, phase: 'saving' }));
      const key = `${r}:${c}`;
      const previous = queue.current.get(key) ?? Promise.resolve();
      const next = previous.then(async () => {
        try {
          const saved = await call('scores.set', { stageId: grid.stageId, jurorId: grid.jurorId, entryId: row.entryId, criterionId: criterion.id, value });
          patch(r, c, { value: saved.cell.value, phase: 'saved' }, saved.status);
          setProgress(saved.progress);
          setLastSaved(t('juryUi.grid.lastSaved', { code: row.code, criterion: criterion.name, value: saved.cell.value === null ? t('juryUi.score.empty') : saved.cell.value }));
        } catch (error) {
          patch(r, c, { phase: 'error', message: t('juryUi.score.notSaved', { reason: errorText(error) }) });
        }
      });
      queue.current.set(key, next);
    },
    [grid, patch],
  );

  const setRowStatus = useCallback((r: number, status: SheetStatus) => {
    setRows((previous) => {
      const row = previous[r];
      if (!row) return previous;
      const next = previous.slice();
      next[r] = { ...row, status };
      return next;
    });
  }, []);

  return { rows, progress, setProgress, lastSaved, save, refuse, clearError, setRowStatus };
}
