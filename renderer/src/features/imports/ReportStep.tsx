import type { ImportChoices, ImportPreview, ImportPreviewRow } from '../../../../shared/domain/import-types';
import { formatNumber, t } from '../../../../shared/i18n';
import { importFieldLabel, actionLabel } from './import-labels';
import { IssuesTable } from './IssuesTable';
import { ResolveChoices } from './ResolveChoices';

interface ReportStepProps {
  preview: ImportPreview;
  editionId: number;
  choices: ImportChoices;
  pending: boolean;
  onChoices(choices: ImportChoices): void;
  onBack(): void;
  onCommit(validOnly: boolean): void;
  onDownloadLeftOut(): void;
}

const ACTION_TONE = {
  new: 'badge-ok',
  update: 'badge-info',
  unchanged: 'badge-muted',
  invalid: 'badge-bad',
  unresolved: 'badge-warn',
  excluded: 'badge-muted',
} as const;

/**
 * What the import would do, before anything is written: per row what changes (from → to),
 * choices for what the app does not recognise, and which rows to leave out. Rows with problems
 * never block the others: «Importar las filas válidas» leaves them out, and their original cells
 * can be downloaded to correct and import again.
 */
export function ReportStep({ preview, editionId, choices, pending, onChoices, onBack, onCommit, onDownloadLeftOut }: ReportStepProps) {
  const { totals } = preview;
  const toImport = totals.new + totals.update;
  const leftOut = totals.problemRows + totals.excluded;
  const excluded = new Set(choices.exclude);
  const toggleRow = (row: number, include: boolean) =>
    onChoices({ ...choices, exclude: include ? choices.exclude.filter((other) => other !== row) : [...choices.exclude, row] });
  return (
    <section className="panel" aria-labelledby="report-heading">
      <h2 id="report-heading">{t('importScreen.report.title')}</h2>
      <dl className="totals" aria-label={t('importScreen.report.totals')}>
        <Total label={t('importReview.rows')} value={totals.rows} />
        <Total label={t('importScreen.report.new')} value={totals.new} />
        <Total label={t('importScreen.report.update')} value={totals.update} />
        <Total label={t('importScreen.report.unchanged')} value={totals.unchanged} />
        <Total label={t('importReview.problemRows')} value={totals.problemRows} tone={totals.problemRows > 0 ? 'bad' : undefined} />
        <Total label={t('importReview.excluded')} value={totals.excluded} />
        <Total label={t('importReview.errors')} value={totals.errors} tone={totals.errors > 0 ? 'bad' : undefined} />
        <Total label={t('importReview.warnings')} value={totals.warnings} tone={totals.warnings > 0 ? 'warn' : undefined} />
      </dl>
      <StatusNotice preview={preview} toImport={toImport} />
      <ResolveChoices preview={preview} editionId={editionId} choices={choices} disabled={pending} onChoices={onChoices} />
      {preview.issues.length > 0 && (
        <>
          <h3>{t('importReview.issues', { count: preview.issues.length })}</h3>
          <IssuesTable issues={preview.issues} caption={t('importScreen.report.issuesCaption')} />
        </>
      )}
      <h3>{t('importReview.rowsTitle', { count: preview.rows.length })}</h3>
      <div className="table-wrap medium" tabIndex={0} role="region" aria-label={t('importScreen.report.rowsCaption')}>
        <table className="data-table compact">
          <caption className="sr-only">{t('importScreen.report.rowsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('importReview.col.include')}</th>
              <th scope="col" className="num">{t('importScreen.col.row')}</th>
              <th scope="col">{t('importScreen.col.action')}</th>
              <th scope="col">{t('field.code')}</th>
              <th scope="col">{t('field.title')}</th>
              <th scope="col">{t('field.iged')}</th>
              <th scope="col">{t('field.category')}</th>
              <th scope="col">{t('importReview.col.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.row}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('importReview.include', { row: row.row })}
                    checked={!excluded.has(row.row)}
                    disabled={pending}
                    onChange={(event) => toggleRow(row.row, event.target.checked)}
                  />
                </td>
                <td className="num">{row.row}</td>
                <td>
                  <span className={`badge ${ACTION_TONE[row.action]}`}>{actionLabel(row.action)}</span>
                </td>
                <td className="nowrap">{row.code}</td>
                <td>{row.title}</td>
                <td>{row.igedName}</td>
                <td>{row.categoryName}</td>
                <td>
                  <RowDetails row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button type="button" onClick={onBack}>
          {t('importScreen.report.back')}
        </button>
        {leftOut > 0 && (
          <button type="button" onClick={onDownloadLeftOut} disabled={pending} aria-describedby="left-out-hint">
            {t('importReview.downloadLeftOut')}
          </button>
        )}
        {preview.canCommitValid && (
          <button type="button" className="primary" onClick={() => onCommit(true)} disabled={pending}>
            {pending ? t('common.working') : t('importReview.commitValid', { count: toImport })}
          </button>
        )}
        {!preview.canCommitValid && (
          <button
            type="button"
            className="primary"
            onClick={() => onCommit(false)}
            disabled={!preview.canCommit || pending}
            aria-describedby={preview.canCommit ? undefined : 'import-status'}
          >
            {pending ? t('common.working') : t('importScreen.report.commit')}
          </button>
        )}
      </div>
      {leftOut > 0 && (
        <p className="muted" id="left-out-hint">
          {t('importReview.leftOutHint')}
        </p>
      )}
    </section>
  );
}

function StatusNotice({ preview, toImport }: { preview: ImportPreview; toImport: number }) {
  const { totals } = preview;
  if (totals.problemRows > 0) {
    return (
      <p className="notice notice-bad" id="import-status">
        {t('importReview.problems', { count: totals.problemRows })}
      </p>
    );
  }
  if (toImport === 0) {
    return (
      <p className="notice" id="import-status">
        {t('importReview.nothing', { count: totals.unchanged })}
      </p>
    );
  }
  return (
    <p className="notice notice-ok" id="import-status">
      {t('importReview.ready', { count: toImport, new: totals.new, update: totals.update })}
    </p>
  );
}

/** An update's changes, field by field, and possible duplicates of a new row. */
function RowDetails({ row }: { row: ImportPreviewRow }) {
  if (row.changes.length === 0 && row.similar.length === 0) return null;
  const shown = (text: string) => (text === '' ? t('importReview.empty') : text);
  return (
    <ul className="plain-list">
      {row.changes.map((change) => (
        <li key={change.field}>{t('importReview.change', { field: importFieldLabel(change.field), from: shown(change.from), to: shown(change.to) })}</li>
      ))}
      {row.similar.map((other) => (
        <li key={`${other.edition}-${other.code}`} className="text-warn">
          {t('importReview.similar', { code: other.code, edition: other.edition, title: other.title })}
        </li>
      ))}
    </ul>
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
