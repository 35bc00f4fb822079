import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { t } from '../../../shared/i18n';
import { ApiError } from '../api/client';

/** The Spanish text to show for any failure (services already send Spanish messages). */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return t('error.unexpected', { detail: String(error) });
}

/**
 * Puts a service refusal next to the field it is about. Validation issues carry the
 * contract's input path ("fields.weight", or "year" for methods whose input is the
 * fields themselves); business refusals (a name already taken) carry only a code, which
 * `codeFields` ties to a field. Returns false when nothing could be placed, so the caller
 * shows the message as a form-level error instead.
 */
export function placeServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  codeFields: Partial<Record<string, Path<T>>> = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  const field = codeFields[error.code];
  if (field) {
    setError(field, { type: 'server', message: error.message });
    return true;
  }
  let placed = false;
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    const name = path.replace(/^fields\./, '');
    if (!name || name === 'fields') continue;
    setError(name as Path<T>, { type: 'server', message });
    placed = true;
  }
  return placed;
}
