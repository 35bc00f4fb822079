import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanAhead } from '../../../electron/services/import/entries/plan-ahead';
import { locateHeader, toInspection } from '../../../electron/services/import/entries/inspect';
import type { StoredEntryImport } from '../../../electron/services/import/entries/plan-cache';
import { planEntries } from '../../../electron/services/import/entries/plan';
import type { SheetRow } from '../../../electron/services/import/file/parse-types';
import { SINK_BATCH_ROWS } from '../../../electron/services/import/file/sheet-collector';
import { ENTRY_LIMITS } from '../../../electron/services/import/options';
import { FileParser } from '../../../electron/services/import/run-parse';
import { xlsxWorkbook, type FixtureCell } from '../../fixtures-src/import/workbooks';
import { base64, CATEGORIES, openImportApp, type ImportApp } from './import-app';

const HEADERS = ['Código', 'IGED', 'Título de la práctica', 'Categoría', 'Año de inicio'];
const NOTES = { name: 'Instrucciones', headers: ['Cómo llenar este libro'], rows: [['Una fila por postulación, en la hoja Postulaciones.']] };

/** `count` rows spread over several batches, with errors that only a view across batches sees. */
function entryRows(count: number, category = CATEGORIES[0] ?? ''): FixtureCell[][] {
  return Array.from({ length: count }, (_, i) => {
    // Row 550 repeats the code of row 10 (another batch); every 97th names an unknown IGED.
    const code = i === 550 ? 'BP-0010' : `BP-${String(i).padStart(4, '0')}`;
    const iged = i % 97 === 5 ? 'UGEL Inexistente' : 'UGEL Lamas';
    return [code, iged, `Práctica número ${i}`, category, 2015 + (i % 8)];
  });
}

describe('lectura por lotes y validación mientras se lee', () => {
  let app: ImportApp;
  const parser = new FileParser({ heapMb: 256, maxConcurrent: 2, prewarm: false });
  beforeAll(async () => {
    app = await openImportApp();
  });
  afterAll(() => app.close());

  it('el trabajador entrega cada hoja y sus filas por lotes, en orden, y el resultado las reúne todas', async () => {
    const bytes = await xlsxWorkbook(NOTES, { name: 'Postulaciones', headers: HEADERS, rows: entryRows(600) });
    const sheets: string[] = [];
    const batches: SheetRow[][] = [];
    const parsed = await parser.parse({ fileName: 'libro.xlsx', bytes, limits: ENTRY_LIMITS }, 15_000, {
      sheet: (name) => sheets.push(name),
      rows: (rows) => batches.push(rows),
    });
    expect(sheets).toEqual(['Instrucciones', 'Postulaciones']);
    expect(parsed.sheets.map((sheet) => [sheet.name, sheet.rows.length])).toEqual([
      ['Instrucciones', 2],
      ['Postulaciones', 601],
    ]);
    expect(batches.flat()).toEqual(parsed.sheets.flatMap((sheet) => sheet.rows));
    expect(batches.length).toBeGreaterThanOrEqual(Math.ceil(601 / SINK_BATCH_ROWS) + 1);
    expect(batches.every((batch) => batch.length > 0 && batch.length <= SINK_BATCH_ROWS)).toBe(true);
  });

  it('si quien recibe las filas falla, la lectura se detiene con ese error', async () => {
    const bytes = await xlsxWorkbook({ name: 'Postulaciones', headers: HEADERS, rows: entryRows(20) });
    const watch = {
      sheet: () => undefined,
      rows: () => {
        throw new Error('out of memory for more rows');
      },
    };
    await expect(parser.parse({ fileName: 'libro.xlsx', bytes, limits: ENTRY_LIMITS }, 15_000, watch)).rejects.toThrow('out of memory for more rows');
  });

  it('la validación hecha durante la lectura es exactamente la de una vista previa desde cero', async () => {
    const db = app.services.context.db();
    const bytes = await xlsxWorkbook(NOTES, { name: 'Postulaciones', preamble: [['CONCURSO 2024'], []], headers: HEADERS, rows: entryRows(600) });
    const ahead = new PlanAhead(db, app.editionId);
    const parsed = await parser.parse({ fileName: 'libro.xlsx', bytes, limits: ENTRY_LIMITS }, 15_000, ahead);
    const stored: StoredEntryImport = { editionId: app.editionId, fileName: 'libro.xlsx', sheets: parsed.sheets.filter((s) => s.rows.length > 0).map(locateHeader) };
    const inspection = toInspection('ficha', stored);
    const index = inspection.selectedSheet;
    expect(stored.sheets[index]?.name).toBe('Postulaciones');

    const planned = ahead.planFor(stored, inspection);
    const fresh = planEntries(db, app.editionId, stored.sheets[index] ?? stored.sheets[0]!, inspection.sheets[index]?.suggestedMapping ?? {});
    expect(planned?.plan).toEqual(fresh);
    expect(fresh.preview.totals).toMatchObject({ rows: 600, errors: 1, warnings: 7, problemRows: 8, new: 592 });
    expect(fresh.preview.issues.map((issue) => issue.message)).toContainEqual(expect.stringMatching(/BP-0010/));
  });

  it('lo que se escribió entre la inspección y la vista previa cuenta', async () => {
    const name = 'Categoría pasajera';
    const category = (await app.call('categories.create', { editionId: app.editionId, fields: { name, description: '' } })).id;
    const bytes = await xlsxWorkbook({ name: 'Postulaciones', headers: HEADERS, rows: entryRows(40, 'categoria pasajera').slice(0, 5) });
    const inspection = await app.call('imports.inspect', { editionId: app.editionId, fileName: 'pasajera.xlsx', dataBase64: base64(bytes) });
    await app.call('categories.delete', { id: category });
    const mapping = inspection.sheets[inspection.selectedSheet]?.suggestedMapping ?? {};
    const preview = await app.call('imports.preview', { token: inspection.token, sheet: inspection.selectedSheet, mapping });
    expect(preview.canCommit).toBe(false);
    // The category is unknown now: each row waits for a choice (pick, create or leave out).
    expect(preview.totals).toMatchObject({ rows: 5, problemRows: 5, warnings: 5 });
  });
});
