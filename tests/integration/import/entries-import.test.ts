import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnMapping, ImportInspection } from '../../../shared/domain/import-types';
import { xlsxWorkbook, type FixtureCell } from '../../fixtures-src/import/workbooks';
import { backupNames, base64, fingerprint, openImportApp, type ImportApp } from './import-app';

// Headers as organizers type them: odd case, accents missing or extra, stray spaces.
const HEADERS = ['  N° de Postulación ', 'REGION', 'dre / ugel', 'Título de la Práctica', 'EJE TEMÁTICO', 'Año de inicio', 'Resumen', 'Evidencias', 'Nombre del responsable', 'CORREO ELECTRONICO', 'Teléfono'];
const PREAMBLE: FixtureCell[][] = [['IX CONCURSO DE BUENAS PRÁCTICAS DE GESTIÓN EDUCATIVA 2024'], []];
/** Data starts on Excel row 4: two preamble rows, then the header on row 3. */
const FIRST_ROW = 4;

const GOOD_ROWS: FixtureCell[][] = [
  ['BP-001', 'San Martin', 'UGEL Lamas', 'Vigilancia colaborativa en la distribución de materiales', 'contribucion al buen inicio del ano escolar', 2017, 'Resumen 1', 'http://bit.ly/2ltWu5q\nhttps://youtu.be/xyz', 'Michael Tello', 'mtello@ugellamas.gob.pe', 987654321],
  ['BP-002', 'Ancash', 'DRE Áncash', 'Monitoreo con tableros regionales', 'MEJORA DE LA ATENCION Y ORIENTACION AL CIUDADANO', '2019', 'Resumen 2', '', 'Ana Pérez', '', ''],
  ['BP-003', '', 'Lamas', 'Calendarización diferenciada', '', null, '', 'https://a.pe/1; https://a.pe/2', '', '', ''],
  // Formula cells: the cached results are what must be imported.
  ['BP-004', 'Arequipa', 'UGEL Castilla', { formula: 'CONCATENATE("Atendiendo ","la diversidad")', result: 'Atendiendo la diversidad' }, '', { formula: '2010+8', result: 2018 }, '', '', '', '', ''],
  [null, null, null, null, null, null, null, null, null, null, null],
  ['BP-005', 'Lima', 'UGEL 01 San Juan de Miraflores', 'SIMON en el inicio del año escolar', '', 2018, '', '', '', '', ''],
];

function goodFile(rows = GOOD_ROWS): Promise<Buffer> {
  return xlsxWorkbook({ name: 'Postulaciones', preamble: PREAMBLE, headers: HEADERS, rows });
}

