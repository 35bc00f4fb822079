import { startTransition, useCallback, useRef, useState } from 'react';
import type { ScoreGrid, ScoreProgress, SheetStatus } from '../../../../../shared/domain/jury-types';
import { t } from '../../../../../shared/i18n';
import { call } from '../../../api/client';
import { errorText } from '../../../lib/errors';

/** One cell as the grid shows it: the saved value and where its last save stands. */
export interface CellState {
  value: number | null;
  applies: boolean;
  /** 'saved' appears only after the service returned (the score is on disk by then). */
  phase: 'idle' | 'saving' | 'saved' | 'error';
  message: string;
}

export interface RowState {
  status: SheetStatus;
  cells: CellState[];
}

function initialRows(grid: ScoreGrid): RowState[] {
  return grid.rows.map((row) => ({
    status: row.status,
    cells: row.cells.map((cell) => ({ value: cell.value, applies: cell.applies, phase: 'idle', message: '' })),
  }));
}

/**
 * The grid's cells, one array per row so a save re-renders only its row. Saves run one after
 * another per cell: a later value never lands before an earlier one.
 */
export function useGridCells(grid: ScoreGrid) {
  const [rows, setRows] = useState<RowState[]>(() => initialRows(grid));
  const [progress, setProgress] = useState<ScoreProgress>(grid.progress);
  const [lastSaved, setLastSaved] = useState('');
  const queue = useRef(new Map<string, Promise<unknown>>());

  const patch = useCallback((r: number, c: number, change: Partial<CellState>, status?: SheetStatus) => {
    setRows((previous) => {
      const row = previous[r];
      const cell = row?.cells[c];
      if (!row || !cell) return previous;
      const next = previous.slice();
      const cells = row.cells.slice();
      cells[c] = { ...cell, ...change };
      next[r] = { status: status ?? row.status, cells };
      return next;
    });
  }, []);

  const refuse = useCallback((r: number, c: number, message: string) => patch(r, c, { phase: 'error', message }), [patch]);
  const clearError = useCallback((r: number, c: number) => patch(r, c, { phase: 'idle', message: '' }), [patch]);

  /** Sends one value; the cell says "guardado" once the call returned. */
  const save = useCallback(
    (r: number, c: number, value: number | null) => {
      const row = grid.rows[r];
      const criterion = grid.criteria[c];
      if (!row || !criterion) return;
      // "guardando…" is low priority: the keystroke's own work (moving focus) comes first.
      startTransition(() => patch(r, c, { value, phase: 'saving', message: '' }));
      const key = `${r}:${c}`;
      const previous = queue.current.get(key) ?? Promise.resolve();
      const next = previous.then(async () => {
        try {
          const saved = await call('scores.set', { stageId: grid.stageId, jurorId: grid.jurorId, entryId: row.entryId, criterionId: criterion.id, value });
          patch(r, c, { value: saved.cell.value, phase: 'saved', message: '' }, saved.status);
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
