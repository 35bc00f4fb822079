import { flexRender, type Row, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { EntryRow, Stage } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { hrefOf } from '../../app/router';
import { StatusBadge } from './StatusBadge';

/** Below this many rows every row is rendered; above it only the visible ones (modest laptops). */
const VIRTUALIZE_AFTER = 150;
const ROW_HEIGHT = 44;

interface EntriesTableProps {
  table: Table<EntryRow>;
  stages: Stage[];
}

export function EntriesTable({ table, stages }: EntriesTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const virtual = rows.length > VIRTUALIZE_AFTER;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render on purpose; the table re-renders on scroll.
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const visible: Row<EntryRow>[] = virtual ? items.map((item) => rows[item.index]).filter((r): r is Row<EntryRow> => r !== undefined) : rows;
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <div className="table-wrap tall" ref={scrollRef} tabIndex={0} role="region" aria-label={t('entries.tableRegion')}>
      <table className="data-table" aria-rowcount={virtual ? rows.length + 1 : undefined}>
        <caption className="sr-only">{t('entries.tableCaption')}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                    <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span className="sort-mark" aria-hidden="true">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: padTop, padding: 0 }} />
            </tr>
          )}
          {visible.map((row) => (
            <tr key={row.id} aria-rowindex={virtual ? row.index + 2 : undefined} style={virtual ? { height: ROW_HEIGHT } : undefined}>
              <td className="nowrap">{row.original.code}</td>
              <td>
                <a href={hrefOf({ name: 'entry', id: row.original.id })}>{row.original.title}</a>
              </td>
              <td>{row.original.igedName}</td>
              <td>{row.original.region}</td>
              <td>{row.original.categoryName}</td>
              <td>
                <StatusBadge status={row.original.currentStatus} />
                {row.original.currentStageId !== null && <div className="muted small">{stageName.get(row.original.currentStageId)}</div>}
              </td>
            </tr>
          ))}
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
