import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { categoryFields } from '../../../../shared/domain/schemas';
import type { Category } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { FormFooter } from '../../components/FormFooter';
import { InputField, TextAreaField } from '../../components/fields';
import { useFormSubmit } from '../../lib/form-submit';

type CategoryInput = z.input<typeof categoryFields>;
type CategoryOutput = z.output<typeof categoryFields>;

const CODE_FIELDS = { 'error.category.nameTaken': 'name' } as const;

export function CategoryForm({ category, onSubmit, onCancel }: { category: Category | null; onSubmit(fields: CategoryOutput): Promise<unknown>; onCancel(): void }) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CategoryInput, unknown, CategoryOutput>({
    resolver: zodResolver(categoryFields),
    defaultValues: { name: category?.name ?? '', description: category?.description ?? '' },
  });
  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, onSubmit, CODE_FIELDS);
  return (
    <form onSubmit={submit} noValidate className="form">
      <InputField label={t('categories.field.name')} required error={errors.name?.message} {...register('name')} />
      <TextAreaField label={t('categories.field.description')} error={errors.description?.message} {...register('description')} />
      <FormFooter error={formError} onCancel={onCancel} confirmLabel={t('common.save')} pending={isSubmitting} />
    </form>
  );
}
