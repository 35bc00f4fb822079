import ExcelJS from 'exceljs';

/** Every sheet's name and its cells' text, for checking an exported results workbook. */
export async function workbookText(file: string): Promise<{ sheets: string[]; text: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const parts: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      parts.push(values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))).join('\t'));
    });
  }
  return { sheets: workbook.worksheets.map((s) => s.name), text: parts.join('\n') };
}

export { zipEntryText } from '../../support/zip';
