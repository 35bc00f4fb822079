import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../electron/services/import/file/parse-file';
import { isDateFormat } from '../../../electron/services/import/file/xlsx-parts';
import type { ParseLimits } from '../../../electron/services/import/file/parse-types';
import { SheetCollector } from '../../../electron/services/import/file/sheet-collector';
import { columnIndex, readXlsx } from '../../../electron/services/import/file/xlsx-reader';
import { ENTRY_LIMITS } from '../../../electron/services/import/options';
import { handMadeXlsx, inlineRow, SHEET_CLOSE, SHEET_OPEN, zip } from '../../fixtures-src/import/zip';

const LIMITS: ParseLimits = { ...ENTRY_LIMITS, maxRows: 100_000 };

async function readAll(bytes: Buffer) {
  const collector = new SheetCollector(LIMITS, undefined);
  await readXlsx(bytes, collector);
  return collector.result().sheets;
}

describe('lector de xlsx (sin los defectos del lector de exceljs)', () => {
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


const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook written part by part, as producers other than Excel lay them out. */
function partsXlsx(parts: Record<string, string>): Promise<Buffer> {
  return zip(Object.entries(parts).map(([name, data]) => ({ name, data })));
}

describe('lectura de las partes del libro (SpreadsheetML)', () => {
  it('sigue el orden de las pestañas, prefijos de espacio de nombres, estilos de fecha, fecha 1904 y todos los tipos de celda', async () => {
    const bytes = await partsXlsx({
      // The second tab is stored first, under a name that is not sheetN.xml.
      'xl/worksheets/datos.xml': `<x:worksheet ${NS}><x:sheetData>
        <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>
        <x:row><x:c t="str"><x:f>"&lt;"&amp;"b"</x:f><x:v>&lt;b</x:v></x:c><x:c><x:v>7</x:v></x:c></x:row>
      </x:sheetData></x:worksheet>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rIdB" Target="/xl/worksheets/datos.xml"/><Relationship Id="rIdA" Target="worksheets/sheet9.xml"/></Relationships>`,
      'xl/workbook.xml': `<x:workbook ${NS} xmlns:rel="${REL_NS}"><x:workbookPr date1904="1"/><x:sheets>
        <x:sheet name="Portada" sheetId="1" rel:id="rIdA"/><x:sheet name="Datos" sheetId="2" rel:id="rIdB"/></x:sheets></x:workbook>`,
      'xl/styles.xml': `<x:styleSheet ${NS}>
        <x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/><x:numFmt numFmtId="165" formatCode="0.0 \\d\\í\\a\\s"/></x:numFmts>
        <x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs>
        <x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="14"/><x:xf numFmtId="164"/><x:xf numFmtId="165"/></x:cellXfs>
        <x:dxfs count="1"><x:dxf><x:numFmt numFmtId="165" formatCode="yyyy"/></x:dxf></x:dxfs></x:styleSheet>`,
      'xl/sharedStrings.xml': `<x:sst ${NS}><x:si><x:t>Código</x:t></x:si>
        <x:si><x:r><x:t xml:space="preserve">Nombre </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>completo</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ナマエ</x:t></x:rPh></x:si></x:sst>`,
      'xl/worksheets/sheet9.xml': `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="2"><c r="B2" s="1"><v>43904</v></c><c r="C2" s="2"><v>43904.5</v></c><c r="D2" s="3"><v>2.5</v></c><c r="E2" t="b"><v>1</v></c>
          <c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G2" s="1"><f>B2+1</f><v>43905</v></c><c r="H2" t="d"><v>2019-03-15</v></c><c r="I2"><f>A1</f></c>
          <c r="J2" t="inlineStr"><is><t><![CDATA[a < b]]></t></is></c></row>
      </sheetData></worksheet>`,
    });
    const sheets = await readAll(bytes);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Portada', 'Datos']);
    // 1904 system: serial 43904 is 2024-03-15 (2020-03-15 in the 1900 system).
    expect(sheets[0]?.rows).toEqual([
      { row: 2, cells: [null, '2024-03-15', '2024-03-15 12:00', 2.5, true, { error: '#DIV/0!' }, '2024-03-16', '2019-03-15', null, 'a < b'] },
    ]);
    expect(sheets[1]?.rows).toEqual([
      { row: 1, cells: ['Código', 'Nombre completo'] },
      { row: 2, cells: ['<b', 7] },
    ]);
  });

  it('rechaza una celda con datos más allá del tope de columnas sin reservar la fila entera, e ignora las vacías', async () => {
    const far = (reference: string, value: string) =>
      handMadeXlsx(`${SHEET_OPEN}<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="${reference}" t="inlineStr"><is><t>${value}</t></is></c></row>${SHEET_CLOSE}`);
    // A reference far past Excel's last column (XFD) would have the row padded to it, forever.
    const [blankFar] = await readAll(await far('ZZZZZZZZZZ1', ' '));
    expect(blankFar?.rows).toEqual([{ row: 1, cells: ['x'] }]);
    await expect(readAll(await far('XFD1', 'dato'))).rejects.toMatchObject({ key: 'import.error.tooManyColumns' });
  });

  it('un XML mal formado o con entidades declaradas en un DTD da «no se puede leer», sin expandirlas', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`;
    for (const xml of [laughs, `${SHEET_OPEN}<row r="1"><c r="A1"><v>1</v></row>${SHEET_CLOSE}`]) {
      const outcome = await parseFile({ fileName: 'malo.xlsx', bytes: await handMadeXlsx(xml), limits: LIMITS });
      expect(outcome).toEqual({ ok: false, key: 'import.error.unreadable', params: { file: 'malo.xlsx' } });
    }
  });

  it('distingue los formatos de fecha de los numéricos', () => {
    for (const code of ['dd/mm/yyyy', 'd-mmm-yy', '[$-280A]dddd, d "de" mmmm "de" yyyy', 'h:mm AM/PM', '[h]:mm:ss', 'yyyy-mm-dd;@']) expect(isDateFormat(code), code).toBe(true);
    for (const code of ['General', '0.00', '#,##0 "días"', '0.0 \\d\\í\\a\\s', '[Red]0.00', '0.00E+00', '0;[Red]"-"0']) expect(isDateFormat(code), code).toBe(false);
  });

  it('convierte referencias de columna y no desborda con una referencia absurda', () => {
    expect(['A1', 'Z9', 'AA1', 'XFD1048576', 'b3'].map(columnIndex)).toEqual([0, 25, 26, 16_383, 1]);
    expect(columnIndex('1')).toBe(-1);
    expect(columnIndex('ZZZZZZZZZZZZ1')).toBeGreaterThan(16_384);
  });
});
