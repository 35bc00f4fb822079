import type { ImportInspection, SheetInspection } from '../../../../shared/domain/import-types';
import type { ParsedSheet, SheetRow } from '../file/parse-types';
import { displayText, headerLabel } from './cell-text';
import { headerScore, suggestMapping } from './headers';

/** The header row is looked for among the first rows (titles and notes often sit above it). */
export const HEADER_SCAN_ROWS = 10;
const SAMPLE_ROWS = 5;

/** A parsed sheet with its header row located: what preview and commit work on. */
export interface EntrySheet {
  name: string;
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
  score: number;
}

export function locateHeader(sheet: ParsedSheet): EntrySheet {
  const { index, score } = findHeader(sheet.rows);
  const header = sheet.rows[index];
  const rows = sheet.rows.slice(index + 1);
  let width = header?.cells.length ?? 0;
  for (const row of rows) width = Math.max(width, row.cells.length);
  return { name: sheet.name, headerRow: header?.row ?? 1, headers: headerLabels(header, width), rows, score };
}

/**
 * Which of a sheet's first rows is its header: the one that maps the most fields (the first
 * of equals). Decided by the first HEADER_SCAN_ROWS rows alone, so it can be known early.
 */
export function findHeader(rows: readonly SheetRow[]): { index: number; score: number } {
  let index = 0;
  let best = -1;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((row, at) => {
    const score = headerScore(row.cells.map(displayText));
    if (score > best) {
      index = at;
      best = score;
    }
  });
  return { index, score: Math.max(0, best) };
}

/** The column labels of a header row, for `width` columns. */
export function headerLabels(header: SheetRow | undefined, width: number): string[] {
  return Array.from({ length: width }, (_, index) => headerLabel(header?.cells[index], index));
}

export function toInspection(token: string, stored: { fileName: string; sheets: readonly EntrySheet[] }): ImportInspection {
  const sheets: SheetInspection[] = stored.sheets.map((sheet) => ({
    name: sheet.name,
    rowCount: sheet.rows.length,
    headerRow: sheet.headerRow,
    headers: sheet.headers,
    sample: sheet.rows.slice(0, SAMPLE_ROWS).map((row) => sheet.headers.map((_, index) => displayText(row.cells[index]))),
    suggestedMapping: suggestMapping(sheet.headers),
  }));
  let selectedSheet = 0;
  stored.sheets.forEach((sheet, index) => {
    const chosen = stored.sheets[selectedSheet];
    if (chosen && (sheet.score > chosen.score || (sheet.score === chosen.score && sheet.rows.length > 0 && chosen.rows.length === 0))) {
      selectedSheet = index;
    }
  });
  return { token, fileName: stored.fileName, sheets, selectedSheet };
}
