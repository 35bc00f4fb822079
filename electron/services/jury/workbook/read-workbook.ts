import type { CellValue, ParsedSheet as ImportedSheet } from '../../import/file/parse-types';
import { ENTRY_LIMITS } from '../../import/options';
import { readUpload, sharedParser, type UploadKind, type Upload } from '../../import/read-upload';
import type { ParsedCell, ParsedSheet, ParsedWorkbook } from './parsed';

const MB = 1024 * 1024;

/**
 * A juror's ficha comes back by email: it is read like every other uploaded spreadsheet
 * (worker thread, size / ZIP / row / column caps, timeout: import/read-upload.ts), with caps
 * that suit a file the app exported itself. Only .xlsx: the signed metadata cannot survive CSV.
 */
const JUROR_WORKBOOK: UploadKind = {
  limits: {
    ...ENTRY_LIMITS,
    // A ficha for a few hundred entries weighs well under 1 MB.
    maxFileBytes: 10 * MB,
    maxUncompressedBytes: 100 * MB,
    maxRows: 20_000,
    // Fixed columns plus one per criterion.
    maxColumns: 300,
  },
  timeoutMs: 20_000,
  xlsxOnly: true,
};

/** Resolves with the workbook's sheets as grids, or rejects with the Spanish reason it cannot be read. */
export async function readJurorWorkbook(upload: Upload): Promise<ParsedWorkbook> {
  const parsed = await readUpload(sharedParser(), upload, JUROR_WORKBOOK);
  return { sheets: parsed.sheets.map(toGrid) };
}

/** The import keeps non-empty rows with their numbers; the preview addresses cells by position. */
function toGrid(sheet: ImportedSheet): ParsedSheet {
  const rows: ParsedCell[][] = [];
  for (const { row, cells } of sheet.rows) rows[row - 1] = cells.map(plain);
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name: sheet.name, rows };
}

/**
 * An Excel error (#N/A, #DIV/0!…) keeps its text, so a score cell holding one is flagged as not
 * a number instead of being read as empty (which would clear the app's value).
 */
function plain(cell: CellValue): ParsedCell {
  return cell !== null && typeof cell === 'object' ? cell.error : cell;
}
