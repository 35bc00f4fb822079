import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/services';
import { csvText, utf8WithBom, xlsxWorkbook, type FixtureCell } from '../../fixtures-src/import/workbooks';
import { backupNames, base64, fingerprint } from './import-app';

/** A padrón-like sheet: one row per school, many per UGEL, columns in ESCALE's odd order and case. */
const HEADERS = ['cod_mod', 'CEN_EDU', 'd_region', 'CODGEO', 'D_DREUGEL', 'codooii'];
const SCHOOLS: FixtureCell[][] = [
  ['0001', 'IE 001', 'DRE SAN MARTIN', '220501', 'UGEL LAMAS', '220005'],
  ['0002', 'IE 002', 'DRE SAN MARTIN', '220501', 'UGEL LAMAS', '220005'],
  ['0003', 'IE 003', 'DRE SAN MARTIN', '220502', 'UGEL Lamas', 220005],
  ['0004', 'IE 004', 'DRE LIMA METROPOLITANA', '150101', 'UGEL 01 SAN JUAN DE MIRAFLORES', '150101'],
  ['0005', 'IE 005', 'DRE LIMA METROPOLITANA', '150102', 'UGEL 01 SAN JUAN DE MIRAFLORES', '150101'],
  // Excel turned the code into a number and dropped its leading zero.
  ['0006', 'IE 006', 'GRE AREQUIPA', '040401', 'UGEL CASTILLA', 40004],
  ['0007', 'IE 007', 'DRE LORETO', '160101', 'UGEL NAUTA', '160008'],
  ['0008', 'IE 008', 'DRE LORETO', '160101', 'UGEL NAUTA - LORETO', '160008'],
  ['0009', 'IE 009', 'DRE ATLANTIDA', '990101', 'UGEL FANTASMA', '999999'],
  ['0010', 'IE 010', 'DRE CALLAO', '070101', 'DRE CALLAO', '070001'],
  ['0011', 'IE 011', 'DRE PUNO', '210101', 'UGEL PUNO', ''],
];
const PREAMBLE: FixtureCell[][] = [['Padrón de Instituciones Educativas — ESCALE']];

function padronXlsx(rows = SCHOOLS): Promise<Buffer> {
  return xlsxWorkbook({ name: 'Padron', preamble: PREAMBLE, headers: HEADERS, rows });
}

