import { createColumnHelper, type FilterFn, type SortingFn } from '@tanstack/react-table';
import type { EntryRow } from '../../../../shared/domain/types';
import { compareSpanish, matchesSearch } from '../../../../shared/domain/text';
import { t } from '../../../../shared/i18n';

const column = createColumnHelper<EntryRow>();

/** Names sort the way a Peruvian reader expects: accents ignored, ñ after n, numbers by value. */
export const spanishSort: SortingFn<EntryRow> = (a, b, columnId) =>
  compareSpanish(String(a.getValue(columnId) ?? ''), String(b.getValue(columnId) ?? ''));

/** Select filters: an exact match on the chosen value ('' means any). */
const equals: FilterFn<EntryRow> = (row, columnId, wanted: string) => !wanted || String(row.getValue(columnId) ?? '') === wanted;

/** The search box: every word, ignoring case and accents, anywhere in the row's visible text. */
export const searchEntry: FilterFn<EntryRow> = (row, _columnId, query: string) => {
  const e = row.original;
  return matchesSearch([e.code, e.title, e.igedName, e.region, e.categoryName, e.contactName].join(' '), query);
};

export const entryColumns = [
  column.accessor('code', { header: () => t('field.code'), sortingFn: spanishSort }),
  column.accessor('title', { header: () => t('field.title'), sortingFn: spanishSort }),
  column.accessor('igedName', { header: () => t('field.iged'), sortingFn: spanishSort }),
  column.accessor('region', { header: () => t('field.region'), sortingFn: spanishSort, filterFn: equals }),
  column.accessor('categoryName', { id: 'category', header: () => t('field.category'), sortingFn: spanishSort }),
  // Filtering by category uses the id (names may repeat across editions, ids never do).
  column.accessor((e) => (e.categoryId === null ? 'none' : String(e.categoryId)), { id: 'categoryId', filterFn: equals, enableSorting: false }),
  column.accessor('currentStatus', {
    id: 'status',
    header: () => t('field.status'),
    filterFn: equals,
    sortingFn: (a, b) => compareSpanish(t(`entry.status.${a.original.currentStatus}`), t(`entry.status.${b.original.currentStatus}`)),
  }),
];

/** Columns that exist for filtering only. */
export const HIDDEN_COLUMNS = { categoryId: false };
