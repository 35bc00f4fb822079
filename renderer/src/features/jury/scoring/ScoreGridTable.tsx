import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, startTransition, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { GridCriterion, ScoreGrid, ScoreGridRow } from '../../../../../shared/domain/jury-types';
import { compareSpanish } from '../../../../../shared/domain/text';
import { t } from '../../../../../shared/i18n';
import { SheetStatusBadge } from '../common/labels';
import { cellApplies, type CellFeedback, type RowState } from './grid-state';
import { readScore, scoreText } from './score-text';

/** Column widths of the grid, in rem (criteria columns share CRITERION_WIDTH_REM; the code's comes from the codes). */
const COLUMN_WIDTH_REM: Record<string, number> = { title: 16, iged: 12, region: 9, status: 9 };
const CRITERION_WIDTH_REM = 8.5;
/**
 * The code column is as wide as the longest code needs (codes like «BP2018-SURCUBAMBA» are
 * twice the width of «BP-0001»), at least the header's width; past the maximum a code ends in an
 * ellipsis (its full text stays in the cell for screen readers and in its tooltip) rather than
 * pushing the criteria out of a laptop's window.
 */
const CODE_MIN_REM = 7;
const CODE_MAX_REM = 22;
/** The row header's type and padding, as in styles.css (.data-table: 0.92rem, th padding 0.65rem) and jury.css (weight 600). */
const CODE_FONT_REM = 0.92;
const CODE_PADDING_REM = 2 * 0.65;

function codeColumnWidthRem(codes: readonly string[]): number {
  const remPx = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return CODE_MAX_REM;
  context.font = `600 ${CODE_FONT_REM * remPx}px ${getComputedStyle(document.body).fontFamily}`;
  let widest = 0;
  for (const code of codes) widest = Math.max(widest, context.measureText(code).width);
  // Two pixels for the cell's border and for rounding.
  const needed = (widest + 2) / remPx + CODE_PADDING_REM;
  return Math.min(CODE_MAX_REM, Math.max(CODE_MIN_REM, Math.ceil(needed * 4) / 4));
}

const ROW_HEIGHT = 52;
/**
 * The scrolling box's height: the window less the page around the grid, never under a minimum
 * (set here rather than in jury.css so that the virtualizer's first estimate below reads the same numbers).
 */
const PAGE_AROUND_GRID_PX = 300;
const MIN_GRID_HEIGHT_PX = 320;
/**
 * The box's size before it is measured. Without it the virtualizer starts at height 0, renders
 * the overscan rows only, measures the box in a layout effect and renders the grid a second time
 * (a second React pass and layout on the first view). Estimated from the window, the first pass
 * already renders the visible rows; the measurement then only corrects it if the page differs.
 */
function estimatedGridRect() {
  return { width: window.innerWidth, height: Math.max(MIN_GRID_HEIGHT_PX, window.innerHeight - PAGE_AROUND_GRID_PX) };
}

/** Rows rendered beyond each edge of the visible ones: enough for Tab and the arrows to land on a rendered cell. */
const OVERSCAN = 4;

/**
 * False for the grid's first frame, true once it is painted. Every score cell is an input, the
 * costliest element of the grid to render, lay out and paint, and of twelve criteria about five fit
 * in a laptop's window. So the first frame renders only the cells that can be in view: the rows in
 * the box (no overscan) and the criteria that fit in the window (useCriteriaShown). Once that frame
 * is painted the rest is rendered, at low priority (typing meanwhile comes first); from then on the
 * grid is as before: Tab, the arrows and scrolling find their cells rendered.
 */
function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // requestAnimationFrame runs before the frame is painted; the timeout, after it.
    const frame = window.requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)));
    });
    return () => {
      window.cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}

/**
 * How many criteria columns (from the first) the rows render: all once the grid is painted, before
 * that the ones that can be in view (the grid opens scrolled to its left edge and is never wider
 * than the window; the others are one empty spacer cell of the same width).
 */
