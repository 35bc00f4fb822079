import { toCellValue } from './cell-value';
import { ENTRY_LIMITS } from '../options';
import { PartsWorkbookReader } from './exceljs-fixes';
import type { CellValue } from './parse-types';
import type { SheetCollector } from './sheet-collector';
import { isWorkbookPart } from './workbook-parts';
import { checkZip } from './zip-check';

interface StreamedSheet extends AsyncIterable<{ number: number; values: unknown }> {
  name?: string;
}

/**
 * Reads every sheet with exceljs' streaming WorkbookReader (never the non-streaming readFile,
 * which takes over a GB at 100k rows), one row at a time into the collector. `parts` are the
 * entries checkZip inflated and kept (isWorkbookPart); without them the file is checked here.
 * Styles are cached because that is how exceljs tells a date from a number; hyperlink targets
 * are not available while streaming, so links keep their text.
 */
export async function readXlsx(bytes: Buffer, collector: SheetCollector, parts?: Map<string, Buffer>): Promise<void> {
  const entries = parts ?? (await checkZip(bytes, 'libro.xlsx', ENTRY_LIMITS, isWorkbookPart));
  const reader = new PartsWorkbookReader(entries, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    const sheet = worksheet as unknown as StreamedSheet;
    collector.startSheet(sheet.name ?? '');
    for await (const row of sheet) collector.addRow(row.number, rowCells(row.values));
  }
}

/** exceljs gives a sparse, 1-based array; we want a dense, 0-based one. */
function rowCells(values: unknown): CellValue[] {
  if (!Array.isArray(values)) return [];
  const cells: CellValue[] = new Array<CellValue>(Math.max(0, values.length - 1)).fill(null);
  for (let column = 1; column < values.length; column++) {
    const value: unknown = values[column];
    if (value !== undefined) cells[column - 1] = toCellValue(value);
  }
  return cells;
}
