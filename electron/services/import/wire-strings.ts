import type { CellValue, SheetRow } from './file/parse-types';

/**
 * Rows travel from the parser worker to the main side by postMessage, whose structured clone
 * writes a string out in full every time it occurs: one shared string of a workbook, stored
 * once in the file and held once by the reader, would arrive as a separate copy per cell that
 * refers to it (measured: 100 references to a 1 MB string serialise to 100 MB). So a long
 * string goes over once, in the batch where it first appears, and its later occurrences as its
 * number; the main side puts the one string it received back in every cell, as a reference.
 */

/** Shorter strings cost less to copy than to look up. */
export const SHARE_FROM_CHARS = 256;

/** A cell on the wire: a long string is replaced by its number in the table. */
export interface SharedText {
  shared: number;
}
export type WireCell = CellValue | SharedText;
export interface WireRow {
  row: number;
  cells: WireCell[];
}
export interface WireBatch {
  rows: WireRow[];
  /** Long strings seen for the first time in this batch, numbered after those sent before. */
  strings: string[];
}

/** Worker side: one per file. */
export class StringPacker {
  private readonly numbers = new Map<string, number>();

  pack(rows: readonly SheetRow[]): WireBatch {
    const strings: string[] = [];
    const packed = rows.map(({ row, cells }): WireRow => {
      let wire: WireCell[] | null = null;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (typeof cell !== 'string' || cell.length < SHARE_FROM_CHARS) continue;
        let number = this.numbers.get(cell);
        if (number === undefined) {
          number = this.numbers.size;
          this.numbers.set(cell, number);
          strings.push(cell);
        }
        wire ??= cells.slice();
        wire[i] = { shared: number };
      }
      return { row, cells: wire ?? cells };
    });
    return { rows: packed, strings };
  }
}

/** Main side: one per file, fed the batches in the order they were packed. */
export class StringUnpacker {
  private readonly table: string[] = [];

  unpack(batch: WireBatch): SheetRow[] {
    for (const text of batch.strings) this.table.push(text);
    return batch.rows.map(({ row, cells }) => ({ row, cells: cells.map((cell) => (isShared(cell) ? (this.table[cell.shared] ?? null) : cell)) }));
  }
}

function isShared(cell: WireCell): cell is SharedText {
  return typeof cell === 'object' && cell !== null && 'shared' in cell;
}