function useCriteriaShown(painted: boolean, count: number, leadingRem: number): number {
  const [inWindow] = useState(() => {
    const remPx = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    return Math.max(1, Math.ceil((window.innerWidth / remPx - leadingRem) / CRITERION_WIDTH_REM));
  });
  return painted ? count : Math.min(count, inWindow);
}
const column = createColumnHelper<ScoreGridRow>();

interface ScoreGridTableProps {
  grid: ScoreGrid;
  rows: RowState[];
  onSave(r: number, c: number, value: number | null): void;
  onRefuse(r: number, c: number, message: string): void;
  onClearError(r: number, c: number): void;
  /** Where Escape sends the focus: out of the grid, to the next control. */
  onLeave(): void;
}

export const cellId = (viewIndex: number, c: number) => `grid-cell-${viewIndex}-${c}`;

/**
 * Entries × criteria for jurors who score many entries. Only the visible rows are in the
 * page (the virtualizer), every cell is a plain labelled input, and the keyboard moves like a
 * spreadsheet: digits type, Tab/Enter go to the next cell, arrows move, Escape undoes the
 * typing. Moving focus is done directly in the key handler (no re-render), which keeps one
 * keystroke well under a frame on modest laptops.
 */
export function ScoreGridTable({ grid, rows, onSave, onRefuse, onClearError, onLeave }: ScoreGridTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo(
    () => [
      column.accessor('code', { header: () => t('field.code'), sortingFn: (a, b) => compareSpanish(a.original.code, b.original.code) }),
      column.accessor('title', { header: () => t('field.title'), sortingFn: (a, b) => compareSpanish(a.original.title, b.original.title) }),
      ...(grid.blindMode
        ? []
        : [
            column.accessor((row) => row.igedName ?? '', { id: 'iged', header: () => t('field.iged') }),
            column.accessor((row) => row.region ?? '', { id: 'region', header: () => t('field.region') }),
          ]),
      // Scores are not sorted: display columns, no accessor to read a thousand rows with.
      ...grid.criteria.map((criterion) => column.display({ id: `criterion-${criterion.id}`, header: () => criterion.name })),
      column.accessor('status', { header: () => t('juryUi.col.status'), sortingFn: (a, b) => compareSpanish(a.original.status, b.original.status) }),
    ],
    [grid.blindMode, grid.criteria],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the table object is read during render on purpose.
  const table = useReactTable({
    data: grid.rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  // Unsorted, the view is the service's order and needs no row model: TanStack builds one (an
  // object with its closures per entry, a thousand of them) only once the juror sorts, which
  // keeps it out of the first render. A view index maps to the row's position in grid.rows.
  const sortedRows = sorting.length > 0 ? table.getRowModel().rows : null;
  const rowCount = grid.rows.length;
  const positionOf = (viewIndex: number): number | undefined => (sortedRows ? sortedRows[viewIndex]?.index : viewIndex < rowCount ? viewIndex : undefined);
  // A fixed layout takes its widths from here: every column keeps a readable width and the grid
  // scrolls sideways when the criteria do not fit, instead of squeezing code, title and IGED to nothing.
  const codeWidthRem = useMemo(() => codeColumnWidthRem(grid.rows.map((row) => row.code)), [grid.rows]);
  const columnWidthsRem = table.getVisibleLeafColumns().map((col) => [col.id, col.id === 'code' ? codeWidthRem : (COLUMN_WIDTH_REM[col.id] ?? CRITERION_WIDTH_REM)] as const);
  const tableWidthRem = columnWidthsRem.reduce((sum, [, width]) => sum + width, 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const painted = usePainted();
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: painted ? OVERSCAN : 0,
    initialRect: estimatedGridRect(),
  });
  // The columns left of the criteria (code, title, IGED, region) are always rendered.
  const leadingRem = columnWidthsRem.slice(0, columnWidthsRem.length - grid.criteria.length - 1).reduce((sum, [, width]) => sum + width, 0);
  const shownCriteria = useCriteriaShown(painted, grid.criteria.length, leadingRem);
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const columnCount = table.getVisibleLeafColumns().length;

  /** Focuses a cell, scrolling it into the rendered window first if needed. */
  const focusCell = (viewIndex: number, c: number) => {
    const id = cellId(viewIndex, c);
    const element = document.getElementById(id);
    if (element) {
      element.focus();
      return;
    }
    virtualizer.scrollToIndex(viewIndex, { align: 'auto' });
    let tries = 0;
    const retry = () => {
      const found = document.getElementById(id);
      if (found) found.focus();
      else if (tries++ < 10) window.requestAnimationFrame(retry);
    };
    window.requestAnimationFrame(retry);
  };

  /** The next cell that takes a score, moving in reading order (Tab) or straight (arrows). */
  const findCell = (viewIndex: number, c: number, mode: 'next' | 'previous' | 'up' | 'down' | 'left' | 'right'): [number, number] | null => {
    const criteria = grid.criteria.length;
    let r = viewIndex;
    let k = c;
    for (let guard = 0; guard < criteria * 4 + 4; guard++) {
      if (mode === 'next') {
        k += 1;
        if (k >= criteria) [r, k] = [r + 1, 0];
      } else if (mode === 'previous') {
        k -= 1;
        if (k < 0) [r, k] = [r - 1, criteria - 1];
      } else if (mode === 'up') r -= 1;
      else if (mode === 'down') r += 1;
      else if (mode === 'left') k -= 1;
      else k += 1;
      if (r < 0 || r >= rowCount || k < 0 || k >= criteria) return null;
      const row = grid.rows[positionOf(r) ?? -1];
      if (row && cellApplies(row, k)) return [r, k];
      if (mode === 'up' || mode === 'down') return [r, k];
    }
    return null;
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
    let mode: 'next' | 'previous' | 'up' | 'down' | 'left' | 'right' | null = null;
    if (event.key === 'Tab' || event.key === 'Enter') mode = event.shiftKey ? 'previous' : 'next';
    else if (event.key === 'ArrowDown') mode = 'down';
    else if (event.key === 'ArrowUp') mode = 'up';
    else if (event.key === 'ArrowLeft') mode = 'left';
    else if (event.key === 'ArrowRight') mode = 'right';
    else if (event.key === 'Escape') {
      event.preventDefault();
      const position = positionOf(viewIndex);
      if (input.value !== (input.dataset.saved ?? '')) {
        input.value = input.dataset.saved ?? '';
        input.select();
      } else onLeave();
      if (position !== undefined) onClearError(position, c);
      return;
    }
    if (mode === null) return;
    const target = findCell(viewIndex, c, mode);
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

  return (
    <div
      className="table-wrap score-grid-wrap"
      ref={scrollRef}
      data-testid="score-grid"
      style={{ maxHeight: `calc(100vh - ${PAGE_AROUND_GRID_PX}px)`, minHeight: MIN_GRID_HEIGHT_PX }}
    >
      <table
        className="data-table score-grid"
        style={{ width: `${tableWidthRem}rem` }}
        aria-rowcount={rowCount + 1}
        aria-colcount={columnCount}
        aria-describedby="score-grid-help"
      >
        <caption className="sr-only">{t('juryUi.grid.caption')}</caption>
        <colgroup>
          {columnWidthsRem.map(([id, width]) => (
            <col key={id} style={{ width: `${width}rem` }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const criterion = grid.criteria.find((cr) => `criterion-${cr.id}` === header.column.id);
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" className={criterion ? 'num criterion-col' : undefined} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span className="sort-mark" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : criterion ? (
                      <CriterionHeader criterion={criterion} />
                    ) : null}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody onKeyDown={onKeyDown} onBlur={onBlur} onFocus={onFocus}>
          {padTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: padTop, padding: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const position = positionOf(item.index) as number;
            const row = grid.rows[position] as ScoreGridRow;
            const state = rows[position] as RowState;
            return (
              <GridRow
                key={row.entryId}
                viewIndex={item.index}
                row={row}
                state={state}
                criteria={grid.criteria}
                shownCriteria={shownCriteria}
                blind={grid.blindMode}
              />
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: padBottom, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function CriterionHeader({ criterion }: { criterion: GridCriterion }) {
  return (
    <span className="criterion-head">
      {criterion.name}
      <span className="muted small">{t('juryUi.grid.scale', { min: criterion.scaleMin, max: criterion.scaleMax })}</span>
    </span>
  );
}

interface GridRowProps {
  viewIndex: number;
  row: ScoreGridRow;
  state: RowState;
  criteria: GridCriterion[];
  /** How many criteria, from the first, are rendered as cells; the others are one empty spacer cell. */
  shownCriteria: number;
  blind: boolean;
}

/**
 * The first `shown` criteria cells, then one aria-hidden spacer cell spanning the columns not yet
 * rendered, so that the fixed layout keeps every column at its place and width.
 */
function criteriaCells(shown: number, count: number, cell: (c: number) => ReactNode): ReactNode[] {
  const cells: ReactNode[] = [];
  for (let c = 0; c < shown; c++) cells.push(cell(c));
  if (shown < count) cells.push(<td key="not-yet" colSpan={count - shown} className="grid-gap" aria-hidden="true" />);
  return cells;
}

/** One entry's row; memoized so that a save or a keystroke elsewhere does not re-render it. */
const GridRow = memo(function GridRow({ viewIndex, row, state, criteria, shownCriteria, blind }: GridRowProps) {
  // Cells say which column they are in (aria-colindex): until the rest are rendered, a row lacks some columns.
  const leading = blind ? 2 : 4;
  return (
    <tr aria-rowindex={viewIndex + 2} style={{ height: ROW_HEIGHT }}>
      <th scope="row" className="grid-code" title={row.code} aria-colindex={1}>
        {row.code}
      </th>
      <td className="grid-title" title={row.title} aria-colindex={2}>
        {row.title}
      </td>
      {!blind && (
        <>
          <td aria-colindex={3}>{row.igedName}</td>
          <td aria-colindex={4}>{row.region}</td>
        </>
      )}
      {criteriaCells(shownCriteria, criteria.length, (c) => {
        const criterion = criteria[c] as GridCriterion;
        return (
          <GridCell
            key={criterion.id}
            viewIndex={viewIndex}
            c={c}
            colIndex={leading + c + 1}
            row={row}
            criterion={criterion}
            applies={cellApplies(row, c)}
            value={state.values[c] ?? null}
            feedback={state.feedback[c]}
          />
        );
      })}
      <td aria-colindex={leading + criteria.length + 1}>
        <SheetStatusBadge status={state.status} />
      </td>
    </tr>
  );
});

interface GridCellProps {
  viewIndex: number;
  c: number;
  /** The cell's column in the whole table, from 1. */
  colIndex: number;
  row: ScoreGridRow;
  criterion: GridCriterion;
  applies: boolean;
  value: number | null;
  /** Absent while the cell is idle. */
  feedback: CellFeedback | undefined;
}

function GridCell({ viewIndex, c, colIndex, row, criterion, applies, value, feedback }: GridCellProps) {
  if (!applies) {
    return (
      <td className="num grid-cell not-applicable" aria-colindex={colIndex}>
        <span aria-label={t('juryUi.grid.notApplicable', { criterion: criterion.name })}>—</span>
      </td>
    );
  }
  const id = cellId(viewIndex, c);
  const text = scoreText(value);
  const phase = feedback?.phase ?? 'idle';
  return (
    <td className={`num grid-cell phase-${phase}`} aria-colindex={colIndex}>
      <input
        id={id}
        className="grid-input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={text}
        data-saved={text}
        data-r={viewIndex}
        data-c={c}
        readOnly={!row.editable}
        aria-label={t('juryUi.grid.cellLabel', { code: row.code, criterion: criterion.name, min: criterion.scaleMin, max: criterion.scaleMax })}
        aria-invalid={phase === 'error' ? true : undefined}
        aria-describedby={phase === 'error' || phase === 'saved' ? `${id}-state` : undefined}
      />
      {phase === 'saving' && <span className="cell-state">{t('juryUi.score.saving')}</span>}
      {phase === 'saved' && (
        <span id={`${id}-state`} className="cell-state saved">
          {t('juryUi.score.saved')}
        </span>
      )}
      {phase === 'error' && (
        <span id={`${id}-state`} className="cell-error" role="alert">
          {feedback?.message}
        </span>
      )}
    </td>
  );
}
