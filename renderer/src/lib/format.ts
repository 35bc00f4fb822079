import { formatNumber } from '../../../shared/i18n';

/** File sizes as organizers read them: "1,2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

/** Splits a textarea with one item per line into trimmed, non-empty items. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Turns a form's optional number input into the contract's `number | null`. */
export function numberOrNull(value: unknown): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  return Number.isNaN(n) ? Number.NaN : n;
}

/** Required number inputs: Spanish users may type a decimal comma ("2,5"). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  const text = String(value ?? '').trim().replace(',', '.');
  return text === '' ? Number.NaN : Number(text);
}
