import type { EntryImportField, ImportRowAction, IssueSeverity } from '../../../../shared/domain/import-types';
import { t } from '../../../../shared/i18n';

/** The target fields of an entries import carry the same names as the entry form. */
export function importFieldLabel(field: EntryImportField): string {
  return t(`field.${field}`);
}

export function actionLabel(action: ImportRowAction): string {
  return t(`importScreen.action.${action}`);
}

export function severityLabel(severity: IssueSeverity): string {
  return t(`importScreen.severity.${severity}`);
}

/** Spreadsheet column letters (0 → A, 27 → AB), as users see them in Excel. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
