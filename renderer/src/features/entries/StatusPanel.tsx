import { useState } from 'react';
import { ENTRY_STATUSES, type EntryStatus } from '../../../../shared/domain/schemas';
import type { Entry, Stage } from '../../../../shared/domain/types';
import { formatDateTime, t } from '../../../../shared/i18n';
import { useAnnounce } from '../../app/announcer';
import { FormError } from '../../components/FormError';
import { SelectField, TextAreaField } from '../../components/fields';
import { errorText } from '../../lib/errors';
import { useSetEntryStatus } from './mutations';
import { StatusBadge } from './StatusBadge';

/** The entry's status in each stage of the contest, in stage order. */
export function StatusPanel({ entry, stages, readOnly }: { entry: Entry; stages: Stage[]; readOnly: boolean }) {
  return (
    <section className="panel" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('status.title')}</h2>
      {stages.length === 0 ? (
        <p className="empty">{t('status.noStages')}</p>
      ) : (
        <ol className="stage-list">
          {stages.map((stage) => (
            <StageStatusRow key={`${stage.id}-${entry.updatedAt}`} entry={entry} stage={stage} readOnly={readOnly} />
          ))}
        </ol>
      )}
    </section>
  );
}

const NEEDS_REASON: ReadonlySet<EntryStatus> = new Set(['notPassed', 'observed']);

function StageStatusRow({ entry, stage, readOnly }: { entry: Entry; stage: Stage; readOnly: boolean }) {
  const saved = entry.statuses.find((s) => s.stageId === stage.id);
  const [status, setStatus] = useState<EntryStatus>(saved?.status ?? 'pending');
  const [reason, setReason] = useState(saved?.reason ?? '');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useSetEntryStatus();
  const announce = useAnnounce();
  const changed = status !== (saved?.status ?? 'pending') || reason.trim() !== (saved?.reason ?? '');

  const save = () => {
    setFormError(null);
    // The same rule the service applies, said next to the field before the round trip.
    if (NEEDS_REASON.has(status) && !reason.trim()) {
      setReasonError(t('error.entry.reasonRequired'));
      return;
    }
    setReasonError(null);
    // Not mutate()'s own callbacks: the saved status changes the entry's updatedAt, which remounts
    // this row (its key), and TanStack Query drops a mutate() callback whose component unmounted —
    // when the refreshed entry arrived first, the confirmation was never said.
    mutation.mutateAsync({ entryId: entry.id, stageId: stage.id, status, reason }).then(
      () => announce(t('status.saved', { stage: stage.name, status: t(`entry.status.${status}`) })),
      (error: unknown) => setFormError(errorText(error)),
    );
  };

  return (
    <li className="stage-row">
      <div className="stage-row-head">
        <h3>{stage.name}</h3>
        <StatusBadge status={saved?.status ?? 'pending'} />
        {saved && <span className="muted small">{t('status.updated', { date: formatDateTime(saved.updatedAt) })}</span>}
      </div>
      <div className="stage-row-body">
        <SelectField
          label={t('status.statusIn', { stage: stage.name })}
          value={status}
          disabled={readOnly}
          onChange={(event) => setStatus(event.target.value as EntryStatus)}
        >
          {ENTRY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`entry.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('status.reasonIn', { stage: stage.name })}
          hint={t('status.reasonHint')}
          required={NEEDS_REASON.has(status)}
          rows={2}
          value={reason}
          disabled={readOnly}
          error={reasonError ?? undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="stage-row-save">
          <button type="button" onClick={save} disabled={readOnly || !changed || mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t('status.save')}
          </button>
        </div>
      </div>
      <FormError message={formError} />
    </li>
  );
}
