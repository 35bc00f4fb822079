import ExcelJS from 'exceljs';

/** A plain table to export: header labels and rows of cell values. */
export interface ExportTable {
  sheetName: string;
  headers: string[];
  rows: (string | number | null)[][];
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** One styled sheet: bold filled header, first row frozen, autofilter, widths from the content. */
export async function tableToXlsx(table: ExportTable, meta: { creator: string; title: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator;
  workbook.title = meta.title;
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.headers.map((header, index) => ({
    header,
    key: `c${index}`,
    width: columnWidth(header, table.rows.map((row) => row[index])),
  }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  headerRow.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  headerRow.alignment = { vertical: 'middle', wrapText: true };
  for (const row of table.rows) sheet.addRow(row.map((value) => value ?? ''));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.headers.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

function columnWidth(header: string, values: (string | number | null | undefined)[]): number {
  let longest = header.length;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const text = String(value);
    const firstLine = text.split('\n')[0] ?? '';
    longest = Math.max(longest, Math.min(firstLine.length, MAX_WIDTH));
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/**
 * CSV for Excel: UTF-8 with BOM (so accents survive), comma separated, CRLF. A cell that
 * starts with = + - @ TAB or CR is prefixed with an apostrophe so a spreadsheet never
 * runs it as a formula (CSV injection).
 */
export function tableToCsv(table: ExportTable): Buffer {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
