import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnFiltersState,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { Edition, EntryRow } from '../../../../shared/domain/types';
import { compareSpanish } from '../../../../shared/domain/text';
import { t } from '../../../../shared/i18n';
import { hrefOf } from '../../app/router';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useCurrentEdition } from '../editions/current';
import { useEdition } from '../editions/queries';
import { NoEdition } from '../editions/NoEdition';
import { EntriesTable } from './EntriesTable';
import { entryColumns, HIDDEN_COLUMNS, searchEntry } from './entry-columns';
import { EntryFilters, NO_FILTERS, type EntryFilterValues } from './EntryFilters';
import { ExportButtons } from './ExportButtons';
import { useEntries } from './queries';

/** The entries (postulaciones) of the current edition. */
export function EntriesScreen() {
  const current = useCurrentEdition();
  const edition = useEdition(current.edition?.id ?? null);
  const entries = useEntries(current.edition?.id ?? null);
  if (!current.isPending && !current.edition) return <NoEdition title={t('entries.title')} />;
  return (
    <QueryStatus query={edition}>
      {(editionData) => <QueryStatus query={entries}>{(rows) => <EntriesView edition={editionData} rows={rows} />}</QueryStatus>}
    </QueryStatus>
  );
}

function EntriesView({ edition, rows }: { edition: Edition; rows: EntryRow[] }) {
  const [filters, setFilters] = useState<EntryFilterValues>(NO_FILTERS);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'code', desc: false }]);
  const columnFilters = useMemo<ColumnFiltersState>(
    () =>
      [
        { id: 'categoryId', value: filters.categoryId },
        { id: 'region', value: filters.region },
        { id: 'status', value: filters.status },
      ].filter((f) => f.value),
    [filters],
  );
  // The table object is rebuilt every render by design; nothing below memoizes it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: entryColumns,
    state: { sorting, columnFilters, globalFilter: filters.search, columnVisibility: HIDDEN_COLUMNS },
    onSortingChange: setSorting,
    globalFilterFn: searchEntry,
    getColumnCanGlobalFilter: (column) => column.id === 'code',
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const regions = useMemo(() => [...new Set(rows.map((r) => r.region).filter(Boolean))].sort(compareSpanish), [rows]);
  const shown = table.getRowModel().rows;
  const shownIds = shown.map((row) => row.original.id);

  return (
    <section>
      <ScreenTitle
        actions={
          !edition.archived && (
            <>
              <a className="button primary" href={hrefOf({ name: 'newEntry' })}>
                {t('entries.new')}
              </a>
              <a className="button" href={hrefOf({ name: 'import' })}>
                {t('entries.import')}
              </a>
            </>
          )
        }
      >
        {t('entries.titleOf', { edition: edition.name })}
      </ScreenTitle>
      {rows.length === 0 ? (
        <p className="empty">{t('entries.empty')}</p>
      ) : (
        <>
          <EntryFilters values={filters} onChange={setFilters} categories={edition.categories} regions={regions} />
          <div className="table-toolbar">
            <p className="muted" aria-live="polite">
              {t('entries.count', { shown: shown.length, total: rows.length })}
            </p>
            <ExportButtons editionId={edition.id} ids={shownIds} />
          </div>
          {shown.length === 0 ? <p className="empty">{t('entries.noMatch')}</p> : <EntriesTable table={table} stages={edition.stages} />}
        </>
      )}
    </section>
  );
}
