import { useId, useState } from 'react';
import type { AssignmentPlan, AssignmentRow } from '../../../../../shared/domain/jury-types';
import type { Edition, Stage } from '../../../../../shared/domain/types';
import { t } from '../../../../../shared/i18n';
import { call } from '../../../api/client';
import { useAnnounce } from '../../../app/announcer';
import { QueryStatus } from '../../../components/QueryStatus';
import { errorText } from '../../../lib/errors';
import { useEntries } from '../../entries/queries';
import { SheetStatusBadge } from '../common/labels';
import { useAddAssignment, useAutoAssign, useRemoveAssignment } from '../mutations';
import { useAssignments, useJurors, useJurySettings, useLoads } from '../queries';
import { OrganizerFrame } from './OrganizerFrame';
import { TableWrap } from '../common/TableWrap';

/** Who scores what: automatic (N per entry, balanced, seeded), top-up after a withdrawal, and manual changes. */
export function AssignmentScreen() {
  return <OrganizerFrame tab="assignment" withStage>{(edition, stage) => stage && <Assignment key={stage.id} edition={edition} stage={stage} />}</OrganizerFrame>;
}

function Assignment({ edition, stage }: { edition: Edition; stage: Stage }) {
  return (
    <>
      <AutoAssign edition={edition} stage={stage} />
      <LoadsSection stage={stage} />
      <ManualAssign edition={edition} stage={stage} />
    </>
  );
}

