import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, sampleEdition, type TestApp } from '../support/services';

async function igedId(app: TestApp, name: string): Promise<number> {
  const found = (await app.call('reference.igeds', {})).find((i) => i.name === name);
  if (!found) throw new Error(`IGED ${name} not found`);
  return found.id;
}

describe('entries', () => {
  let app: TestApp;
  let editionId: number;
  let categoryId: number;
  beforeEach(async () => {
    app = await openTestApp();
    editionId = (await app.call('editions.create', sampleEdition)).id;
    categoryId = (await app.call('categories.create', { editionId, fields: { name: 'Supervisión y monitoreo a las IIEE' } })).id;
  });
  afterEach(() => app.close());

  it('creates an entry with a generated code; its region always follows its IGED', async () => {
    const ancash = await igedId(app, 'DRE Áncash');
    const entry = await app.call('entries.create', {
      editionId,
      fields: {
        igedId: ancash,
        region: 'Loreto',
        title: 'Monitoreo Integral de los Aprendizajes (MIA)',
        categoryId,
        startYear: 2016,
        evidenceLinks: ['http://bit.ly/2jRjCKC'],
        contactName: 'Fredy Ebert Miranda Sánchez',
        contactEmail: 'fmiranda@example.pe',
      },
    });
    expect(entry).toMatchObject({ code: '2024-001', region: 'Áncash', igedName: 'DRE Áncash', categoryName: 'Supervisión y monitoreo a las IIEE' });
    const second = await app.call('entries.create', { editionId, fields: { igedId: ancash, title: 'Otra práctica' } });
    expect(second.code).toBe('2024-002');
    const dup = await app.fail('entries.create', { editionId, fields: { code: '2024-001', igedId: ancash, title: 'Copia' } });
    expect(dup.message).toBe('Ya existe una postulación con el código «2024-001» en esta edición.');
  });

  it('resolves a typed region tolerantly when there is no IGED, and refuses an unknown one', async () => {
    const entry = await app.call('entries.create', { editionId, fields: { igedId: null, region: 'san martin', title: 'Sin IGED aún' } });
    expect(entry.region).toBe('San Martín');
    const bad = await app.fail('entries.create', { editionId, fields: { igedId: null, region: 'Atlántida', title: 'X' } });
    expect(bad.message).toMatch(/región «Atlántida» no se reconoce/);
    const ambiguous = await app.fail('entries.create', { editionId, fields: { igedId: null, region: 'Lima', title: 'X' } });
    expect(ambiguous.code).toBe('error.entry.regionUnknown');
  });

  it('validates e-mail, links and year with Spanish messages', async () => {
    const error = await app.fail('entries.create', {
      editionId,
      fields: { igedId: 1, title: 'X', contactEmail: 'no-es-correo', evidenceLinks: ['ftp://x'], startYear: 1800 },
    });
    expect(error.message).toMatch(/correo electrónico válido/);
    expect(error.message).toMatch(/http:\/\/ o https:\/\//);
    expect(error.message).toMatch(/año entre 1990/);
  });

  it('records a status per stage, requires a reason for "no pasa", and lists the latest decided status', async () => {
    const admis = await app.call('stages.create', { editionId, fields: { name: 'Admisibilidad' } });
    const evalu = await app.call('stages.create', { editionId, fields: { name: 'Evaluación' } });
    const entry = await app.call('entries.create', { editionId, fields: { igedId: 1, title: 'Práctica' } });
    expect((await app.fail('entries.setStatus', { entryId: entry.id, stageId: admis.id, status: 'notPassed' })).message).toMatch(/motivo/);
    await app.call('entries.setStatus', { entryId: entry.id, stageId: admis.id, status: 'passed' });
    await app.call('entries.setStatus', { entryId: entry.id, stageId: evalu.id, status: 'notPassed', reason: 'No alcanzó la nota de corte' });
    const [row] = await app.call('entries.list', { editionId });
    expect(row).toMatchObject({ currentStageId: evalu.id, currentStatus: 'notPassed' });
    expect(row?.statuses.map((s) => s.status)).toEqual(['passed', 'notPassed']);
    const other = await app.call('editions.create', { ...sampleEdition, name: 'Otra' });
    const foreignStage = await app.call('stages.create', { editionId: other.id, fields: { name: 'Ajena' } });
    expect((await app.fail('entries.setStatus', { entryId: entry.id, stageId: foreignStage.id, status: 'passed' })).code).toBe('error.entry.stageForeign');
  });

  it('exports the list to a styled .xlsx with frozen header and autofilter, limited to the given ids', async () => {
    const stage = await app.call('stages.create', { editionId, fields: { name: 'Admisibilidad' } });
    const a = await app.call('entries.create', { editionId, fields: { igedId: 1, title: 'Práctica Ñandú', categoryId } });
    await app.call('entries.create', { editionId, fields: { igedId: 2, title: 'No exportada' } });
    await app.call('entries.setStatus', { entryId: a.id, stageId: stage.id, status: 'observed', reason: 'Falta anexo' });

    const file = await app.call('entries.export', { editionId, format: 'xlsx', ids: [a.id] });
    expect(file.fileName).toMatch(/^postulaciones-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Postulaciones');
    expect(sheet).toBeDefined();
    expect(sheet!.rowCount).toBe(2);
    expect(sheet!.getRow(1).getCell(4).value).toBe('Título de la práctica');
    expect(sheet!.getRow(1).font?.bold).toBe(true);
    expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet!.autoFilter).toBeTruthy();
    expect(sheet!.getRow(2).getCell(4).value).toBe('Práctica Ñandú');
    const values = sheet!.getRow(2).values as unknown[];
    expect(values).toContain('Observada');
    expect(values).toContain('Falta anexo');
    expect(sheet!.getColumn(4).width).toBeGreaterThan(10);
  });

  it('keeps the on-screen order of the given ids and ignores ids from other editions', async () => {
    const a = await app.call('entries.create', { editionId, fields: { code: 'A-1', igedId: 1, title: 'Primera' } });
    const b = await app.call('entries.create', { editionId, fields: { code: 'B-2', igedId: 1, title: 'Segunda' } });
    const other = await app.call('editions.create', { ...sampleEdition, name: 'Otra' });
    const foreign = await app.call('entries.create', { editionId: other.id, fields: { igedId: 1, title: 'Ajena' } });
    const file = await app.call('entries.export', { editionId, format: 'csv', ids: [b.id, foreign.id, a.id] });
    const lines = Buffer.from(file.dataBase64, 'base64').toString('utf8').trim().split('\r\n');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['B-2', 'A-1']);
  });

  it('exports CSV as UTF-8 with BOM and neutralises formula-like cells', async () => {
    await app.call('entries.create', { editionId, fields: { igedId: 1, title: '=HYPERLINK("http://malo","clic")', team: '+51 999, "Ana"' } });
    await app.call('entries.create', { editionId, fields: { igedId: 1, title: '@SUMA(A1)', contactName: '-Pérez' } });
    const file = await app.call('entries.export', { editionId, format: 'csv' });
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://malo"",""clic"")"`);
    expect(text).toContain(`"'+51 999, ""Ana"""`);
    expect(text).toContain(`'@SUMA(A1)`);
    expect(text).toContain(`'-Pérez`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('deletes an entry and reports a missing one in Spanish', async () => {
    const entry = await app.call('entries.create', { editionId, fields: { igedId: 1, title: 'Práctica' } });
    await app.call('entries.delete', { id: entry.id });
    expect((await app.fail('entries.get', { id: entry.id })).message).toBe('No se encontró la postulación.');
  });
});

describe('demo edition', () => {
  it('holds the six winning practices of the first Encuentro with IGED, region, eje and presenter', async () => {
    const app = await openTestApp({ demo: 'ifEmpty' });
    const [demo] = await app.call('editions.list', {});
    expect(demo).toMatchObject({ isDemo: true, entryCount: 6, categoryCount: 2 });
    const rows = await app.call('entries.list', { editionId: demo!.id });
    const byIged = Object.fromEntries(rows.map((r) => [r.igedName, r]));
    expect(Object.keys(byIged).sort()).toEqual(
      ['DRE Lima Metropolitana', 'DRE Áncash', 'UGEL Castilla', 'UGEL Lamas', 'UGEL Loreto - Nauta', 'UGEL Surcubamba'].sort(),
    );
    expect(byIged['UGEL Lamas']).toMatchObject({ region: 'San Martín', categoryName: 'Contribución al inicio del año escolar', contactName: 'Michael Antony Tello Zamora' });
    expect(byIged['DRE Áncash']).toMatchObject({ region: 'Áncash', categoryName: 'Liderazgo y monitoreo para la mejora de los aprendizajes' });
    expect(byIged['UGEL Surcubamba']?.region).toBe('Huancavelica');
    // A second start (after the first closed: one program at a time) does not duplicate it.
    app.services.close();
    const again = await openTestApp({ dbPath: app.dbPath, demo: 'ifEmpty' });
    expect(await again.call('editions.list', {})).toHaveLength(1);
    again.services.close();
    app.close();
  });
});
