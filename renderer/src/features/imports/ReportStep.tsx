import type { ImportPreview } from '../../../../shared/domain/import-types';
import { formatNumber, t } from '../../../../shared/i18n';
import { actionLabel } from './import-labels';
import { IssuesTable } from './IssuesTable';

interface ReportStepProps {
  preview: ImportPreview;
  pending: boolean;
  onBack(): void;
  onCommit(): void;
}

const ACTION_TONE = { new: 'badge-ok', update: 'badge-info', unchanged: 'badge-muted', invalid: 'badge-bad' } as const;

/** What the import would do, before anything is written. */
export function ReportStep({ preview, pending, onBack, onCommit }: ReportStepProps) {
  const { totals } = preview;
  return (
    <section className="panel" aria-labelledby="report-heading">
      <h2 id="report-heading">{t('importScreen.report.title')}</h2>
      <dl className="totals" aria-label={t('importScreen.report.totals')}>
        <Total label={t('importScreen.report.new')} value={totals.new} />
        <Total label={t('importScreen.report.update')} value={totals.update} />
        <Total label={t('importScreen.report.unchanged')} value={totals.unchanged} />
        <Total label={t('importScreen.report.errors')} value={totals.errors} tone={totals.errors > 0 ? 'bad' : undefined} />
        <Total label={t('importScreen.report.warnings')} value={totals.warnings} tone={totals.warnings > 0 ? 'warn' : undefined} />
      </dl>
      {preview.canCommit ? (
        <p className="notice notice-ok">{t('importScreen.report.ready', { rows: totals.valid })}</p>
      ) : (
        <p className="notice notice-bad" id="import-blocked">
          {t('importScreen.report.blocked')}
        </p>
      )}
      {preview.issues.length > 0 && (
        <>
          <h3>{t('importScreen.report.issues', { count: preview.issues.length })}</h3>
          <IssuesTable issues={preview.issues} caption={t('importScreen.report.issuesCaption')} />
        </>
      )}
      <h3>{t('importScreen.report.rows', { count: preview.rows.length })}</h3>
      <div className="table-wrap medium" tabIndex={0} role="region" aria-label={t('importScreen.report.rowsCaption')}>
        <table className="data-table compact">
          <caption className="sr-only">{t('importScreen.report.rowsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{t('importScreen.col.row')}</th>
              <th scope="col">{t('importScreen.col.action')}</th>
              <th scope="col">{t('field.code')}</th>
              <th scope="col">{t('field.title')}</th>
              <th scope="col">{t('field.iged')}</th>
              <th scope="col">{t('field.region')}</th>
              <th scope="col">{t('field.category')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.row}>
                <td className="num">{row.row}</td>
                <td>
                  <span className={`badge ${ACTION_TONE[row.action]}`}>{actionLabel(row.action)}</span>
                </td>
                <td className="nowrap">{row.code}</td>
                <td>{row.title}</td>
                <td>{row.igedName}</td>
                <td>{row.region}</td>
                <td>{row.categoryName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button type="button" onClick={onBack}>
          {t('importScreen.report.back')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={onCommit}
          disabled={!preview.canCommit || pending}
          aria-describedby={preview.canCommit ? undefined : 'import-blocked'}
        >
          {pending ? t('common.working') : t('importScreen.report.commit')}
        </button>
      </div>
    </section>
  );
}

function Total({ label, value, tone }: { label: string; value: number; tone?: 'bad' | 'warn' | undefined }) {
  return (
    <div className={`total${tone ? ` total-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>{formatNumber(value, 0)}</dd>
    </div>
  );
}
