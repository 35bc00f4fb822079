import { Readable } from 'node:stream';
import { toCellValue } from './cell-value';
import { FixedWorkbookReader } from './exceljs-fixes';
import type { CellValue } from './parse-types';
import type { SheetCollector } from './sheet-collector';

interface StreamedSheet extends AsyncIterable<{ number: number; values: unknown }> {
  name?: string;
}

/**
 * Streams every sheet with exceljs' WorkbookReader (never the non-streaming readFile, which
 * takes over a GB at 100k rows). Styles are cached because that is how exceljs tells a date
 * from a number; hyperlink targets are not available while streaming, so links keep their text.
 */
export async function readXlsx(bytes: Buffer, collector: SheetCollector): Promise<void> {
  const reader = new FixedWorkbookReader(Readable.from([bytes]), {
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
