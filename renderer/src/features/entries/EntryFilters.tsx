import { ENTRY_STATUSES } from '../../../../shared/domain/schemas';
import type { Category } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { InputField, SelectField } from '../../components/fields';

export interface EntryFilterValues {
  search: string;
  categoryId: string;
  region: string;
  status: string;
}

export const NO_FILTERS: EntryFilterValues = { search: '', categoryId: '', region: '', status: '' };

interface EntryFiltersProps {
  values: EntryFilterValues;
  onChange(values: EntryFilterValues): void;
  categories: Category[];
  /** Only the regions that appear in the list, so no choice gives an empty table. */
  regions: string[];
}

export function EntryFilters({ values, onChange, categories, regions }: EntryFiltersProps) {
  const set = (patch: Partial<EntryFilterValues>) => onChange({ ...values, ...patch });
  const active = values.search || values.categoryId || values.region || values.status;
  return (
    <div className="filters" role="search" aria-label={t('entries.filters')}>
      <InputField
        label={t('entries.search')}
        hint={t('entries.searchHint')}
        type="search"
        className="filter-search"
        value={values.search}
        onChange={(event) => set({ search: event.target.value })}
      />
      <SelectField label={t('field.category')} value={values.categoryId} onChange={(event) => set({ categoryId: event.target.value })}>
        <option value="">{t('entries.any')}</option>
        {categories.map((category) => (
          <option key={category.id} value={String(category.id)}>
            {category.name}
          </option>
        ))}
        <option value="none">{t('entries.noCategory')}</option>
      </SelectField>
      <SelectField label={t('field.region')} value={values.region} onChange={(event) => set({ region: event.target.value })}>
        <option value="">{t('entries.anyRegion')}</option>
        {regions.map((region) => (
          <option key={region} value={region}>
            {region}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('field.status')} value={values.status} onChange={(event) => set({ status: event.target.value })}>
        <option value="">{t('entries.any')}</option>
        {ENTRY_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`entry.status.${status}`)}
          </option>
        ))}
      </SelectField>
      <div className="filter-clear">
        <button type="button" onClick={() => onChange(NO_FILTERS)} disabled={!active}>
          {t('entries.clearFilters')}
        </button>
      </div>
    </div>
  );
}
