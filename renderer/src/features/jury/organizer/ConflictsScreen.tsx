import { useId, useState } from 'react';
import type { Conflict, ConflictRules, JurySettings } from '../../../../../shared/domain/jury-types';
import type { Edition } from '../../../../../shared/domain/types';
import { formatDateTime, t } from '../../../../../shared/i18n';
import { useAnnounce } from '../../../app/announcer';
import { CheckboxField } from '../../../components/fields';
import { QueryStatus } from '../../../components/QueryStatus';
import { errorText } from '../../../lib/errors';
import { useEntries } from '../../entries/queries';
import { ReasonDialog } from '../common/ReasonDialog';
import { useDeclareConflict, useDismissConflict, useReinstateConflict, useUpdateJurySettings } from '../mutations';
import { useConflicts, useJurors, useJurySettings } from '../queries';
import { OrganizerFrame } from './OrganizerFrame';
import { TableWrap } from '../common/TableWrap';

/** Conflicts of interest: the edition's detection rules, the detected and declared ones, and dismissals. */
export function ConflictsScreen() {
  return (
    <OrganizerFrame tab="conflicts">
      {(edition) => (
        <>
          <RulesSection edition={edition} />
          <ConflictList edition={edition} />
          <DeclareConflict edition={edition} />
        </>
      )}
    </OrganizerFrame>
  );
}

function RulesSection({ edition }: { edition: Edition }) {
  const settings = useJurySettings(edition.id);
  return (
    <section className="panel" aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t('juryUi.conflicts.rulesTitle')}</h2>
      <QueryStatus query={settings}>{(s) => <RulesForm key={s.updatedAt} settings={s} readOnly={edition.archived} />}</QueryStatus>
    </section>
  );
}

function RulesForm({ settings, readOnly }: { settings: JurySettings; readOnly: boolean }) {
  const [rules, setRules] = useState<ConflictRules>(settings.conflictRules);
  const update = useUpdateJurySettings();
  const announce = useAnnounce();
  const { editionId, updatedAt: _updatedAt, ...rest } = settings;
  const set = (key: keyof ConflictRules) => (event: React.ChangeEvent<HTMLInputElement>) => setRules({ ...rules, [key]: event.target.checked });
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          { editionId, fields: { ...rest, conflictRules: rules } },
          { onSuccess: () => announce(t('juryUi.conflicts.rulesSaved')), onError: (e) => announce(errorText(e), 'error') },
        );
      }}
    >
      <CheckboxField label={t('juryUi.conflicts.rule.sameIged')} checked={rules.sameIged} onChange={set('sameIged')} disabled={readOnly} />
      <CheckboxField label={t('juryUi.conflicts.rule.parentDre')} checked={rules.parentDre} onChange={set('parentDre')} disabled={readOnly} />
      <CheckboxField label={t('juryUi.conflicts.rule.sameRegion')} checked={rules.sameRegion} onChange={set('sameRegion')} disabled={readOnly} />
      <div className="form-actions start">
        <button type="submit" className="primary" disabled={readOnly || update.isPending}>
          {t('juryUi.conflicts.rulesSave')}
        </button>
      </div>
    </form>
  );
}

