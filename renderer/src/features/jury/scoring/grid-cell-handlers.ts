import type { FocusEvent, KeyboardEvent } from 'react';
import type { ScoreGrid } from '../../../../../shared/domain/jury-types';
import { cellId, findCell, moveForKey } from './grid-keyboard';
import { cellApplies } from './grid-state';
import { readScore, scoreText } from './score-text';

export interface GridCellEvents {
  grid: ScoreGrid;
  rowCount: number;
  /** The row's position in grid.rows for a row of the view (which may be sorted). */
  positionOf(viewIndex: number): number | undefined;
  /** Brings a row into the rendered window (the virtualizer). */
  scrollToRow(viewIndex: number): void;
  onSave(r: number, c: number, value: number | null): void;
  onRefuse(r: number, c: number, message: string): void;
  onClearError(r: number, c: number): void;
  onLeave(): void;
}

/**
 * The handlers the grid's body puts on every score cell at once (event delegation: one handler
 * per event for a thousand inputs). A keystroke checks and saves what was typed and moves the
 * focus itself, without a re-render; the cell's row and criterion come from its data-r / data-c.
 */
export function gridCellHandlers({ grid, rowCount, positionOf, scrollToRow, onSave, onRefuse, onClearError, onLeave }: GridCellEvents) {
  /** Focuses a cell, scrolling it into the rendered window first if needed. */
  const focusCell = (viewIndex: number, c: number) => {
    const id = cellId(viewIndex, c);
    const element = document.getElementById(id);
    if (element) {
      element.focus();
      return;
    }
    scrollToRow(viewIndex);
    let tries = 0;
    const retry = () => {
      const found = document.getElementById(id);
      if (found) found.focus();
      else if (tries++ < 10) window.requestAnimationFrame(retry);
    };
    window.requestAnimationFrame(retry);
  };

  /** Whether the cell at this view row and criterion takes a score. */
  const applies = (viewIndex: number, c: number) => {
    const row = grid.rows[positionOf(viewIndex) ?? -1];
    return row !== undefined && cellApplies(row, c);
  };

  /** Checks and sends what was typed; false (and the message at the cell) when it is refused. */
  const commit = (input: HTMLInputElement, viewIndex: number, c: number): boolean => {
    const position = positionOf(viewIndex);
    const criterion = grid.criteria[c];
    if (position === undefined || !criterion || input.readOnly) return true;
    if (input.value === (input.dataset.saved ?? '')) return true;
    const parsed = readScore(input.value, criterion);
    if (!parsed.ok) {
      onRefuse(position, c, parsed.message);
      input.select();
      return false;
    }
    const text = scoreText(parsed.value);
    input.value = text;
    input.dataset.saved = text;
    onSave(position, c, parsed.value);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const input = event.target as unknown as HTMLInputElement;
    if (input.tagName !== 'INPUT' || input.dataset.r === undefined) return;
    const viewIndex = Number(input.dataset.r);
    const c = Number(input.dataset.c);
    if (event.key === 'Escape') {
      event.preventDefault();
      const position = positionOf(viewIndex);
      if (input.value !== (input.dataset.saved ?? '')) {
        input.value = input.dataset.saved ?? '';
        input.select();
      } else onLeave();
      if (position !== undefined) onClearError(position, c);
      return;
    }
    const move = moveForKey(event.key, event.shiftKey);
    if (move === null) return;
    const target = findCell({ row: viewIndex, c }, move, { rows: rowCount, criteria: grid.criteria.length }, applies);
    // At the grid's first or last cell, Tab leaves the grid as usual (after saving).
    if (!target && event.key === 'Tab') {
      if (!commit(input, viewIndex, c)) event.preventDefault();
      return;
    }
    event.preventDefault();
    if (!commit(input, viewIndex, c) || !target) return;
    focusCell(target[0], target[1]);
  };

  const onBlur = (event: FocusEvent<HTMLTableSectionElement>) => {
    const input = event.target as unknown as HTMLInputElement;
    if (input.tagName !== 'INPUT' || input.dataset.r === undefined) return;
    commit(input, Number(input.dataset.r), Number(input.dataset.c));
  };

  /** A focused cell selects its text, so that typing replaces the score (one handler for every cell). */
  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const input = event.target as unknown as HTMLInputElement;
    if (input.tagName === 'INPUT' && input.dataset.r !== undefined) input.select();
  };

  return { onKeyDown, onBlur, onFocus };
}
