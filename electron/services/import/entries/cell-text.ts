import type { CellValue } from '../file/parse-types';
import { t } from '../../../../shared/i18n';

export function isCellError(value: CellValue | undefined): value is { error: string } {
  return typeof value === 'object' && value !== null;
}

/** What the user sees in the cell, for the mapping screen's sample. */
export function displayText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (isCellError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'VERDADERO' : 'FALSO';
  return String(value);
}

/** A cell as field text: trimmed, line breaks normalised; numbers without thousands separators. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined || isCellError(value)) return '';
  return displayText(value).replace(/\r\n?/g, '\n').trim();
}

/** Single-line fields: runs of white space (line breaks included) become one space. */
export function lineText(value: CellValue | undefined): string {
  return cellText(value).replace(/\s+/g, ' ');
}

/** "A", "B", … "AA": how Excel names a 0-based column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** The header as written in the file, or "Columna C" when the header cell is empty. */
export function headerLabel(value: CellValue | undefined, index: number): string {
  return lineText(value) || t('import.column.unnamed', { letter: columnLetter(index) });
}
