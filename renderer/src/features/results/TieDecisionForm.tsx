import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { reason } from '../../../../shared/domain/jury-schemas';
import { t } from '../../../../shared/i18n';
import { useAnnounce } from '../../app/announcer';
import { FormFooter } from '../../components/FormFooter';
import { TextAreaField } from '../../components/fields';
import { refocus } from '../../components/ItemActions';
import { movedIds } from '../../lib/order';
import { useFormSubmit } from '../../lib/form-submit';
import { useRecordTieDecision } from './mutations';

const schema = z.object({ reason });

/**
 * The organizer's decision where the tie-break chain ends without one: order the tied entries
 * (best first) and say why. The decision is recorded and printed in the acta; never random.
 */
export function TieDecisionForm({ stageId, entryIds, codeOf }: { stageId: number; entryIds: number[]; codeOf(id: number): string }) {
  const [order, setOrder] = useState(entryIds);
  const record = useRecordTieDecision();
  const announce = useAnnounce();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  const base = `tie-${entryIds.join('-')}`;
  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, async ({ reason: why }) => {
    await record.mutateAsync({ stageId, orderedEntryIds: order, reason: why });
    announce(t('juryUi.results.decisionSaved'));
  });
  return (
    <form className="form tie-decision" noValidate onSubmit={submit}>
      <h4>{t('juryUi.results.decisionTitle')}</h4>
      <ol>
        {order.map((id, index) => (
          <li key={id}>
            <span className="tie-code">{codeOf(id)}</span>
            <button
              type="button"
              id={`${base}-${id}-up`}
              className="icon-button"
              aria-label={t('common.moveUp', { name: codeOf(id) })}
              aria-disabled={index === 0}
              onClick={() => {
                if (index === 0) return;
                setOrder(movedIds(order, index, -1));
                refocus(`${base}-${id}-up`);
              }}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              type="button"
              id={`${base}-${id}-down`}
              className="icon-button"
              aria-label={t('common.moveDown', { name: codeOf(id) })}
              aria-disabled={index === order.length - 1}
              onClick={() => {
                if (index === order.length - 1) return;
                setOrder(movedIds(order, index, 1));
                refocus(`${base}-${id}-down`);
              }}
            >
              <span aria-hidden="true">↓</span>
            </button>
          </li>
        ))}
      </ol>
      <TextAreaField label={t('juryUi.results.decisionReason')} required error={errors.reason?.message} {...register('reason')} />
      <FormFooter error={formError} confirmLabel={t('juryUi.results.decisionSave')} pending={isSubmitting} align="start" />
    </form>
  );
}
