import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { criterionFields } from '../../../../shared/domain/schemas';
import type { Category, Criterion } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { FormFooter } from '../../components/FormFooter';
import { CheckboxField, InputField, TextAreaField } from '../../components/fields';
import { useFormSubmit } from '../../lib/form-submit';
import { toNumber } from '../../lib/format';
import { criterionFormValues, type CriterionInput, type CriterionOutput } from './criterion-form-values';
import { LevelsEditor } from './LevelsEditor';

interface CriterionFormProps {
  criterion: Criterion | null;
  categories: Category[];
  onSubmit(fields: CriterionOutput): Promise<unknown>;
  onCancel(): void;
}

const CODE_FIELDS = { 'error.criterion.nameTaken': 'name', 'error.criterion.categoryForeign': 'categoryIds' } as const;

/** A criterion of the bases: weight, scale, rubric, and the categories it applies to. */
export function CriterionForm({ criterion, categories, onSubmit, onCancel }: CriterionFormProps) {
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<CriterionInput, unknown, CriterionOutput>({
    resolver: zodResolver(criterionFields),
    defaultValues: criterionFormValues(criterion),
  });
  const selectedCategories = useWatch({ control, name: 'categoryIds' }) ?? [];
  const [scaleMin, scaleMax, scaleStep] = useWatch({ control, name: ['scaleMin', 'scaleMax', 'scaleStep'] });
  const scale = { min: toNumber(scaleMin), max: toNumber(scaleMax), step: toNumber(scaleStep) };

  const toggleCategory = (id: number, checked: boolean) => {
    const next = checked ? [...selectedCategories, id] : selectedCategories.filter((c) => c !== id);
    setValue('categoryIds', next, { shouldDirty: true });
  };

  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, onSubmit, CODE_FIELDS);

  return (
    <form onSubmit={submit} noValidate className="form">
      <div className="form-grid">
        <InputField label={t('criteria.field.name')} required className="span-3" error={errors.name?.message} {...register('name')} />
        <InputField
          label={t('criteria.field.weight')}
          required
          inputMode="decimal"
          className="span-1"
          error={errors.weight?.message}
          {...register('weight', { setValueAs: toNumber })}
        />
        <TextAreaField label={t('criteria.field.description')} className="span-4" error={errors.description?.message} {...register('description')} />
      </div>
      <fieldset className="plain-fieldset">
        <legend>{t('criteria.field.scale')}</legend>
        <div className="form-grid">
          <InputField label={t('criteria.field.scaleMin')} required inputMode="decimal" error={errors.scaleMin?.message} {...register('scaleMin', { setValueAs: toNumber })} />
          <InputField label={t('criteria.field.scaleMax')} required inputMode="decimal" error={errors.scaleMax?.message} {...register('scaleMax', { setValueAs: toNumber })} />
          <InputField label={t('criteria.field.scaleStep')} required inputMode="decimal" error={errors.scaleStep?.message} {...register('scaleStep', { setValueAs: toNumber })} />
        </div>
      </fieldset>
      <CheckboxField label={t('criteria.field.independent')} hint={t('criteria.field.independentHint')} {...register('independent')} />
      <fieldset className="plain-fieldset">
        <legend>{t('criteria.field.categories')}</legend>
        <p className="field-hint">{t('criteria.field.categoriesHint')}</p>
        {categories.length === 0 ? (
          <p className="muted">{t('criteria.field.noCategories')}</p>
        ) : (
          <div className="checkbox-list">
            {categories.map((category) => (
              <CheckboxField
                key={category.id}
                label={category.name}
                checked={selectedCategories.includes(category.id)}
                onChange={(event) => toggleCategory(category.id, event.target.checked)}
              />
            ))}
          </div>
        )}
        {errors.categoryIds?.message && <p className="field-error">{errors.categoryIds.message}</p>}
      </fieldset>
      <LevelsEditor control={control} register={register} errors={errors} scale={scale} disabled={isSubmitting} />
      <FormFooter error={formError} onCancel={onCancel} confirmLabel={t('common.save')} pending={isSubmitting} />
    </form>
  );
}
