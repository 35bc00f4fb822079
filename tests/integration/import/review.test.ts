import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldKey } from '../../../shared/domain/text';
import { t } from '../../../shared/i18n';
import { xlsxWorkbook, type FixtureCell } from '../../fixtures-src/import/workbooks';
import { backupNames, base64, fingerprint, openImportApp, SMALL_PADRON, type ImportApp } from './import-app';

/** Inspects a one-sheet workbook and returns what preview and commit need. */
async function load(app: ImportApp, headers: string[], rows: FixtureCell[][], fileName = 'postulaciones.xlsx') {
  const bytes = await xlsxWorkbook({ name: 'Postulaciones', headers, rows });
  const inspection = await app.call('imports.inspect', { editionId: app.editionId, fileName, dataBase64: base64(bytes) });
  return { token: inspection.token, sheet: 0, mapping: inspection.sheets[0]?.suggestedMapping ?? {}, inspection };
}

async function igedId(app: ImportApp, name: string): Promise<number> {
  const found = (await app.call('reference.igeds', {})).find((iged) => foldKey(iged.name) === foldKey(name));
  if (!found) throw new Error(`IGED ${name} not found`);
  return found.id;
}

async function readXlsx(dataBase64: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(dataBase64, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value)))));
  return rows;
}

describe('reimportar sin borrar: solo cambia lo que el archivo trae, y se ve antes de escribir', () => {
  let app: ImportApp;
  beforeAll(async () => {
    app = await openImportApp();
  });
  afterAll(() => app.close());

  it('las columnas sin asignar no tocan lo guardado, y cada cambio se muestra de → a', async () => {
    const lamas = await igedId(app, 'UGEL Lamas');
    const created = await app.call('entries.create', {
      editionId: app.editionId,
      fields: {
        code: 'BP-101',
        igedId: lamas,
        title: 'Vigilancia colaborativa en la distribución de materiales',
        summary: 'Un resumen escrito a mano en la app.',
        evidenceLinks: ['https://ejemplo.pe/evidencia-1', 'https://ejemplo.pe/evidencia-2'],
        contactName: 'Michael Tello Rengifo',
      },
    });
    // The file has no «Resumen» nor «Enlaces a evidencias» column, and a shorter contact name.
    const file = await load(app, ['Código', 'IGED', 'Título', 'Responsable'], [['BP-101', 'UGEL Lamas', 'Vigilancia colaborativa en la distribución de materiales', 'Michael Tello']]);
    expect(file.mapping.summary).toBeUndefined();
    expect(file.mapping.evidence).toBeUndefined();

    const fp = fingerprint(app.dbPath);
    const preview = await app.call('imports.preview', file);
    expect(fingerprint(app.dbPath)).toBe(fp);
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]).toMatchObject({ action: 'update', changes: [{ field: 'contactName', from: 'Michael Tello Rengifo', to: 'Michael Tello' }] });
    expect(preview.totals).toMatchObject({ update: 1, problemRows: 0 });

    await app.call('imports.commit', file);
    const after = await app.call('entries.get', { id: created.id });
    expect(after.summary).toBe('Un resumen escrito a mano en la app.');
    expect(after.evidenceLinks).toEqual(['https://ejemplo.pe/evidencia-1', 'https://ejemplo.pe/evidencia-2']);
    expect(after.contactName).toBe('Michael Tello');

    // The same file again: nothing changes, and the review says so instead of «se importarán 1 filas».
    const again = await load(app, ['Código', 'IGED', 'Título', 'Responsable'], [['BP-101', 'UGEL Lamas', 'Vigilancia colaborativa en la distribución de materiales', 'Michael Tello']]);
    const second = await app.call('imports.preview', again);
    expect(second.totals).toMatchObject({ unchanged: 1, update: 0, new: 0 });
    expect(second.canCommit).toBe(false);
  });

  it('una columna asignada sí cambia el campo, y la revisión dice de qué a qué', async () => {
    const file = await load(app, ['Código', 'IGED', 'Título', 'Resumen'], [['BP-101', 'UGEL Lamas', 'Vigilancia colaborativa en la distribución de materiales', 'Resumen nuevo']]);
    const preview = await app.call('imports.preview', file);
    expect(preview.rows[0]?.changes).toEqual([{ field: 'summary', from: 'Un resumen escrito a mano en la app.', to: 'Resumen nuevo' }]);
  });

  it('las filas que el usuario deja fuera no se escriben', async () => {
    const file = await load(
      app,
      ['Código', 'IGED', 'Título'],
      [
        ['BP-201', 'UGEL Lamas', 'Práctica que sí entra'],
        ['BP-202', 'UGEL Lamas', 'Práctica que el usuario excluye'],
      ],
    );
    const preview = await app.call('imports.preview', { ...file, choices: { exclude: [3] } });
    expect(preview.rows.map((row) => row.action)).toEqual(['new', 'excluded']);
    expect(preview.totals).toMatchObject({ rows: 2, new: 1, excluded: 1, problemRows: 0 });
    expect(preview.canCommit).toBe(true);
    const result = await app.call('imports.commit', { ...file, choices: { exclude: [3] } });
    expect(result).toMatchObject({ created: 1, leftOut: 1 });
    const codes = (await app.call('entries.list', { editionId: app.editionId })).map((entry) => entry.code);
    expect(codes).toContain('BP-201');
    expect(codes).not.toContain('BP-202');
  });
});