function AutoAssign({ edition, stage }: { edition: Edition; stage: Stage }) {
  const settings = useJurySettings(edition.id);
  const auto = useAutoAssign();
  const announce = useAnnounce();
  const nId = useId();
  const seedId = useId();
  const partialId = useId();
  const [n, setN] = useState('');
  const [seed, setSeed] = useState('1');
  const [allowPartial, setAllowPartial] = useState(false);
  const [plan, setPlan] = useState<AssignmentPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const input = () => {
    const parsedN = n.trim() === '' ? undefined : Number(n);
    return { stageId: stage.id, seed: Number(seed) || 0, ...(parsedN ? { jurorsPerEntry: parsedN } : {}) };
  };
  const preview = async () => {
    setPending(true);
    setError(null);
    try {
      setPlan(await call('assignments.plan', input()));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setPending(false);
    }
  };
  const apply = async () => {
    setError(null);
    try {
      const done = await auto.mutateAsync({ ...input(), allowPartial });
      setPlan(done);
      announce(t('juryUi.assign.applied', { count: done.additions.length }));
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <section className="panel" aria-labelledby="auto-heading">
      <h2 id="auto-heading">{t('juryUi.assign.autoTitle')}</h2>
      <p className="muted small">{t('juryUi.assign.autoHelp')}</p>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={nId}>{t('juryUi.assign.n')}</label>
          <input id={nId} inputMode="numeric" value={n} placeholder={settings.data ? String(settings.data.jurorsPerEntry) : ''} onChange={(event) => setN(event.target.value)} aria-describedby={`${nId}-hint`} />
          <p id={`${nId}-hint`} className="field-hint">
            {t('juryUi.assign.nHint', { n: settings.data?.jurorsPerEntry ?? '—' })}
          </p>
        </div>
        <div className="field">
          <label htmlFor={seedId}>{t('juryUi.assign.seed')}</label>
          <input id={seedId} inputMode="numeric" value={seed} onChange={(event) => setSeed(event.target.value)} aria-describedby={`${seedId}-hint`} />
          <p id={`${seedId}-hint`} className="field-hint">
            {t('juryUi.assign.seedHint')}
          </p>
        </div>
        <div className="field field-checkbox">
          <input id={partialId} type="checkbox" checked={allowPartial} onChange={(event) => setAllowPartial(event.target.checked)} />
          <label htmlFor={partialId}>{t('juryUi.assign.allowPartial')}</label>
        </div>
      </div>
      <div className="form-actions start">
        <button type="button" onClick={() => void preview()} disabled={pending}>
          {t('juryUi.assign.preview')}
        </button>
        <button type="button" className="primary" onClick={() => void apply()} disabled={auto.isPending}>
          {t('juryUi.assign.apply')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {plan && <PlanView plan={plan} />}
    </section>
  );
}

function PlanView({ plan }: { plan: AssignmentPlan }) {
  return (
    <div className="plan" role="status">
      <p className={`notice ${plan.feasible ? 'notice-ok' : 'notice-bad'}`}>
        {plan.feasible ? t('juryUi.assign.feasible', { count: plan.additions.length, n: plan.jurorsPerEntry, seed: plan.seed }) : t('juryUi.assign.infeasible', { count: plan.additions.length })}
      </p>
      {plan.problems.length > 0 && (
        <ul className="problems">
          {plan.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {plan.panels.length > 0 && (
        <ul>
          {plan.panels.map((p) => (
            <li key={p.panelId}>{t(p.balanced ? 'juryUi.assign.panelBalanced' : 'juryUi.assign.panelUnbalanced', { name: p.name, min: p.min, max: p.max })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function LoadsSection({ stage }: { stage: Stage }) {
  const loads = useLoads(stage.id);
  return (
    <section className="panel" aria-labelledby="loads-heading">
      <h2 id="loads-heading">{t('juryUi.assign.loadsTitle')}</h2>
      <QueryStatus query={loads}>
        {(table) => (
          <>
            <p className="muted">{t('juryUi.assign.loadsRange', { min: table.min, max: table.max })}</p>
            <table className="data-table compact">
              <caption className="sr-only">{t('juryUi.assign.loadsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('juryUi.col.juror')}</th>
                  <th scope="col" className="num">{t('juryUi.assign.active')}</th>
                  <th scope="col" className="num">{t('juryUi.assign.submitted')}</th>
                  <th scope="col">{t('juryUi.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {table.jurors.map((j) => (
                  <tr key={j.jurorId}>
                    <th scope="row">{j.name}</th>
                    <td className="num">{j.active}</td>
                    <td className="num">{j.submitted}</td>
                    <td>{j.withdrawn ? t('juryUi.jurors.withdrawn') : j.panelIds.length === 0 ? t('juryUi.assign.noPanel') : t('juryUi.assign.onPanel')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {table.shortEntries.length > 0 && (
              <div className="notice" role="note">
                <p>{t('juryUi.assign.shortTitle', { count: table.shortEntries.length })}</p>
                <ul>
                  {table.shortEntries.slice(0, 50).map((e) => (
                    <li key={e.entryId}>{t('juryUi.assign.shortLine', { code: e.code, title: e.title, active: e.active, needed: e.needed })}</li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </QueryStatus>
    </section>
  );
}

function ManualAssign({ edition, stage }: { edition: Edition; stage: Stage }) {
  const assignments = useAssignments(stage.id);
  const jurors = useJurors(edition.id);
  const add = useAddAssignment();
  const remove = useRemoveAssignment();
  const announce = useAnnounce();
  const entryId = useId();
  const jurorId = useId();
  const [entry, setEntry] = useState('');
  const [juror, setJuror] = useState('');
  return (
    <section className="panel" aria-labelledby="manual-heading">
      <h2 id="manual-heading">{t('juryUi.assign.manualTitle')}</h2>
      <QueryStatus query={assignments}>
        {(rows) => {
          const byEntry = new Map<number, AssignmentRow[]>();
          for (const row of rows) byEntry.set(row.entryId, [...(byEntry.get(row.entryId) ?? []), row]);
          const entries = [...byEntry.values()].map((list) => list[0] as AssignmentRow);
          return (
            <>
              <div className="inline-form">
                <div className="field">
                  <label htmlFor={entryId}>{t('juryUi.col.entry')}</label>
                  <EntrySelect id={entryId} editionId={edition.id} value={entry} onChange={setEntry} />
                </div>
                <div className="field">
                  <label htmlFor={jurorId}>{t('juryUi.col.juror')}</label>
                  <select id={jurorId} value={juror} onChange={(event) => setJuror(event.target.value)}>
                    <option value="">{t('juryUi.choose')}</option>
                    {(jurors.data ?? []).filter((j) => !j.withdrawn).map((j) => (
                      <option key={j.id} value={j.id}>
                        {j.name}
                      </option>
                    ))}
                  </select>
                </div>
                <button
                  type="button"
                  disabled={!entry || !juror || add.isPending}
                  onClick={() =>
                    add.mutate(
                      { stageId: stage.id, entryId: Number(entry), jurorId: Number(juror) },
                      { onSuccess: (row) => announce(t('juryUi.assign.added', { juror: row.jurorName, code: row.entryCode })), onError: (e) => announce(errorText(e), 'error') },
                    )
                  }
                >
                  {t('juryUi.assign.add')}
                </button>
              </div>
              {entries.length === 0 ? (
                <p className="empty">{t('juryUi.assign.none')}</p>
              ) : (
                <TableWrap label={t('juryUi.assign.manualTitle')} className="medium">
                  <table className="data-table compact">
                    <caption className="sr-only">{t('juryUi.assign.manualTitle')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('juryUi.col.entry')}</th>
                        <th scope="col">{t('juryUi.assign.jurors')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {entries.map((first) => (
                        <tr key={first.entryId}>
                          <th scope="row">{`${first.entryCode} ${first.entryTitle}`}</th>
                          <td>
                            <ul className="assigned-list">
                              {(byEntry.get(first.entryId) ?? []).map((row) => (
                                <li key={row.id}>
                                  <span className={row.jurorWithdrawn || row.conflicted ? 'struck' : undefined}>{row.jurorName}</span> <SheetStatusBadge status={row.status} />
                                  {row.conflicted && <span className="badge badge-bad">{t('juryUi.conflicts.inForce')}</span>}
                                  <button
                                    type="button"
                                    className="danger-link"
                                    aria-label={t('juryUi.assign.removeNamed', { juror: row.jurorName, code: row.entryCode })}
                                    onClick={() =>
                                      remove.mutate(
                                        { stageId: stage.id, entryId: row.entryId, jurorId: row.jurorId },
                                        { onSuccess: () => announce(t('juryUi.assign.removed', { juror: row.jurorName, code: row.entryCode })), onError: (e) => announce(errorText(e), 'error') },
                                      )
                                    }
                                  >
                                    {t('juryUi.assign.remove')}
                                  </button>
                                </li>
                              ))}
                            </ul>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              )}
            </>
          );
        }}
      </QueryStatus>
    </section>
  );
}

function EntrySelect({ id, editionId, value, onChange }: { id: string; editionId: number; value: string; onChange(value: string): void }) {
  const entries = useEntriesOf(editionId);
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t('juryUi.choose')}</option>
      {entries.map((e) => (
        <option key={e.id} value={e.id}>
          {`${e.code} ${e.title}`}
        </option>
      ))}
    </select>
  );
}

function useEntriesOf(editionId: number) {
  return useEntries(editionId).data ?? [];
}
