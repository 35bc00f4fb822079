import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { xlsxWorkbook } from '../../fixtures-src/import/workbooks';
import { openTestApp, type TestApp } from '../../support/services';
import { addEntry, addSheet, addThreeJurors, seedEdition } from '../results/seed';

const FROZEN =
  'La etapa «Evaluación técnica» está cerrada: sus resultados dependen de las categorías, los criterios (pesos, escalas y rúbricas) y las reglas de consolidación y de conflicto de la edición, que no se pueden cambiar mientras esté cerrada. Para modificarlos, reabra la etapa indicando el motivo (Jurado › Etapas y auditoría).';
const STAGE_FROZEN =
  'La etapa «Evaluación técnica» está cerrada: su panel, sus asignaciones, su nombre y su nota de corte no se pueden cambiar. Para modificarlos, reabra la etapa indicando el motivo (Jurado › Etapas y auditoría).';

/**
 * One juror's sheets for two entries (weights 30/40/30 on 0–4): a1 = 30·4 + 40·2 + 30·2 = 260,
 * a2 = 30·2 + 40·3 + 30·2 = 240. Any change of weight, scale or criteria would move these totals.
 */
describe('a closed stage is a frozen record', () => {
  let app: TestApp;
  let s: Awaited<ReturnType<typeof seedEdition>>;
  let e: { a1: number; a2: number };
  let j: Record<'ana' | 'luis' | 'rosa', number>;
  const criterion = (name: string, weight: number, over: Partial<{ scaleMin: number; scaleMax: number }> = {}) => ({
    name,
    weight,
    scaleMin: 0,
    scaleMax: 4,
    scaleStep: 1,
    ...over,
  });
  const ranking = async () => {
    const report = await app.call('results.compute', { editionId: s.editionId, stageId: s.stageId });
    const inicio = report.result.categories.find((c) => c.categoryId === s.categories.inicio);
    return { order: inicio?.rankings.find((r) => r.method === 'mean')?.order, values: report.result.entries.map((x) => x.values.mean) };
  };

  beforeEach(async () => {
    app = await openTestApp();
    s = await seedEdition(app);
    e = {
      a1: await addEntry(app, s.editionId, s.categories.inicio, 'Buen inicio con brigadas'),
      a2: await addEntry(app, s.editionId, s.categories.inicio, 'Matrícula oportuna'),
    };
    const db = app.services.context.db();
    j = addThreeJurors(db, s.editionId);
    const { innovacion: I, resultados: R, sostenibilidad: S } = s.criteria;
    addSheet(db, s.stageId, j.ana, e.a1, { [I]: 4, [R]: 2, [S]: 2 });
    addSheet(db, s.stageId, j.ana, e.a2, { [I]: 2, [R]: 3, [S]: 2 });
    await app.call('juryStages.close', { stageId: s.stageId, reason: 'Fin del plazo' });
  });
  afterEach(() => app.close());

  it('refuses changing a weight, shrinking a scale or adding a criterion while closed; the ranking stays as closed', async () => {
    const before = await ranking();
    const weight = await app.fail('criteria.update', { id: s.criteria.innovacion, fields: criterion('Innovación', 35) });
    expect(weight).toMatchObject({ code: 'jury.frozen.edition', message: FROZEN });
    const scale = await app.fail('criteria.update', { id: s.criteria.innovacion, fields: criterion('Innovación', 30, { scaleMax: 3 }) });
    expect(scale.message).toBe(FROZEN);
    expect((await app.fail('criteria.create', { editionId: s.editionId, fields: criterion('Pertinencia', 20) })).message).toBe(FROZEN);
    expect((await app.fail('criteria.delete', { id: s.criteria.sostenibilidad })).message).toBe(FROZEN);
    expect((await app.fail('categories.update', { id: s.categories.inicio, fields: { name: 'Inicio del año' } })).message).toBe(FROZEN);
    expect((await app.fail('categories.create', { editionId: s.editionId, fields: { name: 'Nueva' } })).message).toBe(FROZEN);
    expect(await ranking()).toEqual(before);
    expect((await app.call('editions.get', { id: s.editionId })).criteria.find((c) => c.id === s.criteria.innovacion)).toMatchObject({ weight: 30, scaleMax: 4 });
  });

  it('refuses consolidation and conflict rules, the panel, assignments, the cut-off and conflicts of a closed stage; not what the ranking does not depend on', async () => {
    const settings = await app.call('jury.settings.get', { editionId: s.editionId });
    const { editionId: _e, updatedAt: _u, ...fields } = settings;
    expect((await app.fail('jury.settings.update', { editionId: s.editionId, fields: { ...fields, consolidationMethod: 'median' } })).message).toBe(FROZEN);
    expect((await app.fail('jury.settings.update', { editionId: s.editionId, fields: { ...fields, conflictRules: { ...fields.conflictRules, sameRegion: true } } })).message).toBe(FROZEN);
    // Blind mode only shapes what jurors see from now on.
    expect(await app.call('jury.settings.update', { editionId: s.editionId, fields: { ...fields, blindMode: !fields.blindMode } })).toMatchObject({ blindMode: !fields.blindMode });

    expect((await app.fail('panels.save', { stageId: s.stageId, categoryId: null, name: '', jurorIds: [j.luis] })).message).toBe(STAGE_FROZEN);
    expect((await app.fail('assignments.add', { stageId: s.stageId, jurorId: j.luis, entryId: e.a1 })).message).toBe(STAGE_FROZEN);
    expect((await app.fail('assignments.remove', { stageId: s.stageId, jurorId: j.ana, entryId: e.a1 })).message).toBe(STAGE_FROZEN);
    expect((await app.fail('stages.update', { id: s.stageId, fields: { name: 'Evaluación técnica', cutoff: 100 } })).message).toBe(STAGE_FROZEN);
    expect((await app.fail('stages.delete', { id: s.stageId })).message).toBe(STAGE_FROZEN);
    const declared = await app.fail('conflicts.declare', { jurorId: j.ana, entryId: e.a1, reason: 'Trabajé con el equipo' });
    expect(declared).toMatchObject({ code: 'jury.frozen.juror' });
    expect(declared.message).toMatch(/^La etapa «Evaluación técnica» está cerrada y cuenta la ficha de Ana Quispe Huamán para la postulación/);
    // A new stage can still be prepared.
    await app.call('stages.create', { editionId: s.editionId, fields: { name: 'Evaluación final' } });
  });

  it('refuses moving a counted entry to another category, or deleting it, while the stage is closed; its summary can still be edited', async () => {
    const entry = await app.call('entries.get', { id: e.a1 });
    const fields = { code: entry.code, igedId: entry.igedId, region: entry.region, title: entry.title, categoryId: entry.categoryId };
    const moved = await app.fail('entries.update', { id: e.a1, fields: { ...fields, categoryId: s.categories.liderazgo } });
    expect(moved).toMatchObject({ code: 'jury.frozen.entry' });
    expect(moved.message).toMatch(/^La etapa «Evaluación técnica» está cerrada y cuenta fichas de la postulación .+: no se puede eliminar ni cambiar su categoría/);
    expect((await app.fail('entries.delete', { id: e.a1 })).code).toBe('jury.frozen.entry');
    await app.call('entries.update', { id: e.a1, fields: { ...fields, summary: 'Resumen corregido.' } });
  });

  it('an import cannot move a counted entry to another category either: that row is a problem, the others are imported', async () => {
    // Imports match entries by IGED: give the counted entry one (reopening to do so), and add an
    // entry no sheet counts.
    const lamas = (await app.call('reference.igeds', {})).find((iged) => iged.name === 'UGEL Lamas');
    if (!lamas) throw new Error('UGEL Lamas should be in the built-in list');
    await app.call('juryStages.reopen', { stageId: s.stageId, reason: 'Faltaba la IGED de una postulación' });
    const counted = await app.call('entries.get', { id: e.a1 });
    await app.call('entries.update', { id: e.a1, fields: { code: counted.code, igedId: lamas.id, title: counted.title, categoryId: counted.categoryId } });
    const free = await app.call('entries.create', { editionId: s.editionId, fields: { igedId: lamas.id, title: 'Una práctica sin fichas', categoryId: s.categories.inicio } });
    await app.call('juryStages.close', { stageId: s.stageId, reason: 'Fin del plazo' });

    const bytes = await xlsxWorkbook({
      name: 'Postulaciones',
      headers: ['Código', 'IGED', 'Título', 'Categoría', 'Resumen'],
      rows: [
        [counted.code, 'UGEL Lamas', counted.title, 'Liderazgo para la mejora de aprendizajes', ''],
        [free.code, 'UGEL Lamas', free.title, 'Contribución al buen inicio del año escolar', 'Resumen traído del archivo.'],
      ],
    });
    const inspection = await app.call('imports.inspect', { editionId: s.editionId, fileName: 'postulaciones.xlsx', dataBase64: bytes.toString('base64') });
    const file = { token: inspection.token, sheet: 0, mapping: inspection.sheets[0]?.suggestedMapping ?? {} };
    const preview = await app.call('imports.preview', file);
    expect(preview.rows.map((row) => row.action)).toEqual(['invalid', 'update']);
    expect(preview.issues.find((issue) => issue.severity === 'error')?.message).toMatch(
      /^La etapa «Evaluación técnica» está cerrada y cuenta fichas de la postulación .+: no se puede eliminar ni cambiar su categoría/,
    );
    expect((await app.fail('imports.commit', file)).code).toBe('import.error.hasErrors');
    await app.call('imports.commit', { ...file, validOnly: true });
    expect((await app.call('entries.get', { id: e.a1 })).categoryId).toBe(s.categories.inicio);
    expect((await app.call('entries.get', { id: free.id })).summary).toBe('Resumen traído del archivo.');
  });

  it('after reopening with a reason the change is accepted and audited with what it was and what it became', async () => {
    await app.call('juryStages.reopen', { stageId: s.stageId, reason: 'El comité corrigió el peso de Innovación según las bases' });
    await app.call('criteria.update', { id: s.criteria.innovacion, fields: criterion('Innovación', 35) });
    const log = await app.call('audit.list', { editionId: s.editionId, limit: 5, offset: 0 });
    expect(log.rows.map((r) => r.action).slice(0, 2)).toEqual(['criterion.update', 'stage.reopen']);
    expect(log.rows[1]?.reason).toBe('El comité corrigió el peso de Innovación según las bases');
    expect(log.rows[0]).toMatchObject({ actionLabel: 'Criterio modificado (peso, escala o rúbrica)', criterionName: 'Innovación', oldValue: { weight: 30 }, newValue: { weight: 35 } });
    expect(log.rows[0]?.newText).toContain('peso: 35');
    expect(await app.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('refuses, even when open, a scale that leaves out scores already given', async () => {
    await app.call('juryStages.reopen', { stageId: s.stageId, reason: 'Revisión de escalas' });
    const shrunk = await app.fail('criteria.update', { id: s.criteria.innovacion, fields: criterion('Innovación', 30, { scaleMax: 3 }) });
    expect(shrunk.message).toBe('La nueva escala 0–3 de «Innovación» deja fuera puntajes que los jurados ya dieron (en total: 1). Corrija esos puntajes o conserve una escala que los incluya.');
  });
});
