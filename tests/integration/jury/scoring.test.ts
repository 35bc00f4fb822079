import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/services';
import { buildScenario, generalPanel, type Scenario } from './scenario';

describe('scoring, stage lock and audit', () => {
  let app: TestApp;
  let s: Scenario;
  let key: { stageId: number; jurorId: number; entryId: number };
  beforeEach(async () => {
    app = await openTestApp();
    s = await buildScenario(app);
    await generalPanel(app, s);
    for (const jurorId of [s.jurors.beto, s.jurors.dario]) {
      for (const entryId of [s.entries.ancash, s.entries.cusco]) await app.call('assignments.add', { stageId: s.evaluation, jurorId, entryId });
    }
    key = { stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.ancash };
  });
  afterEach(() => app.close());

  const scoreAll = async (k: typeof key, values: [number, number, number]) => {
    await app.call('scores.set', { ...k, criterionId: s.criteria.innovacion, value: values[0] });
    await app.call('scores.set', { ...k, criterionId: s.criteria.resultados, value: values[1] });
    if (k.entryId === s.entries.ancash) await app.call('scores.set', { ...k, criterionId: s.criteria.sostenibilidad, value: values[2] });
  };

  it('refuses values outside the scale or off its step with a clear Spanish message', async () => {
    const out = await app.fail('scores.set', { ...key, criterionId: s.criteria.innovacion, value: 5 });
    expect(out).toMatchObject({ code: 'jury.score.outOfScale', message: 'El puntaje 5 está fuera de la escala de «Innovación»: debe estar entre 0 y 4.' });
    const step = await app.fail('scores.set', { ...key, criterionId: s.criteria.resultados, value: 7.3 });
    expect(step.message).toBe('El puntaje 7.3 no es válido para «Resultados»: la escala avanza de 0.5 en 0.5 desde 0 (pruebe 7 o 7.5).');
    const below = await app.fail('scores.set', { ...key, criterionId: s.criteria.sostenibilidad, value: 0 });
    expect(below.message).toBe('El puntaje 0 está fuera de la escala de «Sostenibilidad»: debe estar entre 1 y 5.');
    const notApplicable = await app.fail('scores.set', { stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.cusco, criterionId: s.criteria.sostenibilidad, value: 3 });
    expect(notApplicable.message).toBe('El criterio «Sostenibilidad» no se aplica a la categoría de esta postulación.');

    const saved = await app.call('scores.set', { ...key, criterionId: s.criteria.resultados, value: 7.5, comment: 'Evidencia sólida de resultados.' });
    expect(saved).toMatchObject({ cell: { value: 7.5, comment: 'Evidencia sólida de resultados.' }, status: 'inProgress', progress: { done: 0, total: 2 } });
    // Durable: a second connection to the file sees it at once.
    const { default: Database } = await import('better-sqlite3');
    const other = new Database(app.dbPath, { readonly: true });
    expect(other.prepare(`SELECT value FROM score WHERE juror_id = ? AND criterion_id = ?`).get(s.jurors.beto, s.criteria.resultados)).toEqual({ value: 7.5 });
    other.close();
  });

  it('hides IGED and region in blind mode; no peer scores before one’s own sheet is submitted', async () => {
    const open = await app.call('scores.worklist', { stageId: s.evaluation, jurorId: s.jurors.beto });
    expect(open.items[0]).toMatchObject({ code: '2024-002', igedName: 'DRE Áncash', region: 'Áncash', criteriaCount: 3 });
    const settings = await app.call('jury.settings.get', { editionId: s.editionId });
    await app.call('jury.settings.update', { editionId: s.editionId, fields: { ...settings, blindMode: true } });
    const blind = await app.call('scores.worklist', { stageId: s.evaluation, jurorId: s.jurors.beto });
    expect(blind.items.map((i) => [i.igedName, i.region])).toEqual([[null, null], [null, null]]);
    const sheet = await app.call('scores.sheet', key);
    expect(sheet.entry.igedName).toBeNull();
    expect(sheet.entry.region).toBeNull();
    expect(JSON.stringify(sheet)).not.toMatch(/Áncash/);
    expect((await app.call('scores.grid', { stageId: s.evaluation, jurorId: s.jurors.beto })).rows[0]?.region).toBeNull();

    await scoreAll({ ...key, jurorId: s.jurors.dario }, [4, 9, 5]);
    await app.call('sheets.submit', { ...key, jurorId: s.jurors.dario });
    expect((await app.call('scores.sheet', key)).peers).toBeNull();
    const hidden = await app.fail('scores.peers', key);
    expect(hidden.message).toBe('Podrá ver los puntajes de los demás jurados cuando envíe su propia ficha.');

    await scoreAll(key, [3, 7, 4]);
    const incomplete = await app.fail('sheets.submit', { stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.cusco });
    expect(incomplete.message).toBe('Faltan puntajes en: Innovación, Resultados.');
    const submitted = await app.call('sheets.submit', key);
    expect(submitted).toMatchObject({ status: 'submitted', editable: false });
    expect(submitted.peers).toEqual([
      { jurorId: s.jurors.dario, jurorName: 'Darío Flores', abstention: null, scores: expect.arrayContaining([{ criterionId: s.criteria.innovacion, value: 4 }]) },
    ]);
    const grid = await app.call('scores.grid', { stageId: s.evaluation, jurorId: s.jurors.beto });
    expect(grid.rows.map((r) => r.values.map((value, c) => (r.notApplicable?.includes(c) ? 'n/a' : value)))).toEqual([
      [3, 7, 4],
      [null, null, 'n/a'],
    ]);
    expect(grid.progress).toEqual({ done: 1, total: 2 });
  });

  it('abstention and recusal need a reason; recusal records a declared conflict', async () => {
    const noReason = await app.fail('sheets.abstain', { ...key, kind: 'recuse', reason: '' });
    expect(noReason.code).toBe('error.validation');
    const recused = await app.call('sheets.abstain', { ...key, kind: 'recuse', reason: 'Trabajé en la DRE Áncash hasta 2023.' });
    expect(recused).toMatchObject({ status: 'recused', abstention: 'recuse', peers: null });
    const conflicts = await app.call('conflicts.list', { editionId: s.editionId, jurorId: s.jurors.beto });
    expect(conflicts).toMatchObject([{ basis: 'declared', entryId: s.entries.ancash, declaredReason: 'Trabajé en la DRE Áncash hasta 2023.' }]);
    const loads = await app.call('assignments.loads', { stageId: s.evaluation, jurorsPerEntry: 2 });
    expect(loads.shortEntries.find((e) => e.code === '2024-002')).toMatchObject({ active: 1, needed: 2 });
    expect(loads.shortEntries.find((e) => e.code === '2024-003')).toBeUndefined();
    const afterRecusal = await app.fail('scores.set', { ...key, criterionId: s.criteria.innovacion, value: 2 });
    expect(afterRecusal.code).toBe('jury.score.submitted');
  });

  it('closing a stage makes scores read-only; reopening one sheet needs a reason and is audited', async () => {
    await scoreAll(key, [3, 7, 4]);
    await app.call('sheets.submit', key);
    const notOpen = await app.fail('scores.set', { ...key, criterionId: s.criteria.innovacion, value: 2 });
    expect(notOpen.message).toBe('Esta ficha ya fue enviada: pida a la organización que la reabra para modificarla.');
    await app.call('juryStages.close', { stageId: s.evaluation, reason: 'Fin del plazo de evaluación.' });
    const state = await app.call('juryStages.state', { stageId: s.evaluation });
    expect(state).toMatchObject({ closed: true, sheets: { total: 4, submitted: 1, abstained: 0, pending: 3 } });
    const closed = await app.fail('scores.set', { stageId: s.evaluation, jurorId: s.jurors.dario, entryId: s.entries.cusco, criterionId: s.criteria.innovacion, value: 2 });
    expect(closed.message).toBe('La etapa «Evaluación técnica» está cerrada: los puntajes son de solo lectura.');

    const noReason = await app.fail('sheets.reopen', { ...key, reason: ' ' });
    expect(noReason.code).toBe('error.validation');
    const reopened = await app.call('sheets.reopen', { ...key, reason: 'El jurado pidió corregir un error de digitación.' });
    expect(reopened).toMatchObject({ editable: true, status: 'inProgress' });
    // The grid and the worklist agree: only the reopened sheet takes scores in the closed stage.
    const grid = await app.call('scores.grid', { stageId: s.evaluation, jurorId: s.jurors.beto });
    const list = await app.call('scores.worklist', { stageId: s.evaluation, jurorId: s.jurors.beto });
    expect(grid.rows.map((r) => [r.code, r.status, r.editable, r.values])).toEqual([
      ['2024-002', 'inProgress', true, [3, 7, 4]],
      ['2024-003', 'pending', false, [null, null, null]],
    ]);
    expect(list.items.map((i) => [i.code, i.status, i.editable])).toEqual(grid.rows.map((r) => [r.code, r.status, r.editable]));
    await app.call('scores.set', { ...key, criterionId: s.criteria.innovacion, value: 2 });
    // Only that sheet: the others stay locked.
    expect((await app.call('scores.sheet', { ...key, jurorId: s.jurors.dario })).editable).toBe(false);
    await app.call('sheets.submit', key);
    expect((await app.call('scores.sheet', key)).editable).toBe(false);

    const audit = await app.call('audit.list', { stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.ancash });
    const change = audit.rows.find((r) => r.action === 'score.set' && r.criterionId === s.criteria.innovacion && (r.newValue as { value: number }).value === 2);
    expect(change).toMatchObject({
      actor: `juror:${s.jurors.beto}`,
      actorLabel: 'Jurado: Beto Huamán',
      oldValue: { value: 3, comment: '' },
      newValue: { value: 2, comment: '' },
      reason: 'El jurado pidió corregir un error de digitación.',
    });
    expect(audit.rows.map((r) => r.action)).toContain('sheet.reopen');
  });

  it('verifies the hash chain and reports the first row edited directly in SQLite', async () => {
    await scoreAll(key, [3, 7, 4]);
    await app.call('sheets.submit', key);
    const good = await app.call('audit.verify', {});
    expect(good).toMatchObject({ ok: true });
    const total = good.rows;

    const db = app.services.context.db();
    expect(() => db.prepare(`UPDATE audit_log SET reason = 'x'`).run()).toThrow(/solo anexado/);
    const target = db.prepare(`SELECT id FROM audit_log WHERE action = 'score.set' ORDER BY id LIMIT 1 OFFSET 1`).get() as { id: number };
    // Someone with the file and a SQLite tool: drop the guard, then change an old score.
    db.exec(`DROP TRIGGER audit_log_no_update`);
    db.prepare(`UPDATE audit_log SET new_value = '{"comment":"","value":10}' WHERE id = ?`).run(target.id);
    const broken = await app.call('audit.verify', {});
    expect(broken).toEqual({
      ok: false,
      rows: expect.any(Number),
      brokenAtId: target.id,
      problem: 'hash',
      message: `El registro de auditoría n.º ${target.id} fue modificado después de escrito (su huella no coincide).`,
    });
    expect(total).toBeGreaterThan(target.id);

    // Deleting a row instead breaks the link of the next one.
    db.prepare(`UPDATE audit_log SET new_value = (SELECT new_value FROM audit_log WHERE id = ?) WHERE id = ?`).run(target.id, target.id);
    db.exec(`DROP TRIGGER audit_log_no_delete`);
    db.prepare(`DELETE FROM audit_log WHERE id = 1`).run();
    const gap = await app.call('audit.verify', {});
    expect(gap).toMatchObject({ ok: false, brokenAtId: 2, problem: 'link' });
  });
});