describe('importación de UGEL desde el padrón de ESCALE', () => {
  let app: TestApp;
  beforeAll(async () => {
    // With the demo edition: its four placeholder UGELs must be merged, not duplicated.
    app = await openTestApp({ demo: 'ifEmpty' });
  });
  afterAll(() => app.close());

  const inspect = async (bytes: Buffer, fileName = 'padron.xlsx') => app.call('imports.inspectUgels', { fileName, dataBase64: base64(bytes) });

  it('deduplica por CODOOII, vincula cada UGEL a su DRE/GRE y reporta lo que no reconoce', async () => {
    const preview = await inspect(await padronXlsx());
    expect(preview.totalRows).toBe(11);
    expect(preview.ugelCount).toBe(4);
    expect(preview.sample).toEqual([
      { code: '220005', name: 'UGEL LAMAS', dreName: 'DRE San Martín' },
      { code: '150101', name: 'UGEL 01 SAN JUAN DE MIRAFLORES', dreName: 'DRE Lima Metropolitana' },
      { code: '040004', name: 'UGEL CASTILLA', dreName: 'GRE Arequipa' },
      { code: '160008', name: 'UGEL NAUTA', dreName: 'DRE Loreto' },
    ]);
    // All four are in the built-in list (the demo reuses those rows): the padrón takes them over in place.
    expect(preview).toMatchObject({ newCount: 0, updatedCount: 4, unchangedCount: 0, canCommit: true });
    const messages = preview.issues.map((i) => `${i.row} ${i.column}: ${i.message}`);
    expect(messages).toEqual([
      '10 D_DREUGEL: El código 160008 aparece con nombres distintos («UGEL NAUTA» y «UGEL NAUTA - LORETO»); se usa el primero.',
      '11 d_region: DRE/GRE no reconocida: «DRE ATLANTIDA». La UGEL 999999 «UGEL FANTASMA» no se importará.',
      '12 D_DREUGEL: El código 070001 («DRE CALLAO») corresponde a una DRE/GRE, no a una UGEL; se omite.',
      '13 codooii: Una fila no tiene código de UGEL y se omite.',
    ]);
  });

  it('confirma en una transacción, conserva los vínculos de la demostración y no duplica al reimportar', async () => {
    const demoEntriesBefore = await entriesOfDemo();
    const preview = await inspect(await padronXlsx());
    const result = await app.call('imports.commitUgels', { token: preview.token });
    expect(result).toMatchObject({ created: 0, updated: 4, unchanged: 0 });
    expect(result.backupName).toMatch(/antes-de-importar/);

    const ugels = await app.call('reference.igeds', { kind: 'ugel' });
    expect(ugels.filter((u) => !u.builtin).map((u) => `${u.code} ${u.name} → ${u.dreName}`).sort()).toEqual([
      '040004 UGEL CASTILLA → GRE Arequipa',
      '150101 UGEL 01 SAN JUAN DE MIRAFLORES → DRE Lima Metropolitana',
      '160008 UGEL NAUTA → DRE Loreto',
      '220005 UGEL LAMAS → DRE San Martín',
    ]);
    // Each name once: the padrón replaced the shipped rows rather than adding beside them.
    const names = ugels.map((u) => `${u.dreName}|${u.name.toLowerCase()}`);
    expect(new Set(names).size).toBe(names.length);
    expect(ugels.filter((u) => /lamas|castilla$|nauta|surcubamba/i.test(u.name))).toHaveLength(4);
    // The demo entries still point at the same (now real) UGEL rows.
    expect(await entriesOfDemo()).toEqual(demoEntriesBefore);

    const fp = fingerprint(app.dbPath);
    const backups = backupNames(app);
    const again = await inspect(await padronXlsx());
    expect(again).toMatchObject({ newCount: 0, updatedCount: 0, unchangedCount: 4 });
    expect(await app.call('imports.commitUgels', { token: again.token })).toEqual({ created: 0, updated: 0, unchanged: 4, backupName: null });
    expect(fingerprint(app.dbPath)).toBe(fp);
    expect(backupNames(app)).toEqual(backups);

    // The same padrón as a CSV (columns reordered, ; delimiter, code as text) agrees with the xlsx.
    const csvRows = [['D_REGION', 'CODOOII', 'D_DREUGEL'], ...SCHOOLS.map((r) => [String(r[2]), String(r[5]) && String(r[5]).padStart(6, '0'), String(r[4])])];
    const fromCsv = await inspect(utf8WithBom(csvText(csvRows, ';')), 'padron.csv');
    expect(fromCsv).toMatchObject({ ugelCount: 4, unchangedCount: 4 });
  });

  it('rechaza un archivo sin las columnas del padrón', async () => {
    const bytes = await xlsxWorkbook({ name: 'Otra', headers: ['Nombre', 'Dirección'], rows: [['a', 'b']] });
    const error = await app.fail('imports.inspectUgels', { fileName: 'otra.xlsx', dataBase64: base64(bytes) });
    expect(error.message).toBe(
      'No se encontraron en «otra.xlsx» las columnas del padrón (CODOOII, D_DREUGEL, D_REGION): se necesitan el código de la UGEL, su nombre y su DRE/GRE.',
    );
  });

  async function entriesOfDemo(): Promise<string[]> {
    const editions = await app.call('editions.list', {});
    const demo = editions.find((e) => e.isDemo);
    const entries = await app.call('entries.list', { editionId: demo?.id ?? 0 });
    return entries.map((e) => `${e.code} ${e.igedId ?? ''}`).sort();
  }
});
