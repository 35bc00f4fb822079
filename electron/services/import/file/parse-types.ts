import type { MessageKey, MessageParams } from '../../../../shared/i18n';

/**
 * What the parser worker and the main side exchange. Everything here must survive
 * structured cloning (postMessage): plain objects, arrays, strings and numbers.
 */

/** An Excel error value such as #N/A or #DIV/0!, kept so a mapped column can flag it. */
export interface CellError {
  error: string;
}

/** A cell as imported: formulas are already replaced by their cached result, dates by yyyy-mm-dd. */
export type CellValue = string | number | boolean | null | CellError;

export interface SheetRow {
  /** 1-based row number as Excel shows it (CSV: record number). */
  row: number;
  /** 0-based by column; missing cells are null. */
  cells: CellValue[];
}

export interface ParsedSheet {
  name: string;
  rows: SheetRow[];
}

/**
 * Receives a file's rows as they are read, instead of their being kept until the end: each
 * sheet's name, then its rows (empty ones dropped) in batches, in file order.
 */
export interface RowSink {
  sheet(name: string): void;
  rows(rows: SheetRow[]): void;
}

export interface ParseLimits {
  maxFileBytes: number;
  /** Sum of the uncompressed sizes the ZIP declares, and of what is actually inflated. */
  maxUncompressedBytes: number;
  /** Entries larger than `ratioAppliesAboveBytes` may not inflate more than this many times. */
  maxCompressionRatio: number;
  ratioAppliesAboveBytes: number;
  maxZipEntries: number;
  /** Rows with data in the whole file (header rows included). */
  maxRows: number;
  maxColumns: number;
  /** Characters in one cell: Excel itself stops at 32,767. */
  maxCellChars: number;
  /**
   * Characters of text in the rows kept, each cell counted in full: a shared string is stored
   * once in the file but expands into every cell that refers to it.
   */
  maxTextChars: number;
}

/**
 * Keeps only some columns, found by their header, and optionally only the distinct
 * combinations: a 150,000-row padrón collapses to a few hundred UGEL rows inside the worker.
 */
export interface Projection {
  /** Per wanted column, the compact header keys (see compactKey) that name it. */
  columns: { key: string; headers: readonly string[] }[];
  distinct: boolean;
  /** Header row is searched among the first rows of each sheet. */
  headerScanRows: number;
}

export interface ParseRequest {
  fileName: string;
  bytes: Uint8Array;
  limits: ParseLimits;
  /** Refuse a CSV (or any text) file: only a ZIP workbook is read. */
  xlsxOnly?: boolean;
  projection?: Projection;
}

export interface ProjectedTable {
  sheet: string;
  headerRow: number;
  /** Header text of each projected column, as in the file. */
  headers: string[];
  /** Data rows read below the header (before `distinct`). */
  dataRows: number;
  rows: SheetRow[];
}

export type ParseOutcome =
  | { ok: true; sheets: ParsedSheet[]; projected?: ProjectedTable }
  | { ok: false; key: MessageKey; params: MessageParams };

/** Thrown inside the parser for a file problem the user must be told about, in Spanish. */
export class ParseFailure extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
    this.name = 'ParseFailure';
  }
}
