import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry, type AuditVerification } from '../../../../../shared/domain/jury-types';
import { formatDateTime, t } from '../../../../../shared/i18n';
import { call, downloadFile, fileToBase64 } from '../../../api/client';
import { FilePicker } from '../../../components/FilePicker';
import { SelectField } from '../../../components/fields';
import { QueryStatus } from '../../../components/QueryStatus';
import { errorText } from '../../../lib/errors';
import { useAssignments, useAuditLog, useJurors } from '../queries';
import { ReasonDialog } from '../common/ReasonDialog';
import { TableWrap } from '../common/TableWrap';

const PAGE = 100;

/** Optional numeric filter from a select's value ('' = all). */
const optionalId = (value: string) => (value ? Number(value) : undefined);

/**
 * The append-only log of every score change and jury decision, readable: when, who, what (in
 * Spanish), on which entry / juror / criterion, old → new and why; filters by action, juror and
 * entry; the integrity check of the hash chain. The stored JSON stays one click away per row.
 */
export function AuditLog({ editionId, stageId }: { editionId: number; stageId: number }) {
  const [page, setPage] = useState(0);
  const [action, setAction] = useState('');
  const [jurorId, setJurorId] = useState('');
  const [entryId, setEntryId] = useState('');
  const jurors = useJurors(editionId);
  const assignments = useAssignments(stageId);
  // The stage's entries (those with an assignment), once each, in code order.
  const entries = useMemo(() => {
    const byId = new Map<number, { id: number; code: string; title: string }>();
    for (const a of assignments.data ?? []) byId.set(a.entryId, { id: a.entryId, code: a.entryCode, title: a.entryTitle });
    return [...byId.values()].sort((a, b) => a.code.localeCompare(b.code, 'es'));
  }, [assignments.data]);
  const filter = {
    editionId,
    stageId,
    action: (action || undefined) as AuditAction | undefined,
    jurorId: optionalId(jurorId),
    entryId: optionalId(entryId),
    limit: PAGE,
    offset: page * PAGE,
  };
  const log = useAuditLog(filter);
  const change = (set: (value: string) => void) => (event: { target: { value: string } }) => {
    set(event.target.value);
    setPage(0);
  };
  return (
    <section className="panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('juryUi.audit.title')}</h2>
      <IntegrityCheck />
      <div className="form-grid" role="group" aria-label={t('juryUi.audit.filters')}>
        <SelectField className="span-1" label={t('juryUi.audit.filterAction')} value={action} onChange={change(setAction)}>
          <option value="">{t('juryUi.audit.all')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`jury.audit.action.${a}`)}
            </option>
          ))}
        </SelectField>
        <SelectField className="span-1" label={t('juryUi.audit.filterJuror')} value={jurorId} onChange={change(setJurorId)}>
          <option value="">{t('juryUi.audit.allJurors')}</option>
          {(jurors.data ?? []).map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </SelectField>
        <SelectField className="span-2" label={t('juryUi.audit.filterEntry')} value={entryId} onChange={change(setEntryId)}>
          <option value="">{t('juryUi.audit.all')}</option>
          {entries.map((e) => (
            <option key={e.id} value={e.id}>
              {`${e.code} — ${e.title}`}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryStatus query={log}>
        {(data) => (
          <>
            <p className="muted" role="status">
              {t('juryUi.audit.count', { from: data.total === 0 ? 0 : page * PAGE + 1, to: page * PAGE + data.rows.length, total: data.total })}
            </p>
            {data.rows.length > 0 && (
              <TableWrap label={t('juryUi.audit.title')} className="medium">
                <table className="data-table compact" data-testid="audit-table">
                  <caption className="sr-only">{t('juryUi.audit.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('juryUi.audit.number')}</th>
                      <th scope="col">{t('juryUi.audit.at')}</th>
                      <th scope="col">{t('juryUi.audit.actor')}</th>
                      <th scope="col">{t('juryUi.audit.action')}</th>
                      <th scope="col">{t('juryUi.audit.entry')}</th>
                      <th scope="col">{t('juryUi.audit.juror')}</th>
                      <th scope="col">{t('juryUi.audit.criterion')}</th>
                      <th scope="col">{t('juryUi.audit.change')}</th>
                      <th scope="col">{t('juryUi.reason')}</th>
                      <th scope="col">{t('who.recordedBy')}</th>
                      <th scope="col">{t('juryUi.audit.detail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((row) => (
                      <AuditRow key={row.id} row={row} />
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

function AuditRow({ row }: { row: AuditEntry }) {
  const changed = row.oldText || row.newText ? `${row.oldText || '—'} → ${row.newText || '—'}` : '—';
  return (
    <tr>
      <td>{row.id}</td>
      <td className="nowrap">{formatDateTime(row.at)}</td>
      <td>{row.actorLabel}</td>
      <td>{row.actionLabel}</td>
      <td>{row.entryCode ? `${row.entryCode} ${row.entryTitle}`.trim() : '—'}</td>
      <td>{row.jurorName || '—'}</td>
      <td>{row.criterionName || '—'}</td>
      <td>{changed}</td>
      <td>{row.reason || '—'}</td>
      <td>{row.recordedBy || t('who.unknown')}</td>
      <td>
        <details>
          <summary aria-label={t('juryUi.audit.rawNamed', { id: row.id })}>{t('juryUi.audit.raw')}</summary>
          <pre className="small audit-raw">{JSON.stringify({ antes: row.oldValue, despues: row.newValue, huella: row.hash }, null, 1)}</pre>
        </details>
      </td>
    </tr>
  );
}

/** Recomputes the whole hash chain on the service and says, in words, whether it is intact. */
function IntegrityCheck() {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const verify = async () => {
    setPending(true);
    setError(null);
    try {
      setResult(await call('audit.verify', {}));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="audit-integrity">
      <h3 id="integrity-heading">{t('juryUi.audit.integrityTitle')}</h3>
      <p className="muted small">{t('juryUi.audit.integrityHelp')}</p>
      <button type="button" onClick={() => void verify()} disabled={pending}>
        {pending ? t('common.working') : t('juryUi.audit.verify')}
      </button>
      <div role="status" className="verify-result" data-testid="audit-verify-result">
        {error && <p className="form-error">{error}</p>}
        {result &&
          (result.ok ? (
            <p className="notice notice-ok">{t('juryUi.audit.ok', { rows: result.rows, hash: result.headHash.slice(0, 16) })}</p>
          ) : (
            <p className="notice notice-bad">
              {result.brokenAtId !== null && (result.problem === 'hash' || result.problem === 'link')
                ? t('juryUi.audit.broken', { rows: result.rows, id: result.brokenAtId, message: result.message })
                : t('juryUi.audit.unverified', { message: result.message })}
            </p>
          ))}
      </div>
      <AuditKeyControls onImported={setResult} />
    </div>
  );
}

/**
 * The chain's key lives beside the database, not in it: to move the data to another computer the
 * key travels too (exported here, imported there). docs/seguridad.md explains why.
 */
function AuditKeyControls({ onImported }: { onImported(result: AuditVerification): void }) {
  const status = useQuery({ queryKey: ['jury', 'auditKey'], queryFn: () => call('audit.keyStatus', {}) });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [restarting, setRestarting] = useState(false);
  const run = async (work: () => Promise<string>) => {
    setPending(true);
    setMessage(null);
    try {
      setMessage({ ok: true, text: await work() });
    } catch (caught) {
      setMessage({ ok: false, text: errorText(caught) });
    } finally {
      setPending(false);
    }
  };
  const exportKey = () =>
    run(async () => {
      const file = await call('audit.exportKey', {});
      downloadFile(file);
      return t('juryUi.audit.keyExported', { file: file.fileName });
    });
  const importKey = (file: File) =>
    run(async () => {
      const result = await call('audit.importKey', { fileName: file.name, dataBase64: await fileToBase64(file) });
      onImported(result);
      return t('juryUi.audit.keyImported');
    });
  return (
    <div className="audit-key">
      <h3>{t('juryUi.audit.keyTitle')}</h3>
      <p className="muted small">{t('juryUi.audit.keyHelp')}</p>
      {status.data && <p>{t(status.data.present ? 'juryUi.audit.keyPresent' : 'juryUi.audit.keyAbsent')}</p>}
      <button type="button" onClick={() => void exportKey()} disabled={pending || !status.data?.present}>
        {t('juryUi.audit.keyExport')}
      </button>
      <FilePicker label={t('juryUi.audit.keyImport')} hint={t('juryUi.audit.keyImportHint')} accept=".json,application/json" disabled={pending} onFile={(file) => void importKey(file)} />
      {status.data && !status.data.present && (
        <button type="button" className="danger" onClick={() => setRestarting(true)} disabled={pending}>
          {t('juryUi.audit.keyRestart')}
        </button>
      )}
      {restarting && (
        <ReasonDialog
          title={t('juryUi.audit.keyRestartTitle')}
          confirmLabel={t('juryUi.audit.keyRestart')}
          danger
          onClose={() => setRestarting(false)}
          onSubmit={async (reason) => {
            const result = await call('audit.restartKey', { reason });
            setRestarting(false);
            await status.refetch();
            onImported(result);
            setMessage({ ok: true, text: t('juryUi.audit.keyRestarted') });
          }}
        >
          <p>{t('juryUi.audit.keyRestartWarning')}</p>
        </ReasonDialog>
      )}
      <div role="status" data-testid="audit-key-result">
        {message && <p className={message.ok ? 'notice notice-ok' : 'form-error'}>{message.text}</p>}
      </div>
    </div>
  );
}
