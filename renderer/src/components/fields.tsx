import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { t } from '../../../shared/i18n';

interface FieldFrameProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
  className?: string | undefined;
}

/** Ids that tie a control to its hint and error text, so screen readers read both. */
function useFieldIds(error?: string, hint?: string) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function FieldText({ id, hint, errorId, error }: { id: string; hint?: string | undefined; errorId: string; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <p id={id} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

function LabelText({ label, required }: { label: string; required?: boolean | undefined }) {
  return (
    <>
      {label}
      {required && <span className="required-mark">{` (${t('common.required')})`}</span>}
    </>
  );
}

type InputFieldProps = FieldFrameProps & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };

export function InputField({ label, error, hint, required, className, ...input }: InputFieldProps) {
  const ids = useFieldIds(error, hint);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={ids.id}>
        <LabelText label={label} required={required} />
      </label>
      <input id={ids.id} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} aria-required={required || undefined} {...input} />
      <FieldText id={ids.hintId} hint={hint} errorId={ids.errorId} error={error} />
    </div>
  );
}

type TextAreaFieldProps = FieldFrameProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> };

export function TextAreaField({ label, error, hint, required, className, ...textarea }: TextAreaFieldProps) {
  const ids = useFieldIds(error, hint);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={ids.id}>
        <LabelText label={label} required={required} />
      </label>
      <textarea id={ids.id} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} aria-required={required || undefined} rows={3} {...textarea} />
      <FieldText id={ids.hintId} hint={hint} errorId={ids.errorId} error={error} />
    </div>
  );
}

type SelectFieldProps = FieldFrameProps & SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement>; children: ReactNode };

export function SelectField({ label, error, hint, required, className, children, ...select }: SelectFieldProps) {
  const ids = useFieldIds(error, hint);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={ids.id}>
        <LabelText label={label} required={required} />
      </label>
      <select id={ids.id} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...select}>
        {children}
      </select>
      <FieldText id={ids.hintId} hint={hint} errorId={ids.errorId} error={error} />
    </div>
  );
}

type CheckboxFieldProps = { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };

export function CheckboxField({ label, hint, ...input }: CheckboxFieldProps) {
  const ids = useFieldIds(undefined, hint);
  return (
    <div className="field field-checkbox">
      <input id={ids.id} type="checkbox" aria-describedby={ids.describedBy} {...input} />
      <label htmlFor={ids.id}>{label}</label>
      {hint && (
        <p id={ids.hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