describe('una fila mala no bloquea el archivo', () => {
  let app: ImportApp;
  beforeAll(async () => {
    app = await openImportApp();
  });
  afterAll(() => app.close());

  const HEADERS = ['Código', 'IGED', 'Título', 'Categoría', 'Año de inicio'];
  const ROWS: FixtureCell[][] = [
    ['V-01', 'UGEL Lamas', 'Práctica válida uno', 'Contribución al buen inicio del año escolar', 2018],
    ['V-02', 'UGEL Desconocida', 'Práctica con IGED desconocida', '', 2019],
    ['V-03', 'UGEL Castilla', 'Práctica válida dos', '', 2020],
    ['V-04', 'UGEL Castilla', 'Práctica con año malo', '', 'dos mil'],
    ['V-05', 'UGEL Nauta', 'Práctica con categoría nueva', 'Eje inventado', 2021],
    ['V-06', 'UGEL Nauta', 'Práctica válida tres', '', 2022],
  ];

  it('ofrece importar las filas válidas, entrega las demás en un libro para corregir, y nada se escribe sin pedirlo', async () => {
    const file = await load(app, HEADERS, ROWS, 'postulaciones-junio.xlsx');
    const preview = await app.call('imports.preview', file);
    expect(preview.totals).toMatchObject({ rows: 6, valid: 3, new: 3, problemRows: 3, errors: 1, warnings: 2 });
    expect(preview.canCommit).toBe(false);
    expect(preview.canCommitValid).toBe(true);
    expect(preview.rows.map((row) => row.action)).toEqual(['new', 'unresolved', 'new', 'invalid', 'unresolved', 'new']);

    // Without asking for the valid rows only, nothing is written.
    const fp = fingerprint(app.dbPath);
    const backups = backupNames(app);
    const refused = await app.fail('imports.commit', file);
    expect(refused.message).toBe(
      '3 filas tienen problemas: resuélvalos en la revisión, deje esas filas fuera o use «Importar las filas válidas». No se guardó nada.',
    );
    expect(fingerprint(app.dbPath)).toBe(fp);
    expect(backupNames(app)).toEqual(backups);

    const leftOut = await app.call('imports.leftOut', file);
    expect(leftOut.fileName).toBe('postulaciones-junio-filas-no-importadas.xlsx');
    const sheet = await readXlsx(leftOut.dataBase64);
    expect(sheet[0]).toEqual([...HEADERS, 'Problema al importar']);
    expect(sheet.slice(1).map((row) => row.slice(0, 5))).toEqual([
      ['V-02', 'UGEL Desconocida', 'Práctica con IGED desconocida', '', '2019'],
      ['V-04', 'UGEL Castilla', 'Práctica con año malo', '', 'dos mil'],
      ['V-05', 'UGEL Nauta', 'Práctica con categoría nueva', 'Eje inventado', '2021'],
    ]);
    expect(sheet[1]?.[5]).toMatch(/^IGED no reconocida: «UGEL Desconocida»\. .*«IGED \/ Referencias»/);
    expect(sheet[2]?.[5]).toBe('Año de inicio no válido: «dos mil». Escriba un año de cuatro cifras.');
    expect(sheet[3]?.[5]).toMatch(/^Categoría no reconocida: «Eje inventado»/);

    const result = await app.call('imports.commit', { ...file, validOnly: true });
    expect(result).toMatchObject({ created: 3, updated: 0, leftOut: 3 });
    const codes = (await app.call('entries.list', { editionId: app.editionId })).map((entry) => entry.code).sort();
    expect(codes).toEqual(['V-01', 'V-03', 'V-06']);

    // The left-out workbook, corrected, imports again; its reasons column is never mapped to a field.
    const corrected = await readXlsx(leftOut.dataBase64);
    const again = await app.call('imports.inspect', { editionId: app.editionId, fileName: leftOut.fileName, dataBase64: leftOut.dataBase64 });
    const mapping = again.sheets[0]?.suggestedMapping ?? {};
    expect(Object.values(mapping)).not.toContain(5);
    expect(mapping.problem).toBeUndefined();
    expect(corrected).toHaveLength(4);
  });

  it('una IGED o categoría desconocida se resuelve en la revisión: elegir de la lista, o crear la categoría', async () => {
    const file = await load(app, HEADERS, ROWS.filter((row) => row[0] === 'V-02' || row[0] === 'V-05'));
    const canchis = await igedId(app, 'UGEL Canchis');
    const first = await app.call('imports.preview', file);
    expect(first.rows.map((row) => row.needs.map((need) => `${need.kind}:${need.value}`))).toEqual([['iged:UGEL Desconocida'], ['category:Eje inventado']]);

    // The category is created from the review; the IGED is picked from the list.
    const category = await app.call('categories.create', { editionId: app.editionId, fields: { name: 'Eje inventado', description: '' } });
    const choices = { igeds: { [foldKey('UGEL Desconocida')]: canchis } };
    const resolved = await app.call('imports.preview', { ...file, choices });
    expect(resolved.rows.map((row) => [row.action, row.igedName, row.categoryName])).toEqual([
      ['new', 'UGEL Canchis', ''],
      ['new', 'UGEL NAUTA', 'Eje inventado'],
    ]);
    expect(resolved.canCommit).toBe(true);
    await app.call('imports.commit', { ...file, choices });
    const entries = await app.call('entries.list', { editionId: app.editionId });
    expect(entries.find((entry) => entry.code === 'V-02')?.igedName).toBe('UGEL Canchis');
    expect(entries.find((entry) => entry.code === 'V-05')?.categoryId).toBe(category.id);
  });
});

