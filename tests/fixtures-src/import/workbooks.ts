import ExcelJS from 'exceljs';

/** A cell as the fixtures write it: plain values, or a formula with its cached result. */
export type FixtureCell = string | number | Date | null | { formula: string; result: string | number };

export interface SheetSpec {
  name: string;
  /** Rows above the header (titles, notes), as organizers' templates have. */
  preamble?: FixtureCell[][];
  headers: string[];
  rows: FixtureCell[][];
}

/** A real .xlsx written by exceljs (the non-streaming writer is fine for small fixtures). */
export async function xlsxWorkbook(...sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const row of spec.preamble ?? []) sheet.addRow(row);
    sheet.addRow(spec.headers);
    for (const row of spec.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV text as Excel writes it: quotes only where needed, CRLF. */
export function csvText(rows: (string | number | null)[][], delimiter = ','): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}

export function utf8WithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** The few characters where Windows-1252 differs from Latin-1, for an honest "CSV (delimitado por comas)". */
const CP1252_EXTRAS: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

export function windows1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = CP1252_EXTRAS[char] ?? char.charCodeAt(0);
    if (code > 0xff) throw new Error(`cannot encode ${char} in Windows-1252`);
    bytes.push(code);
  }
  return Buffer.from(bytes);
}
