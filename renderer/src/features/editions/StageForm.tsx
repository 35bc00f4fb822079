import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { stageFields } from '../../../../shared/domain/schemas';
import type { Stage } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { FormFooter } from '../../components/FormFooter';
import { InputField } from '../../components/fields';
import { useFormSubmit } from '../../lib/form-submit';
import { numberOrNull } from '../../lib/format';

type StageInput = z.input<typeof stageFields>;
type StageOutput = z.output<typeof stageFields>;

const CODE_FIELDS = { 'error.stage.nameTaken': 'name' } as const;

export function StageForm({ stage, onSubmit, onCancel }: { stage: Stage | null; onSubmit(fields: StageOutput): Promise<unknown>; onCancel(): void }) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<StageInput, unknown, StageOutput>({
    resolver: zodResolver(stageFields),
    defaultValues: { name: stage?.name ?? '', cutoff: stage?.cutoff ?? null },
  });
  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, onSubmit, CODE_FIELDS);
  return (
    <form onSubmit={submit} noValidate className="form">
      <InputField label={t('stages.field.name')} required hint={t('stages.field.nameHint')} error={errors.name?.message} {...register('name')} />
      <InputField
        label={t('stages.field.cutoff')}
        hint={t('stages.field.cutoffHint')}
        inputMode="decimal"
        error={errors.cutoff?.message}
        {...register('cutoff', { setValueAs: numberOrNull })}
      />
      <FormFooter error={formError} onCancel={onCancel} confirmLabel={t('common.save')} pending={isSubmitting} />
    </form>
  );
}
