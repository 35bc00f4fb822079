import { useState } from 'react';
import type { AuditEntry } from '../../../../../shared/domain/jury-types';
import { formatDateTime, t } from '../../../../../shared/i18n';
import { QueryStatus } from '../../../components/QueryStatus';
import { useAuditLog } from '../queries';
import { TableWrap } from '../common/TableWrap';

const PAGE = 100;

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The append-only log of every score change and jury decision: who, when, old → new, why. */
export function AuditLog({ editionId, stageId }: { editionId: number; stageId: number }) {
  const [page, setPage] = useState(0);
  const log = useAuditLog({ editionId, stageId, limit: PAGE, offset: page * PAGE });
  return (
    <section className="panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('juryUi.audit.title')}</h2>
      <QueryStatus query={log}>
        {(data) => (
          <>
            <p className="muted">{t('juryUi.audit.count', { from: data.total === 0 ? 0 : page * PAGE + 1, to: page * PAGE + data.rows.length, total: data.total })}</p>
            {data.rows.length > 0 && (
              <TableWrap label={t('juryUi.audit.title')} className="medium">
                <table className="data-table compact">
                  <caption className="sr-only">{t('juryUi.audit.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('juryUi.audit.at')}</th>
                      <th scope="col">{t('juryUi.audit.actor')}</th>
                      <th scope="col">{t('juryUi.audit.action')}</th>
                      <th scope="col">{t('juryUi.audit.change')}</th>
                      <th scope="col">{t('juryUi.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((row: AuditEntry) => (
                      <tr key={row.id}>
                        <td className="nowrap">{formatDateTime(row.at)}</td>
                        <td>{row.actorLabel}</td>
                        <td>{t(`juryUi.audit.action.${row.action}`)}</td>
                        <td>{`${show(row.oldValue)} → ${show(row.newValue)}`}</td>
                        <td>{row.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <div className="form-actions start">
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {t('juryUi.audit.newer')}
              </button>
              <button type="button" disabled={(page + 1) * PAGE >= data.total} onClick={() => setPage(page + 1)}>
                {t('juryUi.audit.older')}
              </button>
            </div>
          </>
        )}
      </QueryStatus>
    </section>
  );
}
