import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { categoryFields } from '../../../../shared/domain/schemas';
import type { Category } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { FormError } from '../../components/FormError';
import { InputField, TextAreaField } from '../../components/fields';
import { errorText, placeServerError } from '../../lib/errors';

type CategoryInput = z.input<typeof categoryFields>;
type CategoryOutput = z.output<typeof categoryFields>;

const CODE_FIELDS = { 'error.category.nameTaken': 'name' } as const;

export function CategoryForm({ category, onSubmit, onCancel }: { category: Category | null; onSubmit(fields: CategoryOutput): Promise<unknown>; onCancel(): void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CategoryInput, unknown, CategoryOutput>({
    resolver: zodResolver(categoryFields),
    defaultValues: { name: category?.name ?? '', description: category?.description ?? '' },
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
      <InputField label={t('categories.field.name')} required error={errors.name?.message} {...register('name')} />
      <TextAreaField label={t('categories.field.description')} error={errors.description?.message} {...register('description')} />
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
