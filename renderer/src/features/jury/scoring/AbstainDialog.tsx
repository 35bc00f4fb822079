import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { reason } from '../../../../../shared/domain/jury-schemas';
import { t } from '../../../../../shared/i18n';
import { Dialog } from '../../../components/Dialog';
import { FormError } from '../../../components/FormError';
import { TextAreaField } from '../../../components/fields';
import { errorText } from '../../../lib/errors';

const schema = z.object({ kind: z.enum(['abstain', 'recuse']), reason });
type Values = z.input<typeof schema>;
type Output = z.output<typeof schema>;

/** Abstain (no score, e.g. not enough information) or recuse (a conflict of interest), always with a reason. */
export function AbstainDialog({ onSubmit, onClose }: { onSubmit(values: Output): Promise<unknown>; onClose(): void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, Output>({ resolver: zodResolver(schema), defaultValues: { kind: 'abstain', reason: '' } });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      setFormError(errorText(error));
    }
  });
  return (
    <Dialog title={t('juryUi.abstain.title')} onClose={onClose}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="plain-fieldset">
          <legend>{t('juryUi.abstain.kind')}</legend>
          <div className="field field-checkbox">
            <input id="abstain-kind-abstain" type="radio" value="abstain" {...register('kind')} data-autofocus />
            <label htmlFor="abstain-kind-abstain">{t('juryUi.abstain.abstain')}</label>
          </div>
          <div className="field field-checkbox">
            <input id="abstain-kind-recuse" type="radio" value="recuse" {...register('kind')} />
            <label htmlFor="abstain-kind-recuse">{t('juryUi.abstain.recuse')}</label>
          </div>
        </fieldset>
        <TextAreaField label={t('juryUi.reason')} required error={errors.reason?.message} {...register('reason')} />
        <FormError message={formError} />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('juryUi.abstain.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
