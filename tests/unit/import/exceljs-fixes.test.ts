import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pieces, rewriteInlineStrings, worksheetOrder } from '../../../electron/services/import/file/exceljs-fixes';
import type { ParseLimits } from '../../../electron/services/import/file/parse-types';
import { SheetCollector } from '../../../electron/services/import/file/sheet-collector';
import { readXlsx } from '../../../electron/services/import/file/xlsx-reader';
import { ENTRY_LIMITS } from '../../../electron/services/import/options';
import { handMadeXlsx, inlineRow, SHEET_CLOSE, SHEET_OPEN } from '../../fixtures-src/import/zip';

const LIMITS: ParseLimits = { ...ENTRY_LIMITS, maxRows: 100_000 };

async function readAll(bytes: Buffer) {
  const collector = new SheetCollector(LIMITS, undefined);
  await readXlsx(bytes, collector);
  return collector.result().sheets;
}

describe('lector de xlsx (exceljs en streaming, con sus defectos corregidos)', () => {
  it('no corrompe letras acentuadas que caen entre dos bloques descomprimidos', async () => {
    // exceljs alone turns about one such letter per 16 KB of XML into two U+FFFD.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-utf8-')), 'acentos.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = writer.addWorksheet('Hoja');
    const text = (i: number) => `Áncash ñandú ${i} — acción educación`;
    for (let i = 0; i < 5000; i++) sheet.addRow([text(i), `San Martín ${i}`]).commit();
    await sheet.commit();
    await writer.commit();
    const [parsed] = await readAll(fs.readFileSync(file));
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    expect(parsed?.rows).toHaveLength(5000);
    expect(parsed?.rows.every((row, i) => row.cells[0] === text(i) && row.cells[1] === `San Martín ${i}`)).toBe(true);
  });

  it('lee cadenas en línea (t="inlineStr"), simples y con formato enriquecido', async () => {
    const rich = `<row r="2"><c r="A2" t="inlineStr"><is><r><t>Gestión </t></r><r><rPr><b/></rPr><t xml:space="preserve">que </t></r><r><t>Transforma</t></r></is></c><c r="B2"><v>2024</v></c></row>`;
    const bytes = await handMadeXlsx(SHEET_OPEN + inlineRow(1, ['Título', 'Año de inicio']) + rich + inlineRow(3, ['A &amp; B <ok>', '']) + SHEET_CLOSE, 'Datos');
    const [parsed] = await readAll(bytes);
    expect(parsed?.name).toBe('Datos');
    expect(parsed?.rows.map((r) => r.cells)).toEqual([['Título', 'Año de inicio'], ['Gestión que Transforma', 2024], ['A &amp; B <ok>']]);
  });

  it('reescribe las cadenas en línea para que exceljs las decodifique bien', () => {
    expect(rewriteInlineStrings('<c t="inlineStr"><is><r><t>a</t></r><rPh sb="0" eb="1"><t>x</t></rPh><r><t>b</t></r></is></c>')).toBe(
      '<c t="inlineStr"><is><t xml:space="preserve">ab</t></is></c>',
    );
    expect(rewriteInlineStrings('<is><t>plain</t></is>')).toBe('<is><t>plain</t></is>');
    expect(rewriteInlineStrings('<is><t>&amp;lt; &#233;</t></is>')).toBe('<is><t xml:space="preserve">&amp;amp;lt; é</t></is>');
  });

  it('da el valor de las fórmulas, fechas como AAAA-MM-DD y marca los errores de Excel', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('F');
    sheet.addRow(['Total', 'Fecha', 'Error', 'Enlace', 'Rico']);
    sheet.addRow([
      { formula: 'SUM(1,2)', result: 3 },
      new Date(Date.UTC(2019, 2, 15)),
      { error: '#N/A' },
      { text: 'ver video', hyperlink: 'https://youtu.be/x' },
      { richText: [{ text: 'Hola ' }, { text: 'mundo', font: { bold: true } }] },
    ]);
    sheet.getCell('B2').numFmt = 'dd/mm/yyyy';
    const [parsed] = await readAll(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(parsed?.rows[1]?.cells).toEqual([3, '2019-03-15', { error: '#N/A' }, 'ver video', 'Hola mundo']);
  });
});

describe('lectura desde las partes ya descomprimidas', () => {
  it('emite las hojas en el orden de exceljs (las anteriores a las cadenas compartidas, al final)', () => {
    const names = ['xl/worksheets/sheet2.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml'];
    expect(worksheetOrder(names, true)).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet2.xml']);
    // Without cached shared strings exceljs spools every sheet, and reads them in archive order.
    expect(worksheetOrder(names, false)).toEqual(['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml']);
  });

  it('corta el XML en trozos sin partir un par sustituto', () => {
    const text = 'a'.repeat(64 * 1024 - 1) + '😀' + 'fin';
    const parts = [...pieces(text)];
    expect(parts.join('')).toBe(text);
    expect(parts.every((part) => !/[\uD800-\uDBFF]$/.test(part) && !/^[\uDC00-\uDFFF]/.test(part))).toBe(true);
  });
});
