import ExcelJS from 'exceljs';

export type Cell = string | number | null;

/** Writes a one-sheet .xlsx the way organizers receive them: a title row, then headers, then data. */
export async function writeWorkbook(file: string, sheetName: string, headers: string[], rows: Cell[][], title?: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  if (title) sheet.addRow([title]);
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

/** Reads the first sheet back as rows of displayed text (header row included). */
export async function readWorkbook(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push(values.map((value) => (value === null || value === undefined ? '' : String(value))));
  });
  return rows;
}
