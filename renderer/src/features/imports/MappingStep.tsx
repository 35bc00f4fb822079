import { ENTRY_IMPORT_FIELDS, type ColumnMapping, type ImportInspection } from '../../../../shared/domain/import-types';
import { formatNumber, t } from '../../../../shared/i18n';
import { SelectField } from '../../components/fields';
import { columnLetter, importFieldLabel } from './import-labels';

interface MappingStepProps {
  inspection: ImportInspection;
  sheet: number;
  mapping: ColumnMapping;
  pending: boolean;
  onSheet(sheet: number): void;
  onMapping(mapping: ColumnMapping): void;
  onPreview(): void;
}

const SAMPLE_ROWS = 5;

/** Which column of the file feeds which field of an entry; proposed by the service, confirmed by the user. */
export function MappingStep({ inspection, sheet, mapping, pending, onSheet, onMapping, onPreview }: MappingStepProps) {
  const current = inspection.sheets[sheet];
  if (!current) return null;
  return (
    <section className="panel" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">{t('importScreen.mapping.title')}</h2>
      <p className="muted">{t('importScreen.mapping.intro', { file: inspection.fileName, rows: formatNumber(current.rowCount, 0), header: current.headerRow })}</p>
      {inspection.sheets.length > 1 && (
        <SelectField label={t('importScreen.mapping.sheet')} value={String(sheet)} onChange={(event) => onSheet(Number(event.target.value))} className="narrow">
          {inspection.sheets.map((s, index) => (
            <option key={`${s.name}-${index}`} value={index}>
              {t('importScreen.mapping.sheetOption', { name: s.name, rows: s.rowCount })}
            </option>
          ))}
        </SelectField>
      )}
      <div className="mapping-grid">
        {ENTRY_IMPORT_FIELDS.map((field) => {
          const value = mapping[field];
          return (
            <SelectField
              key={field}
              label={importFieldLabel(field)}
              value={value === null || value === undefined ? '' : String(value)}
              onChange={(event) => onMapping({ ...mapping, [field]: event.target.value === '' ? null : Number(event.target.value) })}
            >
              <option value="">{t('importScreen.mapping.skip')}</option>
              {current.headers.map((header, index) => (
                <option key={index} value={index}>
                  {t('importScreen.mapping.columnOption', { letter: columnLetter(index), header: header || t('importScreen.mapping.noHeader') })}
                </option>
              ))}
            </SelectField>
          );
        })}
      </div>
      <h3>{t('importScreen.mapping.sample')}</h3>
      <div className="table-wrap medium" tabIndex={0} role="region" aria-label={t('importScreen.mapping.sample')}>
        <table className="data-table compact">
          <caption className="sr-only">{t('importScreen.mapping.sample')}</caption>
          <thead>
            <tr>
              {current.headers.map((header, index) => (
                <th key={index} scope="col">
                  <span className="muted">{columnLetter(index)}</span> {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {current.sample.slice(0, SAMPLE_ROWS).map((row, rowIndex) => (
              <tr key={rowIndex}>
                {current.headers.map((_, index) => (
                  <td key={index}>{row[index] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onPreview} disabled={pending}>
          {pending ? t('common.working') : t('importScreen.mapping.preview')}
        </button>
      </div>
    </section>
  );
}