describe('importación de postulaciones desde Excel', () => {
  let app: ImportApp;
  beforeAll(async () => {
    app = await openImportApp();
  });
  afterAll(() => app.close());

  async function inspect(bytes: Buffer, fileName = 'postulaciones.xlsx'): Promise<ImportInspection> {
    return app.call('imports.inspect', { editionId: app.editionId, fileName, dataBase64: base64(bytes) });
  }

  it('detecta la fila de encabezados y propone la asignación de columnas', async () => {
    const inspection = await inspect(await goodFile());
    const sheet = inspection.sheets[inspection.selectedSheet];
    expect(sheet?.name).toBe('Postulaciones');
    expect(sheet?.headerRow).toBe(3);
    expect(sheet?.rowCount).toBe(5);
    expect(sheet?.suggestedMapping).toEqual({
      code: 0,
      region: 1,
      iged: 2,
      title: 3,
      category: 4,
      startYear: 5,
      summary: 6,
      evidence: 7,
      contactName: 8,
      contactEmail: 9,
      contactPhone: 10,
    });
    expect(sheet?.sample[3]?.[3]).toBe('Atendiendo la diversidad');
  });

  it('importa un archivo correcto en una transacción y no duplica al reimportarlo', async () => {
    const bytes = await goodFile();
    const inspection = await inspect(bytes);
    const mapping = inspection.sheets[0]?.suggestedMapping ?? {};
    const preview = await app.call('imports.preview', { token: inspection.token, sheet: 0, mapping });
    expect(preview.issues).toEqual([]);
    expect(preview.totals).toMatchObject({ rows: 5, valid: 5, errors: 0, new: 5, update: 0, unchanged: 0 });
    expect(preview.canCommit).toBe(true);
    expect(preview.rows.map((r) => r.row)).toEqual([FIRST_ROW, FIRST_ROW + 1, FIRST_ROW + 2, FIRST_ROW + 3, FIRST_ROW + 5]);

    const before = backupNames(app).length;
    const result = await app.call('imports.commit', { token: inspection.token, sheet: 0, mapping });
    expect(result).toMatchObject({ created: 5, updated: 0, unchanged: 0 });
    expect(result.backupName).toMatch(/antes-de-importar/);
    expect(backupNames(app).length).toBe(before + 1);

    const entries = await app.call('entries.list', { editionId: app.editionId });
    expect(entries).toHaveLength(5);
    const lamas = await app.call('entries.get', { id: entries.find((e) => e.code === 'BP-001')?.id ?? 0 });
    expect(lamas).toMatchObject({ igedName: 'UGEL LAMAS', region: 'San Martín', startYear: 2017, contactPhone: '987654321', source: 'import' });
    expect(lamas.categoryName).toBe('Contribución al buen inicio del año escolar');
    expect(lamas.evidenceLinks).toEqual(['http://bit.ly/2ltWu5q', 'https://youtu.be/xyz']);
    const formula = entries.find((e) => e.code === 'BP-004');
    expect(formula).toMatchObject({ title: 'Atendiendo la diversidad', startYear: 2018, region: 'Arequipa' });
    expect(entries.find((e) => e.code === 'BP-005')?.region).toBe('Lima Metropolitana');

    // The same file again: every row unchanged, nothing written, no backup.
    const fp = fingerprint(app.dbPath);
    const again = await inspect(bytes);
    const second = await app.call('imports.preview', { token: again.token, sheet: 0, mapping });
    expect(second.totals).toMatchObject({ new: 0, update: 0, unchanged: 5, errors: 0 });
    expect(second.rows.every((r) => r.action === 'unchanged')).toBe(true);
    const backups = backupNames(app).length;
    expect(await app.call('imports.commit', { token: again.token, sheet: 0, mapping })).toEqual({ created: 0, updated: 0, unchanged: 5, leftOut: 0, backupName: null });
    expect(fingerprint(app.dbPath)).toBe(fp);
    expect(backupNames(app).length).toBe(backups);

    // One edited cell: one update, the rest unchanged.
    const edited = GOOD_ROWS.map((row) => [...row]);
    (edited[1] as FixtureCell[])[6] = 'Resumen corregido';
    const third = await inspect(await goodFile(edited));
    const commit = await app.call('imports.commit', { token: third.token, sheet: 0, mapping });
    expect(commit).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    expect(await app.call('entries.list', { editionId: app.editionId })).toHaveLength(5);
  });

  it('informa fila, columna y problema en español, y no guarda nada mientras haya errores', async () => {
    const rows: FixtureCell[][] = [
      ['E-01', 'San Martín', 'UGEL Inexistente', 'Práctica A', '', 2020, '', '', '', '', ''],
      ['E-02', '', 'Huancavelica', 'Práctica B', '', 2020, '', '', '', '', ''],
      ['E-03', 'Loreto', 'UGEL Lamas', 'Práctica C', '', 2020, '', '', '', '', ''],
      ['E-04', '', 'UGEL Nauta', 'Práctica D', 'Eje inventado', 2020, '', '', '', '', ''],
      ['E-05', '', 'UGEL Nauta', 'Práctica E', '', 'dos mil', '', '', '', '', ''],
      ['E-06', '', 'UGEL Nauta', 'Práctica F', '', 1980, '', 'www.sin-protocolo.pe', '', 'no-es-correo', ''],
      ['E-06', '', 'UGEL Nauta', 'Práctica G', '', 2020, '', '', '', '', ''],
      ['E-08', '', 'UGEL Nauta', '', '', 2020, '', '', '', '', ''],
      ['E-09', 'Región Inventada', '', 'Práctica I', '', 2020, '', '', '', '', ''],
    ];
    const inspection = await inspect(await goodFile(rows));
    const mapping = inspection.sheets[0]?.suggestedMapping ?? {};
    const preview = await app.call('imports.preview', { token: inspection.token, sheet: 0, mapping });
    const at = (offset: number) => preview.issues.filter((i) => i.row === FIRST_ROW + offset).map((i) => `${i.column}: ${i.message}`);

    expect(at(0)).toEqual([
      'dre / ugel: IGED no reconocida: «UGEL Inexistente». Elíjala de la lista o deje la fila fuera. Las DRE/GRE y UGEL que la aplicación conoce se administran en «IGED / Referencias».',
    ]);
    expect(at(1)).toHaveLength(1);
    expect(at(1)[0]).toMatch(/^dre \/ ugel: La IGED «Huancavelica» coincide con varias: .*DRE Huancavelica.*UGEL HUANCAVELICA/);
    expect(at(2)).toEqual(['REGION: La región «Loreto» no corresponde a UGEL LAMAS, que pertenece a San Martín.']);
    expect(at(3)).toEqual([
      'EJE TEMÁTICO: Categoría no reconocida: «Eje inventado». Elija una de esta edición (Contribución al buen inicio del año escolar; Mejora de la atención y orientación al ciudadano), créela desde la revisión o deje la fila fuera.',
    ]);
    expect(at(4)).toEqual(['Año de inicio: Año de inicio no válido: «dos mil». Escriba un año de cuatro cifras.']);
    expect(at(5)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Año de inicio: Ingrese un año entre 1990 y \d{4}\.$/),
        'Evidencias: Cada enlace debe empezar por http:// o https://.',
        'CORREO ELECTRONICO: Ingrese un correo electrónico válido.',
      ]),
    );
    expect(at(6)).toEqual([`N° de Postulación: El código «E-06» ya aparece en la fila ${FIRST_ROW + 5} del archivo.`]);
    expect(at(7)).toEqual(['Título de la Práctica: Este campo es obligatorio.']);
    expect(at(8)).toEqual(
      expect.arrayContaining(['REGION: Región no reconocida: «Región Inventada». Al elegir la IGED, la fila toma la región de esa IGED.', 'dre / ugel: Este campo es obligatorio.']),
    );
    // An unknown IGED or category is a choice to make in the review, not an error of the file.
    const warned = preview.issues.filter((i) => i.severity === 'warning').map((i) => i.row);
    expect(warned).toEqual([FIRST_ROW, FIRST_ROW + 1, FIRST_ROW + 3, FIRST_ROW + 8]);
    expect(preview.canCommit).toBe(false);
    expect(preview.rows.filter((r) => r.action === 'invalid')).toHaveLength(6);
    expect(preview.rows.filter((r) => r.action === 'unresolved').map((r) => r.needs)).toEqual([
      [{ kind: 'iged', value: 'UGEL Inexistente', candidateIds: [] }],
      [{ kind: 'iged', value: 'Huancavelica', candidateIds: expect.arrayContaining([expect.any(Number), expect.any(Number)]) }],
      [{ kind: 'category', value: 'Eje inventado', candidateIds: [] }],
    ]);
    expect(preview.totals).toMatchObject({ rows: 9, problemRows: 9, valid: 0 });

    const fp = fingerprint(app.dbPath);
    const backups = backupNames(app);
    const refused = await app.fail('imports.commit', { token: inspection.token, sheet: 0, mapping });
    expect(refused.code).toBe('import.error.hasErrors');
    expect(refused.message).toMatch(/^9 filas tienen problemas: resuélvalos en la revisión/);
    expect(fingerprint(app.dbPath)).toBe(fp);
    expect(backupNames(app)).toEqual(backups);
  });

  it('vuelve a validar al confirmar: lo que cambió desde la vista previa cuenta', async () => {
    const category = (await app.call('categories.create', { editionId: app.editionId, fields: { name: 'Categoría efímera', description: '' } })).id;
    const rows: FixtureCell[][] = [['T-01', '', 'UGEL Nauta', 'Práctica efímera', 'categoria efimera', 2020, '', '', '', '', '']];
    const inspection = await inspect(await goodFile(rows));
    const mapping = inspection.sheets[0]?.suggestedMapping ?? {};
    expect((await app.call('imports.preview', { token: inspection.token, sheet: 0, mapping })).canCommit).toBe(true);
    await app.call('categories.delete', { id: category });
    const fp = fingerprint(app.dbPath);
    const refused = await app.fail('imports.commit', { token: inspection.token, sheet: 0, mapping });
    expect(refused.code).toBe('import.error.hasErrors');
    expect(fingerprint(app.dbPath)).toBe(fp);
  });

  it('exige asignar título e IGED, y refuse una ficha vencida', async () => {
    const inspection = await inspect(await goodFile());
    const mapping: ColumnMapping = { ...inspection.sheets[0]?.suggestedMapping, iged: null };
    const preview = await app.call('imports.preview', { token: inspection.token, sheet: 0, mapping });
    expect(preview.issues).toEqual([{ row: 3, column: '', severity: 'error', message: 'Asigne una columna a «IGED»: es obligatoria.' }]);
    expect(preview.canCommit).toBe(false);
    const expired = await app.fail('imports.preview', { token: 'no-existe', sheet: 0, mapping });
    expect(expired.message).toBe('La vista previa de esta importación caducó o ya no existe. Vuelva a elegir el archivo.');
  });
});