describe('región no reconocida', () => {
  let app: ImportApp;
  beforeAll(async () => {
    app = await openImportApp();
  });
  afterAll(() => app.close());

  it('con la IGED reconocida es una advertencia y la fila toma la región de su IGED; otra región conocida sigue siendo un error', async () => {
    const file = await load(
      app,
      ['Región', 'IGED', 'Título'],
      [
        ['Lorto', 'UGEL Nauta', 'Práctica con región mal escrita'],
        ['Cusco', 'UGEL Nauta', 'Práctica con otra región'],
      ],
    );
    const preview = await app.call('imports.preview', file);
    expect(preview.issues.map((issue) => [issue.row, issue.severity, issue.message])).toEqual([
      [2, 'warning', 'Región no reconocida: «Lorto». Se usa la de UGEL NAUTA: Loreto.'],
      [3, 'error', 'La región «Cusco» no corresponde a UGEL NAUTA, que pertenece a Loreto.'],
    ]);
    expect(preview.rows.map((row) => [row.action, row.region])).toEqual([
      ['new', 'Loreto'],
      ['invalid', 'Loreto'],
    ]);
  });
});

describe('lista de UGEL incluida con la aplicación', () => {
  let app: ImportApp;
  beforeAll(async () => {
    app = await openImportApp({ ugels: false });
  });
  afterAll(() => app.close());

  it('trae las 224 UGEL de la lista, marcadas como incluidas, bajo su DRE/GRE', async () => {
    const ugels = await app.call('reference.igeds', { kind: 'ugel' });
    expect(ugels).toHaveLength(224);
    expect(ugels.every((ugel) => ugel.builtin && ugel.dreId !== null)).toBe(true);
    expect(ugels.find((ugel) => ugel.code === '080006')).toMatchObject({ name: 'UGEL Canchis', dreName: 'GRE Cusco', region: 'Cusco' });
    const dres = await app.call('reference.igeds', { kind: 'dre' });
    expect(dres.every((dre) => !dre.builtin)).toBe(true);
  });

  it('postulaciones de UGEL comunes se importan sin cargar un padrón, con tolerancia a tildes, mayúsculas y «Provincia - Sede»', async () => {
    const file = await load(
      app,
      ['IGED', 'Título'],
      [
        ['UGEL Canchis', 'Práctica de Canchis'],
        ['ugel tambopata', 'Práctica de Tambopata'],
        ['UGEL SULLANA', 'Práctica de Sullana'],
        ['UGEL Nauta', 'Práctica de Nauta'],
        ['UGEL Huaytara', 'Práctica de Huaytará'],
      ],
    );
    const preview = await app.call('imports.preview', file);
    expect(preview.issues).toEqual([]);
    expect(preview.rows.map((row) => `${row.igedName} (${row.region})`)).toEqual([
      'UGEL Canchis (Cusco)',
      'UGEL Tambopata (Madre de Dios)',
      'UGEL Sullana (Piura)',
      'UGEL Loreto - Nauta (Loreto)',
      'UGEL Huaytará (Huancavelica)',
    ]);
  });

  it('un padrón importado manda sobre la lista: reemplaza sus filas sin duplicarlas y conserva los vínculos', async () => {
    const lamas = await igedId(app, 'UGEL Lamas');
    const entry = await app.call('entries.create', { editionId: app.editionId, fields: { igedId: lamas, title: 'Práctica de Lamas' } });
    const csv = SMALL_PADRON.map((row) => row.join(',')).join('\r\n');
    const preview = await app.call('imports.inspectUgels', { fileName: 'padron.csv', dataBase64: Buffer.from(csv, 'utf8').toString('base64') });
    await app.call('imports.commitUgels', { token: preview.token });

    const ugels = await app.call('reference.igeds', { kind: 'ugel' });
    const named = (pattern: RegExp) => ugels.filter((ugel) => pattern.test(ugel.name));
    expect(named(/lamas/i)).toEqual([expect.objectContaining({ id: lamas, code: '220005', name: 'UGEL LAMAS', builtin: false })]);
    expect(named(/nauta/i)).toEqual([expect.objectContaining({ code: '160008', name: 'UGEL NAUTA', builtin: false })]);
    expect((await app.call('entries.get', { id: entry.id })).igedName).toBe('UGEL LAMAS');
    // Still 224 UGELs: the padrón's four replaced shipped rows.
    expect(ugels).toHaveLength(224);
  });
});

