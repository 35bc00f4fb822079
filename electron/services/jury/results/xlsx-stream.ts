import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export type Cell = string | number | null;

/** A sheet as plain data, so the same cells can be written styled (export) or bare (benchmark). */
export interface SheetSpec {
  name: string;
  headers: string[];
  /** Column widths in characters, aligned with headers. */
  widths: number[];
  /** Excel number format per column ('' for none). */
  formats?: string[];
  rows: Cell[][];
}

/**
 * Writes sheets with exceljs' streaming WorkbookWriter: rows are committed as they are added,
 * so memory stays flat however many juror sheets and audit rows there are. Header bold on a
 * fill, frozen, with an autofilter; numbers keep full precision and show two decimals.
 */
export async function writeSheets(sheets: readonly SheetSpec[], meta: { creator: string; title: string; created: Date }): Promise<Buffer> {
  const { stream, done } = collect();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = meta.creator;
  workbook.title = meta.title;
  workbook.created = meta.created;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.headers.map((_, i) => ({ width: spec.widths[i] ?? 12 }));
    const styles = spec.headers.map((_, i) => styleFor(spec.formats?.[i] ?? ''));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, spec.headers.length) } };
    const header = sheet.addRow(spec.headers);
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.commit();
    for (const values of spec.rows) {
      const row = sheet.addRow(values);
      row.eachCell((cell, column) => {
        cell.style = styles[column - 1] ?? PLAIN;
      });
      row.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
  return done;
}

/**
 * Cells share a few style objects on purpose: exceljs caches a style's id by object identity, and
 * gives every cell a fresh (uncached) style object otherwise — serialising and looking up a style
 * per cell made the styled export about 7 times slower than an unstyled one.
 */
const PLAIN: Partial<ExcelJS.Style> = {};
const formatStyles = new Map<string, Partial<ExcelJS.Style>>();
function styleFor(numFmt: string): Partial<ExcelJS.Style> {
  if (!numFmt) return PLAIN;
  let style = formatStyles.get(numFmt);
  if (!style) formatStyles.set(numFmt, (style = { numFmt }));
  return style;
}

/** The same cells with no styles at all: the benchmark's baseline. */
export async function writeSheetsBare(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const { stream, done } = collect();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.addRow(spec.headers).commit();
    for (const row of spec.rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await workbook.commit();
  return done;
}

function collect(): { stream: PassThrough; done: Promise<Buffer> } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
  return { stream, done };
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31);
}
