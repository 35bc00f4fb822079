import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { stageFields } from '../../../../shared/domain/schemas';
import type { Stage } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { FormError } from '../../components/FormError';
import { InputField } from '../../components/fields';
import { errorText, placeServerError } from '../../lib/errors';
import { numberOrNull } from '../../lib/format';

type StageInput = z.input<typeof stageFields>;
type StageOutput = z.output<typeof stageFields>;

const CODE_FIELDS = { 'error.stage.nameTaken': 'name' } as const;

export function StageForm({ stage, onSubmit, onCancel }: { stage: Stage | null; onSubmit(fields: StageOutput): Promise<unknown>; onCancel(): void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<StageInput, unknown, StageOutput>({
    resolver: zodResolver(stageFields),
    defaultValues: { name: stage?.name ?? '', cutoff: stage?.cutoff ?? null },
  });
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
      <InputField label={t('stages.field.name')} required hint={t('stages.field.nameHint')} error={errors.name?.message} {...register('name')} />
      <InputField
        label={t('stages.field.cutoff')}
        hint={t('stages.field.cutoffHint')}
        inputMode="decimal"
        error={errors.cutoff?.message}
        {...register('cutoff', { setValueAs: numberOrNull })}
      />
      <FormError message={formError} />
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