describe('casi duplicados', () => {
  let app: ImportApp;
  beforeAll(async () => {
    app = await openImportApp();
  });
  afterAll(() => app.close());

  it('una postulación con la misma IGED y un título muy parecido al de otra edición se advierte, con ambos títulos', async () => {
    const earlier = await app.call('editions.create', { ...sampleEditionOf(2018), name: 'Concurso 2018' });
    const lamas = await igedId(app, 'UGEL Lamas');
    await app.call('entries.create', { editionId: earlier.id, fields: { code: '2018-007', igedId: lamas, title: 'Vigilancia colaborativa en la distribución de materiales' } });

    const file = await load(
      app,
      ['IGED', 'Título'],
      [
        ['UGEL Lamas', 'Vigilancia colaborativa en la distribucion de materiales educativos'],
        ['UGEL Lamas', 'Calendarización comunal'],
      ],
    );
    const preview = await app.call('imports.preview', file);
    expect(preview.rows[0]?.similar).toEqual([{ code: '2018-007', title: 'Vigilancia colaborativa en la distribución de materiales', edition: 'Concurso 2018' }]);
    expect(preview.rows[1]?.similar).toEqual([]);
    expect(preview.issues).toEqual([
      {
        row: 2,
        column: 'Título',
        severity: 'warning',
        message:
          'Posible duplicado: la postulación 2018-007 (Concurso 2018), de la misma IGED, tiene un título muy parecido. En el archivo: «Vigilancia colaborativa en la distribucion de materiales educativos». Registrada: «Vigilancia colaborativa en la distribución de materiales».',
      },
    ]);
    // A warning, not a problem: the row still imports.
    expect(preview.canCommit).toBe(true);
  });

  it('el formulario también lo advierte: la misma IGED con un título muy parecido, en cualquier edición', async () => {
    const lamas = await igedId(app, 'UGEL Lamas');
    const castilla = await igedId(app, 'UGEL Castilla');
    const typed = 'Vigilancia colaborativa en la distribución de los materiales';
    expect(await app.call('entries.similar', { igedId: lamas, title: typed })).toEqual([
      { code: '2018-007', title: 'Vigilancia colaborativa en la distribución de materiales', edition: 'Concurso 2018' },
    ]);
    expect(await app.call('entries.similar', { igedId: castilla, title: typed })).toEqual([]);
    expect(await app.call('entries.similar', { igedId: lamas, title: 'Escuelas seguras ante el friaje' })).toEqual([]);
    // The entry being edited is not its own duplicate.
    const created = await app.call('entries.create', { editionId: app.editionId, fields: { igedId: castilla, title: 'Tutoría entre pares en Castilla' } });
    expect(await app.call('entries.similar', { igedId: castilla, title: 'Tutoría entre pares en Castilla', exceptId: created.id })).toEqual([]);
    expect(await app.call('entries.similar', { igedId: castilla, title: 'Tutoria entre pares de Castilla' })).toHaveLength(1);
  });
});

