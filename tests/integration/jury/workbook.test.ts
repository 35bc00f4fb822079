import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/services';
import { buildScenario, generalPanel, type Scenario } from './scenario';
import { exportWorkbook, fill, loadWorkbook, preview, previewError, saveWorkbook, scoreCell } from './workbook-helpers';

const FIXTURE = path.resolve(__dirname, '../../fixtures/jury/ficha-guardada-con-libreoffice.xlsx');

/**
 * One database for the whole file (each preview starts a parser worker; keeping the set-up
 * shared keeps the suite fast). Tests that write use their own juror so they do not interfere.
 */
describe('offline juror workbooks', () => {
  let app: TestApp;
  let s: Scenario;
  const stage = () => s.evaluation;
  beforeAll(async () => {
    app = await openTestApp({ now: () => new Date('2024-09-01T12:00:00.000Z') });
    s = await buildScenario(app);
    await generalPanel(app, s);
    for (const jurorId of [s.jurors.beto, s.jurors.dario, s.jurors.carla]) {
      for (const entryId of [s.entries.ancash, s.entries.cusco]) await app.call('assignments.add', { stageId: s.evaluation, jurorId, entryId });
    }
  });
  afterAll(() => app.close());

  it('exports the assigned entries with the rubric, validation on score cells, the rest protected, metadata hidden', async () => {
    const workbook = await loadWorkbook(await exportWorkbook(app, stage(), s.jurors.beto));
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Puntajes', 'visible'],
      ['Rúbrica', 'visible'],
      ['bpge-meta', 'veryHidden'],
    ]);
    const scores = workbook.getWorksheet('Puntajes')!;
    expect(scores.getRow(5).values).toEqual([undefined, 'Código', 'Título de la práctica', 'Categoría', 'IGED', 'Región', 'Innovación (0–4)', 'Resultados (0–10)', 'Sostenibilidad (1–5)', 'Comentario general']);
    expect(scores.getCell('A6').value).toBe('2024-002');
    expect(scores.getCell('F6').dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [0, 4] });
    expect(scores.getCell('G6').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 10] });
    expect(scores.getCell('F6').protection?.locked).toBe(false);
    expect(scores.getCell('B6').protection?.locked).not.toBe(false);
    expect(scores.getCell('H7').value).toBe('no aplica');
    expect(scores.getCell('H7').protection?.locked).not.toBe(false);
    const rubric = workbook.getWorksheet('Rúbrica')!;
    expect(rubric.getRow(2).values).toEqual([undefined, 'Innovación', 30, '0–4 (1)', '0 — Ausente', 'No se evidencia innovación.']);
  });

  it('round trip: fill → preview (new / changed / unchanged) → apply in one go → same file again changes nothing', async () => {
    const key = { stageId: stage(), jurorId: s.jurors.beto, entryId: s.entries.ancash };
    await app.call('scores.set', { ...key, criterionId: s.criteria.innovacion, value: 2 });
    await app.call('scores.set', { ...key, criterionId: s.criteria.resultados, value: 6 });
    const filled = await fill(await exportWorkbook(app, stage(), s.jurors.beto), [
      ['2024-002', 'Innovación', 3],
      ['2024-002', 'Sostenibilidad', 4],
      ['2024-002', 'Comentario', 'Práctica sólida, con evidencias.'],
      ['2024-003', 'Resultados', 8.5],
    ]);
    const first = await preview(app, stage(), s.jurors.beto, filled);
    expect(first.counts).toEqual({ new: 3, changed: 1, unchanged: 3, conflicting: 0, invalid: 0 });
    expect(first.rows.find((r) => r.change === 'changed')).toMatchObject({ entryCode: '2024-002', field: 'Innovación', appValue: 2, workbookValue: 3, row: 6 });
    expect(first.canApply).toBe(true);
    // Nothing is written by the preview.
    expect((await app.call('scores.sheet', key)).scores.find((c) => c.criterionId === s.criteria.innovacion)?.value).toBe(2);

    const auditBefore = (await app.call('audit.list', {})).total;
    expect(await app.call('juryWorkbooks.apply', { token: first.token })).toEqual({ applied: 4, skippedConflicts: 0, unchanged: 3 });
    const sheet = await app.call('scores.sheet', key);
    expect(sheet.scores.map((c) => c.value)).toEqual([3, 6, 4]);
    expect(sheet.overallComment).toBe('Práctica sólida, con evidencias.');
    const audit = await app.call('audit.list', {});
    expect(audit.total).toBe(auditBefore + 5);
    expect(audit.rows[0]).toMatchObject({ action: 'workbook.import', actorLabel: 'Libro del jurado: Beto Huamán' });

    const again = await preview(app, stage(), s.jurors.beto, filled);
    expect(again.counts).toMatchObject({ new: 0, changed: 0, conflicting: 0, invalid: 0 });
    expect(await app.call('juryWorkbooks.apply', { token: again.token })).toEqual({ applied: 0, skippedConflicts: 0, unchanged: 7 });
    expect((await app.call('audit.list', {})).total).toBe(auditBefore + 5);
    expect((await app.fail('juryWorkbooks.apply', { token: again.token })).code).toBe('jury.workbook.tokenExpired');
  });

  it('flags a conflict when the app changed a value the juror also changed, and keeps the app value by default', async () => {
    const key = { stageId: stage(), jurorId: s.jurors.dario, entryId: s.entries.cusco };
    const exported = await exportWorkbook(app, stage(), s.jurors.dario);
    await app.call('scores.set', { ...key, criterionId: s.criteria.innovacion, value: 1 });
    const filled = await fill(exported, [
      ['2024-003', 'Innovación', 4],
      ['2024-003', 'Resultados', '7,5'],
      ['2024-002', 'Innovación', '4'],
    ]);
    const result = await preview(app, stage(), s.jurors.dario, filled);
    expect(result.rows.map((r) => [r.entryCode, r.field, r.change, r.appValue, r.workbookValue, r.message])).toEqual([
      ['2024-002', 'Innovación', 'new', null, 4, 'Se leyó «4» como 4.'],
      ['2024-003', 'Innovación', 'conflicting', 1, 4, expect.any(String)],
      ['2024-003', 'Resultados', 'new', null, 7.5, 'Se leyó «7,5» como 7.5.'],
    ]);
    // The conflict says what each side holds and when each was entered.
    expect(result.rows[1]?.message).toMatch(
      /^Cambió en los dos lados desde que se exportó la ficha el .+ \(entonces: sin puntaje\)\. En la aplicación: 1, registrado el .+ por Jurado: Darío Flores\. En la ficha: 4, escrito después de esa exportación\.$/,
    );
    expect(await app.call('juryWorkbooks.apply', { token: result.token })).toMatchObject({ applied: 2, skippedConflicts: 1 });
    expect((await app.call('scores.sheet', key)).scores.map((c) => c.value)).toEqual([1, 7.5]);
  });

  it('validates every value and refuses to apply while errors remain', async () => {
    const filled = await fill(await exportWorkbook(app, stage(), s.jurors.carla), [
      ['2024-002', 'Innovación', 7],
      ['2024-002', 'Resultados', 'siete'],
      // An Excel error is not an empty cell: reading it as one would clear the app's value.
      ['2024-002', 'Sostenibilidad', { error: '#DIV/0!' }],
      ['2024-003', 'Resultados', 7.25],
      ['2024-003', 'Innovación', 2],
    ]);
    const result = await preview(app, stage(), s.jurors.carla, filled);
    expect(result.canApply).toBe(false);
    expect(result.rows.filter((r) => r.change === 'invalid').map((r) => r.message)).toEqual([
      'El puntaje 7 está fuera de la escala de «Innovación»: debe estar entre 0 y 4.',
      'Ingrese un número para «Resultados».',
      'Ingrese un número para «Sostenibilidad».',
      'El puntaje 7.25 no es válido para «Resultados»: la escala avanza de 0.5 en 0.5 desde 0 (pruebe 7 o 7.5).',
    ]);
    // The preview says why «Aplicar» is refused, in the service's own words.
    expect(result.applyBlockedReason).toBe(
      'No se puede aplicar: la ficha tiene celdas con errores (en total: 4), marcadas como «No válidos» abajo. Corríjalas en el archivo y vuelva a cargarlo. No se importó nada.',
    );
    const refused = await app.fail('juryWorkbooks.apply', { token: result.token });
    expect(refused.message).toBe(result.applyBlockedReason);
    expect((await app.call('scores.sheet', { stageId: stage(), jurorId: s.jurors.carla, entryId: s.entries.cusco })).scores[0]?.value).toBeNull();
  });

  it('refuses a workbook of another juror, stage or edition', async () => {
    const data = await exportWorkbook(app, stage(), s.jurors.beto);
    expect((await previewError(app, stage(), s.jurors.dario, data)).message).toBe('Esta ficha es de otro jurado («Beto Huamán»), no de «Darío Flores».');
    expect((await previewError(app, s.admission, s.jurors.beto, data)).message).toBe('Esta ficha es de otra etapa («Evaluación técnica»), no de «Admisibilidad».');
    const other = await app.call('editions.create', { year: 2025, name: 'X Concurso 2025' });
    const otherStage = await app.call('stages.create', { editionId: other.id, fields: { name: 'Evaluación técnica' } });
    const otherJuror = await app.call('jurors.create', { editionId: other.id, fields: { name: 'Beto Huamán' } });
    expect((await previewError(app, otherStage.id, otherJuror.id, data)).message).toBe('Esta ficha es de otra edición («IX Concurso 2024»), no de «X Concurso 2025».');
  });

  it('refuses a tampered workbook: metadata edited, a column removed, a protected cell edited', async () => {
    const data = await exportWorkbook(app, stage(), s.jurors.beto);

    const meta = await loadWorkbook(data);
    const chunk = meta.getWorksheet('bpge-meta')!.getCell('A2');
    chunk.value = String(chunk.value).replace(`"jurorId":${s.jurors.beto}`, `"jurorId":${s.jurors.dario}`);
    expect((await previewError(app, stage(), s.jurors.dario, await saveWorkbook(meta))).message).toBe(
      'La ficha fue alterada y no se puede importar: los datos de control no coinciden con su firma. Exporte una ficha nueva para este jurado.',
    );

    const column = await loadWorkbook(data);
    column.getWorksheet('Puntajes')!.spliceColumns(5, 1);
    expect((await previewError(app, stage(), s.jurors.beto, await saveWorkbook(column))).message).toBe(
      'La ficha fue alterada y no se puede importar: la celda E5 del encabezado dice «Innovación (0–4)» en lugar de «Región». Exporte una ficha nueva para este jurado.',
    );

    const cell = await loadWorkbook(data);
    scoreCell(cell, '2024-003', 'Título').value = 'Otro título';
    expect((await previewError(app, stage(), s.jurors.beto, await saveWorkbook(cell))).message).toBe(
      'La ficha fue alterada y no se puede importar: la celda protegida B7 dice «Otro título» en lugar de «Redes de directores del Cusco». Exporte una ficha nueva para este jurado.',
    );

    const foreign = await loadWorkbook(data);
    foreign.removeWorksheet(foreign.getWorksheet('bpge-meta')!.id);
    expect((await previewError(app, stage(), s.jurors.beto, await saveWorkbook(foreign))).code).toBe('jury.workbook.notOurs');
    expect((await previewError(app, stage(), s.jurors.beto, Buffer.from('esto no es un libro de Excel'))).code).toBe('import.error.notXlsx');
  });

  it('accepts a workbook opened and saved by LibreOffice Calc (committed fixture)', async () => {
    // Made by scripts/fixtures/jury-libreoffice.ts from this same scenario, for Ana Quispe.
    for (const entryId of [s.entries.ancash, s.entries.cusco]) await app.call('assignments.add', { stageId: stage(), jurorId: s.jurors.ana, entryId });
    const result = await preview(app, stage(), s.jurors.ana, fs.readFileSync(FIXTURE), 'ficha-libreoffice.xlsx');
    expect(result.counts).toMatchObject({ invalid: 0, conflicting: 0, changed: 0 });
    expect(result.rows.map((r) => [r.entryCode, r.field, r.change, r.workbookValue])).toEqual([
      ['2024-002', 'Innovación', 'new', 3],
      ['2024-002', 'Resultados', 'new', 8.5],
      ['2024-002', 'Sostenibilidad', 'new', 4],
      ['2024-002', 'Comentario general', 'new', 'Buena práctica; revisar evidencias del 2023.'],
      ['2024-003', 'Innovación', 'new', 2],
      ['2024-003', 'Resultados', 'new', 4.5],
    ]);
    expect(await app.call('juryWorkbooks.apply', { token: result.token })).toMatchObject({ applied: 6 });
    const again = await preview(app, stage(), s.jurors.ana, fs.readFileSync(FIXTURE));
    expect(again.rows).toEqual([]);
  });
});
