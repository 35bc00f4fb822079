import { useState, type FormEvent } from 'react';
import type { FieldValues, Path, UseFormHandleSubmit, UseFormSetError } from 'react-hook-form';
import { errorText, placeServerError } from './errors';

/**
 * Submits a react-hook-form form through `action`. A refusal the service ties to a field is
 * shown next to that field (see placeServerError); any other failure becomes `formError`, for
 * the form's footer. Every form in the app submits this way, so a refusal reads the same everywhere.
 */
export function useFormSubmit<TFieldValues extends FieldValues, TOutput>(
  form: { handleSubmit: UseFormHandleSubmit<TFieldValues, TOutput>; setError: UseFormSetError<TFieldValues> },
  action: (values: TOutput) => Promise<unknown>,
  codeFields: Partial<Record<string, Path<TFieldValues>>> = {},
) {
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await action(values);
    } catch (error) {
      if (!placeServerError(error, form.setError, codeFields)) setFormError(errorText(error));
    }
  });
  return { formError, onSubmit: (event: FormEvent) => void submit(event) };
}

/**
 * The same for a dialog whose fields are plain state rather than a react-hook-form form: `run`
 * clears the last refusal, runs the action, and keeps its failure as `error` for the footer.
 */
export function useDialogAction(action: () => Promise<unknown>) {
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return { error, run: () => void run() };
}
