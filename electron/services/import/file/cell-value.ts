import type { CellValue } from './parse-types';

/**
 * An exceljs cell value as the import wants it: what the user sees in Excel.
 * Formulas give their cached result (we never evaluate), rich text its joined runs,
 * hyperlinks their text, dates yyyy-mm-dd, Excel errors stay errors so they can be flagged.
 */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return null;
  const object = value as Record<string, unknown>;
  if ('error' in object) return { error: String(object.error) };
  if ('formula' in object || 'sharedFormula' in object) return toCellValue(object.result);
  if (Array.isArray(object.richText)) {
    return (object.richText as { text?: unknown }[]).map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
  }
  if ('text' in object) return toCellValue(object.text);
  return null;
}

/** exceljs builds dates in UTC from the serial number; a time part, if any, is kept as HH:MM. */
function isoDate(date: Date): CellValue {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
