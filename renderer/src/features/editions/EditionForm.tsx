import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { editionFields, type EditionFields } from '../../../../shared/domain/schemas';
import { t } from '../../../../shared/i18n';
import { FormFooter } from '../../components/FormFooter';
import { InputField } from '../../components/fields';
import { useFormSubmit } from '../../lib/form-submit';
import { toNumber } from '../../lib/format';

type EditionFormInput = z.input<typeof editionFields>;

interface EditionFormProps {
  defaultValues: EditionFormInput;
  submitLabel: string;
  onSubmit(fields: EditionFields): Promise<unknown>;
  onCancel?: () => void;
  readOnly?: boolean;
}

const CODE_FIELDS = { 'error.edition.nameTaken': 'name', 'error.edition.datesOrder': 'endDate' } as const;

/** General data of an edition: used to create, copy and edit. */
export function EditionForm({ defaultValues, submitLabel, onSubmit, onCancel, readOnly = false }: EditionFormProps) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EditionFormInput, unknown, EditionFields>({ resolver: zodResolver(editionFields), defaultValues });

  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, onSubmit, CODE_FIELDS);

  return (
    <form onSubmit={submit} noValidate className="form">
      <fieldset disabled={readOnly} className="plain-fieldset">
        <div className="form-grid">
          <InputField
            label={t('editions.field.year')}
            required
            inputMode="numeric"
            className="span-1"
            error={errors.year?.message}
            {...register('year', { setValueAs: toNumber })}
          />
          <InputField label={t('editions.field.name')} required className="span-3" error={errors.name?.message} {...register('name')} />
          <InputField label={t('editions.field.lema')} className="span-4" error={errors.lema?.message} {...register('lema')} />
          <InputField
            label={t('editions.field.legalReference')}
            hint={t('editions.field.legalReferenceHint')}
            className="span-2"
            error={errors.legalReference?.message}
            {...register('legalReference')}
          />
          <InputField label={t('editions.field.startDate')} type="date" className="span-1" error={errors.startDate?.message} {...register('startDate')} />
          <InputField label={t('editions.field.endDate')} type="date" className="span-1" error={errors.endDate?.message} {...register('endDate')} />
        </div>
        <FormFooter error={formError} onCancel={onCancel} confirmLabel={submitLabel} pending={isSubmitting} />
      </fieldset>
    </form>
  );
}

export function editionFormValues(edition?: {
  year: number;
  name: string;
  lema: string;
  legalReference: string;
  startDate: string;
  endDate: string;
}): EditionFormInput {
  return {
    year: edition?.year ?? new Date().getFullYear(),
    name: edition?.name ?? '',
    lema: edition?.lema ?? '',
    legalReference: edition?.legalReference ?? '',
    startDate: edition?.startDate ?? '',
    endDate: edition?.endDate ?? '',
  };
}
