import { useId, useState } from 'react';
import type { Edition, Stage } from '../../../../../shared/domain/types';
import { formatDateTime, t } from '../../../../../shared/i18n';
import { useAnnounce } from '../../../app/announcer';
import { QueryStatus } from '../../../components/QueryStatus';
import { ReasonDialog } from '../common/ReasonDialog';
import { SheetStatusBadge } from '../common/labels';
import { useCloseStage, useReopenSheet, useReopenStage } from '../mutations';
import { useAssignments, useStageOverview, useStageState } from '../queries';
import { TableWrap } from '../common/TableWrap';
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
      <StageList edition={edition} current={stage.id} />
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
          {state.data &&
            (state.data.sheets.pending > 0 ? (
              <p className="notice notice-bad" data-testid="close-pending-warning">
                {t('juryUi.stages.closePending', { pending: state.data.sheets.pending, total: state.data.sheets.total })}
              </p>
            ) : (
              <p className="notice notice-ok">{t('juryUi.stages.closeNoPending')}</p>
            ))}
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

/** Every stage of the edition with its state: open or closed (when, by whom, why) and the sheets reopened with their reason. */
function StageList({ edition, current }: { edition: Edition; current: number }) {
  const list = useStageOverview(edition.id);
  return (
    <section className="panel" aria-labelledby="stage-list-heading">
      <h2 id="stage-list-heading">{t('juryUi.stages.listTitle')}</h2>
      <QueryStatus query={list}>
        {(stages) =>
          stages.length === 0 ? (
            <p className="muted">{t('juryUi.stages.listEmpty')}</p>
          ) : (
            <TableWrap label={t('juryUi.stages.listTitle')}>
              <table className="data-table compact" data-testid="stage-list">
                <caption className="sr-only">{t('juryUi.stages.listTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('juryUi.stages.colStage')}</th>
                    <th scope="col">{t('juryUi.stages.colState')}</th>
                    <th scope="col">{t('juryUi.stages.colClosed')}</th>
                    <th scope="col">{t('juryUi.stages.colSheets')}</th>
                    <th scope="col">{t('juryUi.stages.colReopened')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stages.map((s) => (
                    <tr key={s.stageId} aria-current={s.stageId === current ? 'true' : undefined}>
                      <th scope="row">{s.stageName}</th>
                      <td>
                        <span className={`badge ${s.closed ? 'badge-ok' : 'badge-info'}`}>{t(s.closed ? 'juryUi.stages.stateClosed' : 'juryUi.stages.stateOpen')}</span>
                      </td>
                      <td>
                        {s.closed
                          ? t('juryUi.stages.closedBy', { date: s.closedAt ? formatDateTime(s.closedAt) : '—', by: s.closedBy || '—', reason: s.closedReason || '—' })
                          : '—'}
                      </td>
                      <td>{t('juryUi.stages.sheetsShort', { submitted: s.sheets.submitted + s.sheets.abstained, total: s.sheets.total })}</td>
                      <td>
                        {s.reopenedSheets.length === 0 ? (
                          '—'
                        ) : (
                          <ul className="plain-list">
                            {s.reopenedSheets.map((r, i) => (
                              <li key={i}>
                                {t('juryUi.stages.reopenedLine', { date: formatDateTime(r.at), juror: r.jurorName, code: r.entryCode, by: r.byLabel, reason: r.reason })}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </QueryStatus>
    </section>
  );
}