describe('conteos y plurales', () => {
  it('el catálogo elige singular o plural según la cantidad', () => {
    expect(t('import.error.hasErrors', { count: 1 })).toMatch(/^Una fila tiene problemas:/);
    expect(t('import.error.hasErrors', { count: 2 })).toMatch(/^2 filas tienen problemas:/);
    expect(t('import.ugel.missingCode', { count: 1 })).toBe('Una fila no tiene código de UGEL y se omite.');
    expect(t('import.ugel.missingCode', { count: 1200 })).toBe('1200 filas no tienen código de UGEL y se omiten (la primera es esta).');
    expect(t('importReview.nothing', { count: 11 })).toBe('Nada que importar: las 11 filas ya están registradas tal como vienen en el archivo.');
    expect(t('importReview.ready', { count: 1, new: 1, update: 0 })).toBe('Todo listo: se importará 1 fila (1 nueva, 0 con cambios).');
    // The same rules outside the import.
    expect(t('juryUi.charts.abstentions', { count: 1 })).toBe('1 abstención o inhibición');
    expect(t('juryUi.charts.abstentions', { count: 3 })).toBe('3 abstenciones o inhibiciones');
    expect(t('juryUi.workbooks.applied', { applied: 1, skipped: 0, unchanged: 2 })).toBe('Ficha aplicada: 1 valor guardado, 0 conflictos conservados, 2 sin cambios.');
  });
});

function sampleEditionOf(year: number) {
  return { year, name: `Concurso ${year}`, lema: '', legalReference: '', startDate: `${year}-04-01`, endDate: `${year}-11-30` };
}
