import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/services';
import { addEntry, addJuror, addSheet, addThreeJurors, NOW, seedEdition } from './seed';

/**
 * Weights 30 / 40 / 30 on 0–4 scales (total 0–400) plus an independent criterion (weight 10,
 * never added). Per juror, total = 30·innovación + 40·resultados + 30·sostenibilidad.
 */
describe('consolidation service', () => {
  let app: TestApp;
  let s: Awaited<ReturnType<typeof seedEdition>>;
  let e: Record<'a1' | 'a2' | 'a3' | 'b1', number>;
  let j: Record<'ana' | 'luis' | 'rosa', number>;

  beforeEach(async () => {
    app = await openTestApp();
    s = await seedEdition(app);
    e = {
      a1: await addEntry(app, s.editionId, s.categories.inicio, 'Buen inicio con brigadas'),
      a2: await addEntry(app, s.editionId, s.categories.inicio, 'Matrícula oportuna'),
      a3: await addEntry(app, s.editionId, s.categories.inicio, 'Kits a tiempo'),
      b1: await addEntry(app, s.editionId, s.categories.liderazgo, 'Monitoreo Integral de los Aprendizajes'),
    };
    const db = app.services.context.db();
    j = addThreeJurors(db, s.editionId);
    const { innovacion: I, resultados: R, sostenibilidad: S, intercultural: X } = s.criteria;
    // a1: Ana 30·4 + 40·3 + 30·3 = 330; Luis 30·3 + 40·3 + 30·3 = 300; Rosa abstains
    addSheet(db, s.stageId, j.ana, e.a1, { [I]: 4, [R]: 3, [S]: 3, [X]: 4 });
    addSheet(db, s.stageId, j.luis, e.a1, { [I]: 3, [R]: 3, [S]: 3, [X]: 2 });
    addSheet(db, s.stageId, j.rosa, e.a1, { abstention: 'abstain' });
    // a2: Ana 30·3 + 40·4 + 30·2 = 310; Luis 30·3 + 40·3 + 30·4 = 330 → mean 320
    addSheet(db, s.stageId, j.ana, e.a2, { [I]: 3, [R]: 4, [S]: 2 });
    addSheet(db, s.stageId, j.luis, e.a2, { [I]: 3, [R]: 3, [S]: 4 });
    // a3: Ana 30·1 + 40·1 + 30·1 = 100; Luis 30·2 + 40·2 + 30·2 = 200; Rosa 30·4 + 40·4 + 30·4 = 400
    addSheet(db, s.stageId, j.ana, e.a3, { [I]: 1, [R]: 1, [S]: 1 });
    addSheet(db, s.stageId, j.luis, e.a3, { [I]: 2, [R]: 2, [S]: 2 });
    addSheet(db, s.stageId, j.rosa, e.a3, { [I]: 4, [R]: 4, [S]: 4 });
    // b1: Rosa 30·4 + 40·4 + 30·3 = 370; Luis's sheet is not submitted (pending)
    addSheet(db, s.stageId, j.rosa, e.b1, { [I]: 4, [R]: 4, [S]: 3 });
    addSheet(db, s.stageId, j.luis, e.b1, { pending: { [I]: 1 } });
  });
  afterEach(() => app.close());

  it('computes every method from the stored sheets; abstentions and unsubmitted sheets are left out', async () => {
    const report = await app.call('results.compute', { editionId: s.editionId, stageId: s.stageId });
    const byId = new Map(report.result.entries.map((x) => [x.entryId, x]));
    // a1: (330 + 300)/2 = 315 — Rosa's abstention is not a zero (that would give 210)
    expect(byId.get(e.a1)).toMatchObject({ counted: 2, abstained: 1, values: { mean: 315, median: 315, trimmed: null } });
    // a2: (310 + 330)/2 = 320
    expect(byId.get(e.a2)?.values.mean).toBe(320);
    // a3: (100 + 200 + 400)/3 = 233.33…; median 200; spread 300 ≥ 25 % of 400 = 100 → disagreement
    expect(byId.get(e.a3)?.values.mean).toBeCloseTo(233.333, 3);
    expect(byId.get(e.a3)).toMatchObject({ spread: 300, disagreement: true, values: { median: 200 } });
    // b1: Rosa alone, 370; Luis's draft is pending
    expect(byId.get(e.b1)).toMatchObject({ counted: 1, values: { mean: 370 } });
    expect(report.pendingSheets).toBe(1);
    // the independent criterion is reported, not added: a1 mean (4 + 2)/2 = 3
    expect(byId.get(e.a1)?.criterionMeans.find((c) => c.criterionId === s.criteria.intercultural)?.mean).toBe(3);
    // cut-off 200: a1, a2, a3 (233.3), b1 pass
    expect(report.result.passCount).toBe(4);
    // category «inicio» by mean: a2 320, a1 315, a3 233.3; by median a3 (200) stays third
    const inicio = report.result.categories.find((c) => c.categoryId === s.categories.inicio);
    expect(inicio?.rankings.find((r) => r.method === 'mean')?.order).toEqual([e.a2, e.a1, e.a3]);
    expect(report.categories.map((c) => c.name)).toEqual(['Contribución al buen inicio del año escolar', 'Liderazgo para la mejora de aprendizajes']);
    expect(report.jurors.map((x) => x.name)).toEqual(['Ana Quispe Huamán', 'Luis Mamani Condori', 'Rosa Tello Ríos']);
  });

  it('takes the method, threshold and tie-break chain from the edition’s jury settings, overridable per call', async () => {
    const db = app.services.context.db();
    db.prepare(
      `INSERT INTO jury_settings (edition_id, disagreement_threshold, consolidation_method, tie_break_chain, updated_at) VALUES (?, 0.9, 'median', ?, ?)`,
    ).run(s.editionId, JSON.stringify([{ kind: 'priorityCriterion', criterionId: s.criteria.resultados }, { kind: 'organizerDecision' }]), NOW);
    const report = await app.call('results.compute', { editionId: s.editionId, stageId: s.stageId });
    expect(report.result.options).toMatchObject({ method: 'median', disagreementThreshold: 0.9, tieBreak: [{ kind: 'priorityCriterion' }, { kind: 'organizerDecision' }] });
    expect(report.result.disagreementCount).toBe(0);
    const overridden = await app.call('results.compute', { editionId: s.editionId, stageId: s.stageId, options: { method: 'mean', disagreementThreshold: 0.5 } });
    expect(overridden.result.options).toMatchObject({ method: 'mean', disagreementThreshold: 0.5 });
  });

  it('a tie the chain cannot break is reported until the organizer records a decision', async () => {
    const db = app.services.context.db();
    const { innovacion: I, resultados: R, sostenibilidad: S } = s.criteria;
    // a4 mirrors a2 with the jurors swapped: same mean, median, spread and criterion means
    const a4 = await addEntry(app, s.editionId, s.categories.inicio, 'Escuelas abiertas');
    addSheet(db, s.stageId, j.ana, a4, { [I]: 3, [R]: 3, [S]: 4 });
    addSheet(db, s.stageId, j.luis, a4, { [I]: 3, [R]: 4, [S]: 2 });
    const before = await app.call('results.compute', { editionId: s.editionId, stageId: s.stageId });
    expect(before.result.unresolvedTies).toBe(true);
    const mean = () => before.result.categories[0]?.rankings.find((r) => r.method === 'mean');
    expect(mean()?.ties[0]?.steps[0]?.rule).toEqual({ kind: 'unresolved' });
    // Both share the first place: the top box lists both, never only the one shown first.
    expect(before.result.entries.filter((x) => x.entryId === a4 || x.entryId === e.a2).map((x) => x.ranks.mean)).toEqual([1, 1]);
    const topOne = await app.call('results.compute', { editionId: s.editionId, stageId: s.stageId, options: { topPlaces: 1 } });
    expect(topOne.result.categories[0]?.top.find((x) => x.method === 'mean')?.entryIds.sort()).toEqual([e.a2, a4].sort());

    const refused = await app.fail('results.recordTieDecision', { stageId: s.stageId, orderedEntryIds: [a4, e.b1], reason: 'x' });
    expect(refused.message).toMatch(/misma categoría/);
    const dup = await app.fail('results.recordTieDecision', { stageId: s.stageId, orderedEntryIds: [a4, a4], reason: 'x' });
    expect(dup.message).toMatch(/más de una vez/);
    const noReason = await app.fail('results.recordTieDecision', { stageId: s.stageId, orderedEntryIds: [a4, e.a2], reason: '' });
    expect(noReason.code).toBe('error.validation');

    const decision = await app.call('results.recordTieDecision', { stageId: s.stageId, orderedEntryIds: [a4, e.a2], reason: 'Acuerdo del jurado en sesión del 15/10' });
    expect(decision).toMatchObject({ categoryId: s.categories.inicio, orderedEntryIds: [a4, e.a2] });
    expect(await app.call('results.tieDecisions', { stageId: s.stageId })).toHaveLength(1);

    const after = await app.call('results.compute', { editionId: s.editionId, stageId: s.stageId });
    const ranking = after.result.categories[0]?.rankings.find((r) => r.method === 'mean');
    expect(ranking?.order.slice(0, 2)).toEqual([a4, e.a2]);
    expect(ranking?.ties[0]?.steps[0]?.rule).toEqual({ kind: 'organizerDecision', decisionId: decision.id });
    expect(after.result.unresolvedTies).toBe(false);
  });

  it('excludes a submitted sheet whose juror now has a conflict of interest in force', async () => {
    const db = app.services.context.db();
    db.prepare(`INSERT INTO conflict (edition_id, juror_id, entry_id, basis, declared_reason, created_at) VALUES (?, ?, ?, 'declared', 'Trabajó en la UGEL', ?)`).run(
      s.editionId,
      j.ana,
      e.a3,
      NOW,
    );
    const report = await app.call('results.compute', { editionId: s.editionId, stageId: s.stageId });
    // a3 without Ana: (200 + 400)/2 = 300
    expect(report.result.entries.find((x) => x.entryId === e.a3)?.values.mean).toBe(300);
    expect(report.conflictedSheets).toBe(1);
  });

  it('counts as pending every assignment that still counts and has no submitted or abstained sheet, wherever its entry falls', async () => {
    const db = app.services.context.db();
    const assign = db.prepare(`INSERT INTO assignment (stage_id, juror_id, entry_id, source, created_at) VALUES (?, ?, ?, 'manual', ?)`);
    // a1 (the lowest entry id) loses its three sheets: three pending assignments before every entry with a sheet
    db.prepare(`DELETE FROM score_sheet WHERE stage_id = ? AND entry_id = ?`).run(s.stageId, e.a1);
    // between entries with sheets: Rosa is assigned a2 and has not scored it
    assign.run(s.stageId, j.rosa, e.a2, NOW);
    // after them: a new entry assigned to Ana (pending) and to Luis, who has a conflict in force with it (not pending)
    const c1 = await addEntry(app, s.editionId, s.categories.liderazgo, 'Gestión escolar con la comunidad');
    assign.run(s.stageId, j.ana, c1, NOW);
    assign.run(s.stageId, j.luis, c1, NOW);
    db.prepare(`INSERT INTO conflict (edition_id, juror_id, entry_id, basis, declared_reason, created_at) VALUES (?, ?, ?, 'declared', 'Trabajó en la UGEL', ?)`).run(
      s.editionId,
      j.luis,
      c1,
      NOW,
    );
    // a withdrawn juror's assignment without a sheet is not pending
    const pedro = addJuror(db, s.editionId, 'Pedro Flores Ccama', 'UNSAAC', 'Docente');
    assign.run(s.stageId, pedro, e.a2, NOW);
    db.prepare(`UPDATE juror SET withdrawn_at = ?, withdrawn_reason = 'Renuncia' WHERE id = ?`).run(NOW, pedro);
    const report = await app.call('results.compute', { editionId: s.editionId, stageId: s.stageId });
    // Luis's draft on b1 + a1's three + Rosa on a2 + Ana on c1
    expect(report.pendingSheets).toBe(6);
  });

  it('refuses a stage of another edition and a tie-break criterion of another edition', async () => {
    const other = await app.call('editions.create', { year: 2023, name: 'VIII Concurso 2023' });
    const wrong = await app.fail('results.compute', { editionId: other.id, stageId: s.stageId });
    expect(wrong.message).toBe('La etapa no pertenece a la edición indicada.');
    const foreign = await app.call('criteria.create', { editionId: other.id, fields: { name: 'Otro', weight: 1, scaleMin: 0, scaleMax: 4, scaleStep: 1 } });
    const bad = await app.fail('results.compute', {
      editionId: s.editionId,
      stageId: s.stageId,
      options: { tieBreak: [{ kind: 'priorityCriterion', criterionId: foreign.id }] },
    });
    expect(bad.message).toMatch(/no pertenece a esta edición/);
  });
});
