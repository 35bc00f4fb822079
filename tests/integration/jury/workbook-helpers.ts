import ExcelJS from 'exceljs';
import type { TestApp } from '../../support/services';

/** Juror-workbook helpers: export, edit like a juror would (in exceljs), and send back. */

export async function exportWorkbook(app: TestApp, stageId: number, jurorId: number): Promise<Buffer> {
  const file = await app.call('juryWorkbooks.export', { stageId, jurorId });
  return Buffer.from(file.dataBase64, 'base64');
}

export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The cell of an entry (by code) under a header that starts with `header`, on the scores sheet. */
export function scoreCell(workbook: ExcelJS.Workbook, code: string, header: string): ExcelJS.Cell {
  const sheet = workbook.getWorksheet('Puntajes');
  if (!sheet) throw new Error('no «Puntajes» sheet');
  let col = 0;
  sheet.getRow(5).eachCell((cell, c) => {
    if (String(cell.value).startsWith(header)) col = c;
  });
  let row = 0;
  sheet.eachRow((r, n) => {
    if (r.getCell(1).value === code) row = n;
  });
  if (!col || !row) throw new Error(`cell ${code}/${header} not found`);
  return sheet.getCell(row, col);
}

export async function fill(data: Buffer, values: [code: string, header: string, value: ExcelJS.CellValue][]): Promise<Buffer> {
  const workbook = await loadWorkbook(data);
  for (const [code, header, value] of values) scoreCell(workbook, code, header).value = value;
  return saveWorkbook(workbook);
}

export function preview(app: TestApp, stageId: number, jurorId: number, data: Buffer, fileName = 'ficha.xlsx') {
  return app.call('juryWorkbooks.preview', { stageId, jurorId, fileName, dataBase64: data.toString('base64') });
}

export function previewError(app: TestApp, stageId: number, jurorId: number, data: Buffer) {
  return app.fail('juryWorkbooks.preview', { stageId, jurorId, fileName: 'ficha.xlsx', dataBase64: data.toString('base64') });
}
