import { useId, useState } from 'react';
import type { AuditVerification } from '../../../../../shared/domain/jury-types';
import type { Edition, Stage } from '../../../../../shared/domain/types';
import { formatDateTime, t } from '../../../../../shared/i18n';
import { call } from '../../../api/client';
import { useAnnounce } from '../../../app/announcer';
import { QueryStatus } from '../../../components/QueryStatus';
import { errorText } from '../../../lib/errors';
import { ReasonDialog } from '../common/ReasonDialog';
import { SheetStatusBadge } from '../common/labels';
import { useCloseStage, useReopenSheet, useReopenStage } from '../mutations';
import { useAssignments, useStageState } from '../queries';
import { AuditLog } from './AuditLog';
import { OrganizerFrame } from './OrganizerFrame';

/** Close a stage (scores become read-only), reopen it or one juror's ficha, and check the audit log. */
export function StagesScreen() {
  return <OrganizerFrame tab="stages" withStage>{(edition, stage) => stage && <StagePanel key={stage.id} edition={edition} stage={stage} />}</OrganizerFrame>;
}

function StagePanel({ edition, stage }: { edition: Edition; stage: Stage }) {
  const state = useStageState(stage.id);
  const close = useCloseStage();
  const reopen = useReopenStage();
  const announce = useAnnounce();
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  return (
    <>
      <section className="panel" aria-labelledby="stage-lock-heading">
        <h2 id="stage-lock-heading">{t('juryUi.stages.lockTitle', { stage: stage.name })}</h2>
        <QueryStatus query={state}>
          {(s) => (
            <>
              <p className={`notice ${s.closed ? 'notice-ok' : ''}`} role="status" data-testid="stage-state">
                {s.closed
                  ? t('juryUi.stages.closedAt', { date: s.closedAt ? formatDateTime(s.closedAt) : '', reason: s.closedReason || '—' })
                  : t('juryUi.stages.isOpen')}
              </p>
              <p>{t('juryUi.stages.sheets', { total: s.sheets.total, submitted: s.sheets.submitted, abstained: s.sheets.abstained, pending: s.sheets.pending })}</p>
              <div className="form-actions start">
                {s.closed ? (
                  <button type="button" onClick={() => setDialog('reopen')}>
                    {t('juryUi.stages.reopen')}
                  </button>
                ) : (
                  <button type="button" className="primary" onClick={() => setDialog('close')}>
                    {t('juryUi.stages.close')}
                  </button>
                )}
              </div>
            </>
          )}
        </QueryStatus>
      </section>
      <ReopenSheet stage={stage} />
      <IntegrityCheck />
      <AuditLog editionId={edition.id} stageId={stage.id} />
      {dialog === 'close' && (
        <ReasonDialog
          title={t('juryUi.stages.closeTitle', { stage: stage.name })}
          confirmLabel={t('juryUi.stages.close')}
          required={false}
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            await close.mutateAsync({ stageId: stage.id, reason });
            announce(t('juryUi.stages.closedDone', { stage: stage.name }));
          }}
        >
          <p>{t('juryUi.stages.closeExplain')}</p>
        </ReasonDialog>
      )}
      {dialog === 'reopen' && (
        <ReasonDialog
          title={t('juryUi.stages.reopenTitle', { stage: stage.name })}
          confirmLabel={t('juryUi.stages.reopen')}
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            await reopen.mutateAsync({ stageId: stage.id, reason });
            announce(t('juryUi.stages.reopenedDone', { stage: stage.name }));
          }}
        />
      )}
    </>
  );
}

/** Reopening one juror's ficha (submitted, or in a closed stage) so they can correct it; the reason is logged. */
function ReopenSheet({ stage }: { stage: Stage }) {
  const assignments = useAssignments(stage.id);
  const reopen = useReopenSheet();
  const announce = useAnnounce();
  const selectId = useId();
  const [chosen, setChosen] = useState('');
  const [open, setOpen] = useState(false);
  return (
    <section className="panel" aria-labelledby="reopen-sheet-heading">
      <h2 id="reopen-sheet-heading">{t('juryUi.stages.reopenSheetTitle')}</h2>
      <QueryStatus query={assignments}>
        {(rows) => {
          const candidates = rows.filter((r) => r.status === 'submitted' || r.status === 'abstained' || r.status === 'recused');
          const row = candidates.find((r) => `${r.jurorId}:${r.entryId}` === chosen);
          if (candidates.length === 0) return <p className="muted">{t('juryUi.stages.noSubmitted')}</p>;
          return (
            <div className="inline-form">
              <div className="field">
                <label htmlFor={selectId}>{t('juryUi.stages.sheetToReopen')}</label>
                <select id={selectId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
                  <option value="">{t('juryUi.choose')}</option>
                  {candidates.map((r) => (
                    <option key={r.id} value={`${r.jurorId}:${r.entryId}`}>
                      {`${r.jurorName} — ${r.entryCode} ${r.entryTitle}`}
                    </option>
                  ))}
                </select>
              </div>
              {row && <SheetStatusBadge status={row.status} />}
              <button type="button" disabled={!row} onClick={() => setOpen(true)}>
                {t('juryUi.stages.reopenSheet')}
              </button>
              {open && row && (
                <ReasonDialog
                  title={t('juryUi.stages.reopenSheetDialog', { juror: row.jurorName, code: row.entryCode })}
                  confirmLabel={t('juryUi.stages.reopenSheet')}
                  onClose={() => setOpen(false)}
                  onSubmit={async (reason) => {
                    await reopen.mutateAsync({ stageId: stage.id, jurorId: row.jurorId, entryId: row.entryId, reason });
                    setChosen('');
                    announce(t('juryUi.stages.sheetReopened', { juror: row.jurorName, code: row.entryCode }));
                  }}
                />
              )}
            </div>
          );
        }}
      </QueryStatus>
    </section>
  );
}

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
    <section className="panel" aria-labelledby="integrity-heading">
      <h2 id="integrity-heading">{t('juryUi.audit.integrityTitle')}</h2>
      <p className="muted small">{t('juryUi.audit.integrityHelp')}</p>
      <button type="button" onClick={() => void verify()} disabled={pending}>
        {pending ? t('common.working') : t('juryUi.audit.verify')}
      </button>
      <div role="status" className="verify-result">
        {error && <p className="form-error">{error}</p>}
        {result &&
          (result.ok ? (
            <p className="notice notice-ok">{t('juryUi.audit.ok', { rows: result.rows, hash: result.headHash.slice(0, 16) })}</p>
          ) : (
            <p className="notice notice-bad">{t('juryUi.audit.broken', { rows: result.rows, id: result.brokenAtId, message: result.message })}</p>
          ))}
      </div>
    </section>
  );
}
