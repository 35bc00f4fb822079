import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { PARSE_LIMITS, type ParseReply, type ParsedCell, type ParsedSheet } from './parsed';

/**
 * Worker thread: reads a juror workbook already checked by the guards (size, ZIP signature,
 * decompressed size) and returns its cells as plain values. Runs off the main thread so a hostile
 * file can only cost this thread, which the caller kills on timeout.
 */
async function parse(data: Uint8Array): Promise<ParseReply> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, code: 'invalid', detail: error instanceof Error ? error.message : String(error) };
  }
  const sheets: ParsedSheet[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.rowCount > PARSE_LIMITS.maxRows) return { ok: false, code: 'tooManyRows', detail: String(ws.rowCount) };
    const rows: ParsedCell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: ParsedCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col <= PARSE_LIMITS.maxColumns) cells[col - 1] = plain(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    sheets.push({ name: ws.name, state: ws.state, rows });
  }
  return { ok: true, workbook: { sheets } };
}

/** A cell as the user sees it: formulas give their cached result, rich text its plain text. */
function plain(value: ExcelJS.CellValue): ParsedCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      return typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean' ? result : null;
    }
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return null;
  }
  return null;
}

void parse(workerData as Uint8Array).then((reply) => parentPort?.postMessage(reply));
