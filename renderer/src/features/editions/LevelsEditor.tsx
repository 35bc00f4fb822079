import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { t } from '../../../../shared/i18n';
import { InputField, TextAreaField } from '../../components/fields';
import { toNumber } from '../../lib/format';
import type { CriterionInput } from './criterion-form-values';

interface LevelsEditorProps {
  control: Control<CriterionInput>;
  register: UseFormRegister<CriterionInput>;
  errors: FieldErrors<CriterionInput>;
  /** Current scale, to propose the next level's value and to fill the whole rubric. */
  scale: { min: number; max: number; step: number };
  disabled: boolean;
}

const MAX_GENERATED_LEVELS = 11;

/** The rubric: one descriptor per scale value, as the bases describe each level. */
export function LevelsEditor({ control, register, errors, scale, disabled }: LevelsEditorProps) {
  const { fields, append, remove, replace } = useFieldArray({ control, name: 'levels' });
  const values = scaleValues(scale);

  const addLevel = () => {
    append({ value: fields.length === 0 ? scale.min : Number.NaN, label: '', descriptor: '' }, { shouldFocus: true });
  };

  return (
    <fieldset className="levels">
      <legend>{t('criteria.levels.legend')}</legend>
      <p className="field-hint">{t('criteria.levels.hint')}</p>
      {fields.length === 0 && <p className="muted">{t('criteria.levels.empty')}</p>}
      <ol className="level-list">
        {fields.map((field, index) => (
          <li key={field.id} className="level-row">
            <InputField
              label={t('criteria.levels.value', { n: index + 1 })}
              inputMode="decimal"
              className="level-value"
              error={errors.levels?.[index]?.value?.message}
              {...register(`levels.${index}.value`, { setValueAs: toNumber })}
            />
            <InputField label={t('criteria.levels.label', { n: index + 1 })} className="level-label" error={errors.levels?.[index]?.label?.message} {...register(`levels.${index}.label`)} />
            <TextAreaField
              label={t('criteria.levels.descriptor', { n: index + 1 })}
              className="level-descriptor"
              rows={2}
              error={errors.levels?.[index]?.descriptor?.message}
              {...register(`levels.${index}.descriptor`)}
            />
            <button type="button" className="danger-link level-remove" onClick={() => remove(index)} disabled={disabled}>
              {t('criteria.levels.remove', { n: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <div className="form-actions start">
        <button type="button" onClick={addLevel} disabled={disabled}>
          {t('criteria.levels.add')}
        </button>
        {fields.length === 0 && values && (
          <button type="button" onClick={() => replace(values.map((value) => ({ value, label: '', descriptor: '' })))} disabled={disabled}>
            {t('criteria.levels.fromScale', { count: values.length })}
          </button>
        )}
      </div>
    </fieldset>
  );
}

/** Every value of a small scale (1–4 step 1 → 1,2,3,4); null when the scale is not usable or too long. */
function scaleValues({ min, max, step }: { min: number; max: number; step: number }): number[] | null {
  if (![min, max, step].every(Number.isFinite) || step <= 0 || min >= max) return null;
  const count = Math.floor((max - min) / step + 1e-9) + 1;
  if (count > MAX_GENERATED_LEVELS) return null;
  return Array.from({ length: count }, (_, i) => Math.round((min + i * step) * 1000) / 1000);
}
