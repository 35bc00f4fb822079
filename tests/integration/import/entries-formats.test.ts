import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, utf8WithBom, windows1252 } from '../../fixtures-src/import/workbooks';
import { handMadeXlsx, inlineRow, SHEET_CLOSE, SHEET_OPEN } from '../../fixtures-src/import/zip';
import { base64, openImportApp, type ImportApp } from './import-app';

/** The same three practices, without a code column: re-imports must match them by IGED and title. */
const HEADER = ['Región', 'IGED', 'Nombre de la experiencia', 'Año de inicio', 'Responsable'];
const ROWS = [
  ['Áncash', 'DRE Ancash', '“Escuelas que aprenden” – fase 1', '2019', 'Ñusta Quispe'],
  ['San Martín', 'UGEL Lamas', 'Vigilancia colaborativa', '2017', 'José Núñez'],
  ['Loreto', 'Nauta', 'KUKA: entrega de materiales', '2018', ''],
];

describe('formatos de archivo de postulaciones', () => {
  let app: ImportApp;
  beforeAll(async () => {
    app = await openImportApp();
  });
  afterAll(() => app.close());

  async function importFile(bytes: Buffer, fileName: string) {
    const inspection = await app.call('imports.inspect', { editionId: app.editionId, fileName, dataBase64: base64(bytes) });
    const mapping = inspection.sheets[inspection.selectedSheet]?.suggestedMapping ?? {};
    const preview = await app.call('imports.preview', { token: inspection.token, sheet: inspection.selectedSheet, mapping });
    expect(preview.issues).toEqual([]);
    const result = await app.call('imports.commit', { token: inspection.token, sheet: inspection.selectedSheet, mapping });
    return { mapping, preview, result };
  }

  it('CSV en UTF-8 con BOM y comas: crea las postulaciones con códigos de la edición', async () => {
    const { mapping, result } = await importFile(utf8WithBom(csvText([HEADER, ...ROWS])), 'postulaciones.csv');
    expect(mapping).toEqual({ region: 0, iged: 1, title: 2, startYear: 3, contactName: 4 });
    expect(result).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const entries = await app.call('entries.list', { editionId: app.editionId });
    expect(entries.map((e) => `${e.code} ${e.title} · ${e.igedName}`)).toEqual([
      '2024-001 “Escuelas que aprenden” – fase 1 · DRE Áncash',
      '2024-002 Vigilancia colaborativa · UGEL LAMAS',
      '2024-003 KUKA: entrega de materiales · UGEL NAUTA',
    ]);
    expect(entries[0]?.contactName).toBe('Ñusta Quispe');
  });

  it('CSV de Excel en Windows-1252 con punto y coma: sin código, todo coincide y nada cambia', async () => {
    const { preview, result } = await importFile(windows1252(csvText([HEADER, ...ROWS], ';')), 'postulaciones-excel.csv');
    expect(preview.totals).toMatchObject({ rows: 3, new: 0, update: 0, unchanged: 3 });
    expect(result).toEqual({ created: 0, updated: 0, unchanged: 3, leftOut: 0, backupName: null });
  });

  it('CSV en UTF-16 (big-endian con BOM, little-endian sin BOM): se lee, no se rechaza como binario', async () => {
    const text = csvText([HEADER, ...ROWS], '\t');
    const bigEndian = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    for (const bytes of [bigEndian, Buffer.from(text, 'utf16le')]) {
      const { preview } = await importFile(bytes, 'postulaciones-unicode.csv');
      expect(preview.totals).toMatchObject({ rows: 3, unchanged: 3 });
    }
    const entries = await app.call('entries.list', { editionId: app.editionId });
    expect(entries.map((e) => e.title)).toContain('“Escuelas que aprenden” – fase 1');
  });

  it('xlsx con cadenas en línea (XML escrito a mano): mismo resultado', async () => {
    const xml = SHEET_OPEN + [HEADER, ...ROWS].map((values, i) => inlineRow(i + 1, values)).join('') + SHEET_CLOSE;
    const { preview } = await importFile(await handMadeXlsx(xml, 'Postulaciones'), 'en-linea.xlsx');
    expect(preview.totals).toMatchObject({ rows: 3, unchanged: 3 });
    expect(await app.call('entries.list', { editionId: app.editionId })).toHaveLength(3);
  });
});
