import { compactKey } from '../../../../shared/domain/text';
import { ParseFailure, type CellValue, type ParseLimits, type ParsedSheet, type ProjectedTable, type Projection, type RowSink, type SheetRow } from './parse-types';

/** Rows per batch handed to a sink: small enough that the receiver's work on one stays short. */
export const SINK_BATCH_ROWS = 250;

/**
 * Receives rows from a reader (xlsx or CSV), drops empty ones, enforces the row and column
 * caps as it goes (so a million-row sheet stops at the cap instead of being read whole) and
 * either keeps every row, or hands them on to a sink in batches (keeping none), or, with a
 * projection, keeps only the wanted columns (a projection takes precedence over a sink).
 */
export class SheetCollector {
  private readonly sheets: ParsedSheet[] = [];
  private current: ParsedSheet | null = null;
  private rowsSeen = 0;
  private readonly projector: Projector | null;
  private readonly sink: RowSink | null;
  private batch: SheetRow[] = [];
  /** Characters of text in the rows kept so far (see ParseLimits.maxTextChars). */
  private textChars = 0;

  constructor(
    private readonly limits: ParseLimits,
    projection: Projection | undefined,
    sink?: RowSink,
    private readonly fileName = '',
  ) {
    this.projector = projection ? new Projector(projection, (cells) => this.spend(cells)) : null;
    this.sink = this.projector ? null : (sink ?? null);
  }

  startSheet(name: string): void {
    this.current = { name, rows: [] };
    if (this.projector) this.projector.startSheet(name);
    else if (this.sink) {
      this.flush();
      this.sink.sheet(name);
    } else this.sheets.push(this.current);
  }

  addRow(row: number, cells: CellValue[]): void {
    const last = lastFilledIndex(cells);
    if (last < 0) return;
    const sheet = this.current?.name ?? '';
    if (last >= this.limits.maxColumns) throw new ParseFailure('import.error.tooManyColumns', { sheet, max: this.limits.maxColumns });
    this.rowsSeen += 1;
    if (this.rowsSeen > this.limits.maxRows) throw new ParseFailure('import.error.tooManyRows', { sheet, max: this.limits.maxRows });
    const trimmed = cells.length === last + 1 ? cells : cells.slice(0, last + 1);
    this.checkCells(sheet, row, trimmed);
    if (this.projector) this.projector.addRow({ row, cells: trimmed });
    else if (this.sink) {
      this.batch.push({ row, cells: trimmed });
      if (this.batch.length >= SINK_BATCH_ROWS) this.flush();
    } else this.current?.rows.push({ row, cells: trimmed });
    // A projection counts only the cells it keeps (a padrón's 150,000 rows shrink to a few hundred).
    if (!this.projector) this.spend(trimmed);
  }

  /** No cell longer than Excel allows: such text can only have been written to hurt. */
  private checkCells(sheet: string, row: number, cells: CellValue[]): void {
    const max = this.limits.maxCellChars;
    for (let column = 0; column < cells.length; column++) {
      const cell = cells[column];
      if (typeof cell === 'string' && cell.length > max) {
        throw new ParseFailure('import.error.cellTooLong', { cell: cellName(column, row), sheet, length: cell.length, max });
      }
    }
  }

  /**
   * Counts the text of a kept row, each cell in full even when it refers to a shared string that
   * the file stores once: the rows go on to be checked, planned and shown cell by cell.
   */
  private spend(cells: readonly CellValue[]): void {
    for (const cell of cells) if (typeof cell === 'string') this.textChars += cell.length;
    if (this.textChars > this.limits.maxTextChars) {
      throw new ParseFailure('import.error.tooMuchText', { file: this.fileName, max: Math.floor(this.limits.maxTextChars / 1_000_000) });
    }
  }

  /** Hands the last rows read to the sink: call once the reader has finished. */
  flush(): void {
    if (!this.sink || this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    this.sink.rows(rows);
  }

  /** Readers check a cell's column against it before allocating a row that wide. */
  get maxColumns(): number {
    return this.limits.maxColumns;
  }

  get rowCount(): number {
    return this.rowsSeen;
  }

  /** With a sink, `sheets` is empty: the sheets and their rows went to the sink. */
  result(): { sheets: ParsedSheet[]; projected?: ProjectedTable } {
    if (!this.projector) return { sheets: this.sheets };
    const projected = this.projector.result();
    return projected ? { sheets: [], projected } : { sheets: [] };
  }
}

/** "C12" from a 0-based column and the row number, as Excel names the cell. */
export function cellName(column: number, row: number): string {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row}`;
}

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function lastFilledIndex(cells: CellValue[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (!isBlank(cells[i])) return i;
  return -1;
}

type ProjectorState = 'scanning' | 'reading' | 'skipping' | 'done';

class Projector {
  private state: ProjectorState = 'scanning';
  private sheet = '';
  private scanned: SheetRow[] = [];
  private table: ProjectedTable | null = null;
  private indexes: number[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly projection: Projection,
    private readonly spend: (cells: readonly CellValue[]) => void,
  ) {}

  startSheet(name: string): void {
    if (this.state === 'done' || this.table) {
      this.state = 'done';
      return;
    }
    this.state = 'scanning';
    this.sheet = name;
    this.scanned = [];
  }

  addRow(row: SheetRow): void {
    if (this.state === 'reading') return this.keep(row);
    if (this.state !== 'scanning') return;
    this.scanned.push(row);
    const header = this.findHeader();
    if (header) {
      this.state = 'reading';
      for (const later of this.scanned.slice(this.scanned.indexOf(header) + 1)) this.keep(later);
      this.scanned = [];
    } else if (this.scanned.length >= this.projection.headerScanRows) {
      this.state = 'skipping';
    }
  }

  private findHeader(): SheetRow | null {
    const row = this.scanned[this.scanned.length - 1];
    if (!row) return null;
    const keys = row.cells.map((cell) => (typeof cell === 'string' ? compactKey(cell) : ''));
    const indexes = this.projection.columns.map((column) => keys.findIndex((key) => key !== '' && column.headers.includes(key)));
    if (indexes.some((index) => index < 0)) return null;
    this.indexes = indexes;
    this.table = {
      sheet: this.sheet,
      headerRow: row.row,
      headers: indexes.map((index) => String(row.cells[index] ?? '')),
      dataRows: 0,
      rows: [],
    };
    return row;
  }

  private keep(row: SheetRow): void {
    const table = this.table;
    if (!table) return;
    const cells = this.indexes.map((index) => row.cells[index] ?? null);
    if (cells.every((cell) => isBlank(cell))) return;
    table.dataRows += 1;
    if (this.projection.distinct) {
      const key = JSON.stringify(cells);
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    this.spend(cells);
    table.rows.push({ row: row.row, cells });
  }

  result(): ProjectedTable | null {
    return this.table;
  }
}