function ConflictList({ edition }: { edition: Edition }) {
  const conflicts = useConflicts(edition.id);
  const dismiss = useDismissConflict();
  const reinstate = useReinstateConflict();
  const announce = useAnnounce();
  const [acting, setActing] = useState<{ conflict: Conflict; kind: 'dismiss' | 'reinstate' } | null>(null);
  return (
    <section className="panel" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">{t('juryUi.conflicts.title')}</h2>
      <QueryStatus query={conflicts}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('juryUi.conflicts.empty')}</p>
          ) : (
            <TableWrap label={t('juryUi.conflicts.title')} className="medium">
              <table className="data-table compact">
                <caption className="sr-only">{t('juryUi.conflicts.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('juryUi.col.juror')}</th>
                    <th scope="col">{t('juryUi.col.entry')}</th>
                    <th scope="col">{t('juryUi.conflicts.basis')}</th>
                    <th scope="col">{t('juryUi.conflicts.detail')}</th>
                    <th scope="col">{t('juryUi.col.status')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.id}>
                      <td>{c.jurorName}</td>
                      <td>{`${c.entryCode} ${c.entryTitle}`}</td>
                      <td>{t(`juryUi.conflicts.basis.${c.basis}`)}</td>
                      <td>{c.basis === 'declared' ? c.declaredReason : c.detail}</td>
                      <td>
                        {c.inForce ? (
                          <span className="badge badge-bad">{t('juryUi.conflicts.inForce')}</span>
                        ) : (
                          <>
                            <span className="badge badge-muted">{t('juryUi.conflicts.dismissed')}</span>
                            <span className="small">{t('juryUi.conflicts.dismissedWhy', { reason: c.dismissedReason, date: c.dismissedAt ? formatDateTime(c.dismissedAt) : '' })}</span>
                          </>
                        )}
                      </td>
                      <td>
                        <button type="button" onClick={() => setActing({ conflict: c, kind: c.inForce ? 'dismiss' : 'reinstate' })}>
                          {c.inForce ? t('juryUi.conflicts.dismiss') : t('juryUi.conflicts.reinstate')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </QueryStatus>
      {acting && (
        <ReasonDialog
          title={t(acting.kind === 'dismiss' ? 'juryUi.conflicts.dismissTitle' : 'juryUi.conflicts.reinstateTitle', { juror: acting.conflict.jurorName, code: acting.conflict.entryCode })}
          confirmLabel={acting.kind === 'dismiss' ? t('juryUi.conflicts.dismiss') : t('juryUi.conflicts.reinstate')}
          onClose={() => setActing(null)}
          onSubmit={async (reason) => {
            if (acting.kind === 'dismiss') await dismiss.mutateAsync({ id: acting.conflict.id, reason });
            else await reinstate.mutateAsync({ id: acting.conflict.id, reason });
            announce(t('juryUi.conflicts.updated'));
          }}
        />
      )}
    </section>
  );
}

function DeclareConflict({ edition }: { edition: Edition }) {
  const jurors = useJurors(edition.id);
  const entries = useEntries(edition.id);
  const declare = useDeclareConflict();
  const announce = useAnnounce();
  const jurorId = useId();
  const entryId = useId();
  const [juror, setJuror] = useState('');
  const [entry, setEntry] = useState('');
  const [open, setOpen] = useState(false);
  return (
    <section className="panel" aria-labelledby="declare-heading">
      <h2 id="declare-heading">{t('juryUi.conflicts.declareTitle')}</h2>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={jurorId}>{t('juryUi.col.juror')}</label>
          <select id={jurorId} value={juror} onChange={(event) => setJuror(event.target.value)}>
            <option value="">{t('juryUi.choose')}</option>
            {(jurors.data ?? []).map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={entryId}>{t('juryUi.col.entry')}</label>
          <select id={entryId} value={entry} onChange={(event) => setEntry(event.target.value)}>
            <option value="">{t('juryUi.choose')}</option>
            {(entries.data ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {`${e.code} ${e.title}`}
              </option>
            ))}
          </select>
        </div>
        <button type="button" disabled={!juror || !entry} onClick={() => setOpen(true)}>
          {t('juryUi.conflicts.declare')}
        </button>
      </div>
      {open && (
        <ReasonDialog
          title={t('juryUi.conflicts.declareTitle')}
          confirmLabel={t('juryUi.conflicts.declare')}
          onClose={() => setOpen(false)}
          onSubmit={async (reason) => {
            await declare.mutateAsync({ jurorId: Number(juror), entryId: Number(entry), reason });
            setEntry('');
            announce(t('juryUi.conflicts.declared'));
          }}
        />
      )}
    </section>
  );
}
