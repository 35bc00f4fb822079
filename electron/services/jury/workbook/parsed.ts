/** A juror workbook as the preview reads it: every sheet as a grid of plain values. */
export type ParsedCell = number | string | boolean | null;

export interface ParsedSheet {
  name: string;
  /** rows[r][c] for 1-based row r+1 and column c+1; trailing empties omitted. */
  rows: ParsedCell[][];
}

export interface ParsedWorkbook {
  sheets: ParsedSheet[];
}
