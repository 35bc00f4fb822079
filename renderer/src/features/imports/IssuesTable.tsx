import type { ImportIssue } from '../../../../shared/domain/import-types';
import { t } from '../../../../shared/i18n';
import { severityLabel } from './import-labels';

/** Problems found in a file, by row number as Excel shows it. Shared by both imports. */
export function IssuesTable({ issues, caption }: { issues: ImportIssue[]; caption: string }) {
  const sorted = [...issues].sort((a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <div className="table-wrap medium" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t('importScreen.col.row')}</th>
            <th scope="col">{t('importScreen.col.column')}</th>
            <th scope="col">{t('importScreen.col.problem')}</th>
            <th scope="col">{t('importScreen.col.severity')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((issue, index) => (
            <tr key={`${issue.row}-${issue.column}-${index}`} className={issue.severity === 'error' ? 'row-error' : 'row-warning'}>
              <td className="num">{issue.row}</td>
              <td>{issue.column || t('importScreen.wholeRow')}</td>
              <td>{issue.message}</td>
              <td>
                <span className={`badge ${issue.severity === 'error' ? 'badge-bad' : 'badge-warn'}`}>{severityLabel(issue.severity)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
