import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import type { Category, Entry, Iged } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { FormFooter } from '../../components/FormFooter';
import { InputField, SelectField, TextAreaField } from '../../components/fields';
import { useFormSubmit } from '../../lib/form-submit';
import { numberOrNull } from '../../lib/format';
import { entryFormSchema, entryFormValues, idOrNull, type EntryFormInput, type EntryFormOutput } from './entry-form-values';
import { IgedPicker } from './IgedPicker';
import { SimilarWarning } from './SimilarWarning';

interface EntryFormProps {
  entry: Entry | null;
  categories: Category[];
  igeds: Iged[];
  regions: string[];
  readOnly: boolean;
  onSubmit(fields: EntryFormOutput): Promise<unknown>;
}

const CODE_FIELDS = {
  'error.entry.codeTaken': 'code',
  'error.entry.igedUnknown': 'igedId',
  'error.entry.regionUnknown': 'region',
  'error.entry.categoryForeign': 'categoryId',
} as const;

/** Every field of an entry, in the order of the informe de postulación. */
export function EntryForm({ entry, categories, igeds, regions, readOnly, onSubmit }: EntryFormProps) {
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EntryFormInput, unknown, EntryFormOutput>({
    resolver: zodResolver(entryFormSchema),
    defaultValues: entryFormValues(entry),
    // The entry as last read: a screen may open on a cached copy that a write elsewhere (an
    // import, another window) has since replaced, and the fresh one arrives a moment later.
    // It replaces what the user has not touched; what they are editing stays theirs.
    values: entry ? entryFormValues(entry) : undefined,
    resetOptions: { keepDirtyValues: true },
  });
  const igedId = useWatch({ control, name: 'igedId' });
  const title = useWatch({ control, name: 'title' });
  const igedRegion = igeds.find((iged) => iged.id === igedId)?.region ?? null;

  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, onSubmit, CODE_FIELDS);

  return (
    <form onSubmit={submit} noValidate className="form">
      <fieldset disabled={readOnly} className="plain-fieldset">
        <div className="form-grid">
          <InputField label={t('field.code')} hint={t('entryForm.codeHint')} className="span-1" error={errors.code?.message} {...register('code')} />
          <InputField label={t('field.title')} required className="span-3" error={errors.title?.message} {...register('title')} />
          <div className="span-2">
            <Controller
              control={control}
              name="igedId"
              render={({ field, fieldState }) => (
                <IgedPicker
                  label={t('field.iged')}
                  igeds={igeds}
                  value={field.value ?? null}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                  disabled={readOnly}
                />
              )}
            />
          </div>
          <SimilarWarning igedId={igedId ?? null} title={title ?? ''} exceptId={entry?.id ?? null} />
          {igedRegion !== null ? (
            <InputField label={t('field.region')} hint={t('entryForm.regionFromIged')} className="span-1" value={igedRegion} readOnly />
          ) : (
            <SelectField label={t('field.region')} className="span-1" error={errors.region?.message} {...register('region')}>
              <option value="">{t('entryForm.noRegion')}</option>
              {regions.map((region) => (
                <option key={region} value={region}>
                  {region}
                </option>
              ))}
            </SelectField>
          )}
          <InputField
            label={t('field.startYear')}
            inputMode="numeric"
            className="span-1"
            error={errors.startYear?.message}
            {...register('startYear', { setValueAs: numberOrNull })}
          />
          <SelectField label={t('field.category')} className="span-4" error={errors.categoryId?.message} {...register('categoryId', { setValueAs: idOrNull })}>
            <option value="">{t('entryForm.noCategory')}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </SelectField>
          <TextAreaField label={t('field.summary')} className="span-4" rows={4} error={errors.summary?.message} {...register('summary')} />
          <TextAreaField label={t('field.problem')} className="span-2" rows={4} error={errors.problem?.message} {...register('problem')} />
          <TextAreaField label={t('field.results')} className="span-2" rows={4} error={errors.results?.message} {...register('results')} />
          <TextAreaField
            label={t('field.evidence')}
            hint={t('entryForm.evidenceHint')}
            className="span-4"
            rows={3}
            error={firstNestedMessage(errors.evidenceLinks)}
            {...register('evidenceLinks')}
          />
        </div>
        <fieldset className="plain-fieldset">
          <legend>{t('entryForm.contact')}</legend>
          <div className="form-grid">
            <InputField label={t('field.contactName')} className="span-2" error={errors.contactName?.message} {...register('contactName')} />
            <InputField label={t('field.contactCargo')} className="span-2" error={errors.contactCargo?.message} {...register('contactCargo')} />
            <InputField label={t('field.contactEmail')} type="email" className="span-2" error={errors.contactEmail?.message} {...register('contactEmail')} />
            <InputField label={t('field.contactPhone')} type="tel" className="span-2" error={errors.contactPhone?.message} {...register('contactPhone')} />
            <TextAreaField label={t('field.team')} hint={t('entryForm.teamHint')} className="span-4" error={errors.team?.message} {...register('team')} />
          </div>
        </fieldset>
        <FormFooter error={formError} confirmLabel={entry ? t('common.saveChanges') : t('entryForm.create')} pending={isSubmitting} />
      </fieldset>
    </form>
  );
}

/** Evidence issues point at one line ("evidenceLinks.2"); show the first one under the field. */
function firstNestedMessage(error: FieldErrors<EntryFormInput>['evidenceLinks'] | undefined): string | undefined {
  if (!error) return undefined;
  if (typeof error.message === 'string' && error.message) return error.message;
  const nested = Object.values(error as Record<string, { message?: unknown } | undefined>).find((e) => typeof e?.message === 'string');
  return nested?.message as string | undefined;
}
