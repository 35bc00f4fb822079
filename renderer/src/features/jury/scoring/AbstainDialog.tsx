import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { reason } from '../../../../../shared/domain/jury-schemas';
import { t } from '../../../../../shared/i18n';
import { Dialog } from '../../../components/Dialog';
import { FormFooter } from '../../../components/FormFooter';
import { TextAreaField } from '../../../components/fields';
import { useFormSubmit } from '../../../lib/form-submit';

const schema = z.object({ kind: z.enum(['abstain', 'recuse']), reason });
type Values = z.input<typeof schema>;
type Output = z.output<typeof schema>;

/** Abstain (no score, e.g. not enough information) or recuse (a conflict of interest), always with a reason. */
export function AbstainDialog({ onSubmit, onClose }: { onSubmit(values: Output): Promise<unknown>; onClose(): void }) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, Output>({ resolver: zodResolver(schema), defaultValues: { kind: 'abstain', reason: '' } });
  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, async (values) => {
    await onSubmit(values);
    onClose();
  });
  return (
    <Dialog title={t('juryUi.abstain.title')} onClose={onClose}>
      <form className="form" noValidate onSubmit={submit}>
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
        <FormFooter error={formError} onCancel={onClose} confirmLabel={t('juryUi.abstain.confirm')} pending={isSubmitting} />
      </form>
    </Dialog>
  );
}
