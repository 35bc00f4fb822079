import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { ScoreGrid, ScoreGridRow } from '../../../../../shared/domain/jury-types';
import { compareSpanish } from '../../../../../shared/domain/text';
import { t } from '../../../../../shared/i18n';
import { gridCellHandlers } from './grid-cell-handlers';
import { codeColumnWidthRem, COLUMN_WIDTH_REM, CRITERION_WIDTH_REM, estimatedGridRect, MIN_GRID_HEIGHT_PX, OVERSCAN, PAGE_AROUND_GRID_PX, ROW_HEIGHT, useCriteriaShown, usePainted } from './grid-layout';
import type { RowState } from './grid-state';
import { CriterionHeader, GridRow } from './GridRow';

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

  const handlers = gridCellHandlers({
    grid,
    rowCount,
    positionOf,
    scrollToRow: (viewIndex) => virtualizer.scrollToIndex(viewIndex, { align: 'auto' }),
    onSave,
    onRefuse,
    onClearError,
    onLeave,
  });

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
        <tbody onKeyDown={handlers.onKeyDown} onBlur={handlers.onBlur} onFocus={handlers.onFocus}>
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
