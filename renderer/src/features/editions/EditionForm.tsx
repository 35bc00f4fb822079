import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { editionFields, type EditionFields } from '../../../../shared/domain/schemas';
import { t } from '../../../../shared/i18n';
import { FormError } from '../../components/FormError';
import { InputField } from '../../components/fields';
import { errorText, placeServerError } from '../../lib/errors';
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
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EditionFormInput, unknown, EditionFields>({ resolver: zodResolver(editionFields), defaultValues });

  const submit = handleSubmit(async (fields) => {
    setFormError(null);
    try {
      await onSubmit(fields);
    } catch (error) {
      if (!placeServerError(error, setError, CODE_FIELDS)) setFormError(errorText(error));
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form">
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
        <FormError message={formError} />
        <div className="form-actions">
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : submitLabel}
          </button>
        </div>
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
