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
  const text = displayText(value);
  // Tested first: a replace copies the text even when nothing matches (10,000 rows × 15 cells).
  return (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).trim();
}

/** Single-line fields: runs of white space (line breaks included) become one space. */
export function lineText(value: CellValue | undefined): string {
  const text = cellText(value);
  // Only a run of white space, or white space other than " ", changes anything.
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
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
