import { useMemo, useState } from 'react';
import type { Iged } from '../../../../shared/domain/types';
import { matchesSearch } from '../../../../shared/domain/text';
import { t } from '../../../../shared/i18n';
import { InputField, SelectField } from '../../components/fields';

/** The DRE/GRE and UGEL the app knows, searchable; the list is already in Spanish order. */
export function IgedTable({ igeds }: { igeds: Iged[] }) {
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<'' | 'dre' | 'ugel'>('');
  const shown = useMemo(
    () => igeds.filter((iged) => (!kind || iged.kind === kind) && matchesSearch(`${iged.code} ${iged.name} ${iged.region} ${iged.dreName ?? ''}`, search)),
    [igeds, kind, search],
  );
  const ugelCount = igeds.filter((i) => i.kind === 'ugel').length;
  const builtinCount = igeds.filter((i) => i.builtin).length;
  return (
    <>
      <p className="muted">{t('reference.counts', { dre: igeds.length - ugelCount, ugel: ugelCount })}</p>
      {builtinCount > 0 && <p className="muted">{t('reference.builtinNote', { count: builtinCount })}</p>}
      <div className="filters" role="search" aria-label={t('reference.filters')}>
        <InputField label={t('reference.search')} type="search" className="filter-search" value={search} onChange={(event) => setSearch(event.target.value)} />
        <SelectField label={t('reference.kind')} value={kind} onChange={(event) => setKind(event.target.value as '' | 'dre' | 'ugel')}>
          <option value="">{t('reference.anyKind')}</option>
          <option value="dre">{t('iged.kind.dre')}</option>
          <option value="ugel">{t('iged.kind.ugel')}</option>
        </SelectField>
      </div>
      <p className="muted" aria-live="polite">
        {t('reference.shown', { shown: shown.length, total: igeds.length })}
      </p>
      <div className="table-wrap tall" tabIndex={0} role="region" aria-label={t('reference.tableCaption')}>
        <table className="data-table compact">
          <caption className="sr-only">{t('reference.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reference.col.kind')}</th>
              <th scope="col">{t('reference.col.code')}</th>
              <th scope="col">{t('reference.col.name')}</th>
              <th scope="col">{t('field.region')}</th>
              <th scope="col">{t('reference.col.dre')}</th>
              <th scope="col">{t('reference.col.origin')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((iged) => (
              <tr key={iged.id}>
                <td>{t(`iged.kind.${iged.kind}`)}</td>
                <td className="nowrap">{iged.code}</td>
                <td>{iged.name}</td>
                <td>{iged.region}</td>
                <td>{iged.dreName ?? ''}</td>
                <td>{iged.builtin ? <span className="badge badge-muted">{t('reference.origin.builtin')}</span> : t('reference.origin.own')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
