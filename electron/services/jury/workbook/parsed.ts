/** What the parser worker sends back: plain data only, so nothing of exceljs crosses threads. */
export type ParsedCell = number | string | boolean | null;

export interface ParsedSheet {
  name: string;
  state: string;
  /** rows[r][c] for 1-based row r+1 and column c+1; trailing empties omitted. */
  rows: ParsedCell[][];
}

export interface ParsedWorkbook {
  sheets: ParsedSheet[];
}

export type ParseReply = { ok: true; workbook: ParsedWorkbook } | { ok: false; code: 'tooManyRows' | 'encrypted' | 'invalid'; detail: string };

export const PARSE_LIMITS = {
  /** A ficha for a few hundred entries weighs well under 1 MB. */
  maxFileBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRows: 20_000,
  maxColumns: 300,
  timeoutMs: 20_000,
};
