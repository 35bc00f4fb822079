import type { CellValue } from './parse-types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days from Excel's day 0 (1899-12-30, Lotus' leap-year bug included) to 1970-01-01. */
const EPOCH_1900 = 25569;
/** The 1904 date system starts 1,462 days later. */
const OFFSET_1904 = 1462;

/**
 * A date cell as the import wants it: what the user sees in Excel, yyyy-mm-dd, with HH:MM when
 * it has a time part. Excel stores a date as a serial number of days, read here in UTC (the
 * cell has no time zone), as exceljs does.
 */
export function serialDate(serial: number, date1904: boolean): CellValue {
  return isoDate(new Date(Math.round((serial - EPOCH_1900 + (date1904 ? OFFSET_1904 : 0)) * DAY_MS)));
}

/** A date written as ISO 8601 text (t="d" cells, which Excel writes in strict files). */
export function isoTextDate(text: string): CellValue {
  return isoDate(new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) || !text.includes('T') ? text : `${text}Z`));
}

function isoDate(date: Date): CellValue {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
