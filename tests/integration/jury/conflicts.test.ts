import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/services';
import { buildScenario, generalPanel, type Scenario } from './scenario';

const rules = (over: Partial<{ sameIged: boolean; parentDre: boolean; sameRegion: boolean }>) => ({
  blindMode: false,
  conflictRules: { sameIged: true, parentDre: true, sameRegion: false, ...over },
  jurorsPerEntry: 2,
  disagreementThreshold: 0.25,
  tieBreakChain: [{ kind: 'higherMedian' as const }, { kind: 'organizerDecision' as const }],
  consolidationMethod: 'mean' as const,
  missingRule: 'incomplete' as const,
  rescaleMinCoverage: 0.5,
  trimmedMinJurors: 5,
  topPlaces: 3,
});

describe('conflicts of interest', () => {
  let app: TestApp;
  let s: Scenario;
  beforeEach(async () => {
    app = await openTestApp();
    s = await buildScenario(app);
  });
  afterEach(() => app.close());

  it('detects a juror at the DRE/GRE above a UGEL entry, and at the entry’s own IGED', async () => {
    const conflicts = await app.call('conflicts.list', { editionId: s.editionId });
    const ana = conflicts.filter((c) => c.jurorId === s.jurors.ana);
    expect(ana).toHaveLength(1);
    expect(ana[0]).toMatchObject({ entryId: s.entries.lamas, basis: 'dre', inForce: true });
    expect(ana[0]?.detail).toBe('Afiliado a DRE San Martín, la DRE/GRE de la que depende UGEL Lamas.');

    await app.call('jurors.update', { id: s.jurors.beto, fields: { name: 'Beto Huamán', affiliations: [{ igedId: s.igeds.ugelHuaraz }] } });
    const beto = await app.call('conflicts.list', { editionId: s.editionId, jurorId: s.jurors.beto });
    // The link binds both ways: a UGEL-affiliated juror is in conflict with the DRE/GRE above it.
    expect(beto.map((c) => [c.entryCode, c.basis])).toEqual([['2024-002', 'dre'], ['2024-004', 'iged']]);
    expect(beto.find((c) => c.entryId === s.entries.ancash)?.detail).toBe('Afiliado a UGEL Huaraz, que depende de DRE Áncash, la DRE/GRE que postula.');
    // …and never with a DRE/GRE it does not depend on.
    expect(beto.some((c) => c.entryId === s.entries.cusco)).toBe(false);
  });

  it('applies the region rule only when the edition turns it on, and rules can be turned off', async () => {
    const before = await app.call('conflicts.list', { editionId: s.editionId, jurorId: s.jurors.carla });
    expect(before).toEqual([]);
    await app.call('jury.settings.update', { editionId: s.editionId, fields: rules({ sameRegion: true }) });
    const carla = await app.call('conflicts.list', { editionId: s.editionId, jurorId: s.jurors.carla });
    expect(carla.map((c) => c.entryCode).sort()).toEqual(['2024-003', '2024-005']);
    expect(carla[0]?.basis).toBe('region');
    // Ana (DRE San Martín) now also conflicts with the region's entries through her IGED.
    const ana = await app.call('conflicts.list', { editionId: s.editionId, jurorId: s.jurors.ana });
    expect(ana.map((c) => c.basis).sort()).toEqual(['dre', 'region']);

    await app.call('jury.settings.update', { editionId: s.editionId, fields: rules({ parentDre: false, sameRegion: false }) });
    expect(await app.call('conflicts.list', { editionId: s.editionId, jurorId: s.jurors.ana })).toEqual([]);
  });

  it('records declared conflicts and dismissals with their reasons, and a conflicted juror is never assigned', async () => {
    await generalPanel(app, s);
    const declared = await app.call('conflicts.declare', { jurorId: s.jurors.dario, entryId: s.entries.cusco, reason: 'Fui asesor del proyecto en 2022.' });
    expect(declared).toMatchObject({ basis: 'declared', declaredReason: 'Fui asesor del proyecto en 2022.', inForce: true });

    const refused = await app.fail('assignments.add', { stageId: s.evaluation, jurorId: s.jurors.ana, entryId: s.entries.lamas });
    expect(refused.message).toBe('«Ana Quispe» tiene un conflicto de interés con la postulación 2024-001: no puede evaluarla.');

    const noReason = await app.fail('conflicts.dismiss', { id: declared.id, reason: '  ' });
    expect(noReason.message).toMatch(/obligatorio/);
    const dismissed = await app.call('conflicts.dismiss', { id: declared.id, reason: 'La asesoría terminó hace dos años; lo aprueba el comité.' });
    expect(dismissed).toMatchObject({ inForce: false, dismissedReason: 'La asesoría terminó hace dos años; lo aprueba el comité.' });
    await app.call('assignments.add', { stageId: s.evaluation, jurorId: s.jurors.dario, entryId: s.entries.cusco });

    const audit = await app.call('audit.list', { editionId: s.editionId });
    // newest first; before them, the edition's set-up (jurors, criteria, panel…) is recorded too
    expect(audit.rows.slice(0, 3).map((r) => r.action)).toEqual(['assignment.add', 'conflict.dismiss', 'conflict.declare']);
    expect(audit.rows[1]?.reason).toMatch(/comité/);

    const plan = await app.call('assignments.plan', { stageId: s.evaluation, jurorsPerEntry: 2, seed: 7 });
    expect(plan.additions.some((a) => a.jurorId === s.jurors.ana && a.entryId === s.entries.lamas)).toBe(false);
  });

  it('reads see a conflict that a later write creates or removes, even one no jury service made (the refresh is skipped only when nothing was written)', async () => {
    await generalPanel(app, s);
    // Ana (DRE San Martín) and two entries outside her DRE: no conflict yet.
    await app.call('assignments.add', { stageId: s.evaluation, jurorId: s.jurors.ana, entryId: s.entries.huaraz });
    await app.call('assignments.add', { stageId: s.evaluation, jurorId: s.jurors.ana, entryId: s.entries.ancash });
    const gridCodes = async () => (await app.call('scores.grid', { stageId: s.evaluation, jurorId: s.jurors.ana })).rows.map((r) => r.code);
    expect(await gridCodes()).toEqual(['2024-002', '2024-004']);
    expect(await gridCodes()).toEqual(['2024-002', '2024-004']); // read again, nothing written: same

    // An entry moved under a UGEL of her DRE by the entries service (which knows nothing of conflicts).
    const huaraz = { code: '2024-004', title: 'Acompañamiento pedagógico en Huaraz', categoryId: s.catB };
    await app.call('entries.update', { id: s.entries.huaraz, fields: { ...huaraz, igedId: s.igeds.ugelLamas } });
    expect(await gridCodes()).toEqual(['2024-002']);
    expect((await app.call('scores.worklist', { stageId: s.evaluation, jurorId: s.jurors.ana })).items.map((i) => i.code)).toEqual(['2024-002']);

    // Another connection to the same file (another process) makes the other entry hers.
    const other = new Database(app.dbPath);
    try {
      other.prepare(`UPDATE entry SET iged_id = ? WHERE id = ?`).run(s.igeds.dreSanMartin, s.entries.ancash);
    } finally {
      other.close();
    }
    expect(await gridCodes()).toEqual([]);

    // Moved back: the conflict is gone and the entry shows again.
    await app.call('entries.update', { id: s.entries.huaraz, fields: { ...huaraz, igedId: s.igeds.ugelHuaraz } });
    expect(await gridCodes()).toEqual(['2024-004']);
  });

  it('a conflict arising after assignment hides the entry from the juror', async () => {
    await generalPanel(app, s);
    await app.call('assignments.add', { stageId: s.evaluation, jurorId: s.jurors.carla, entryId: s.entries.cusco });
    await app.call('jury.settings.update', { editionId: s.editionId, fields: rules({ sameRegion: true }) });
    const list = await app.call('scores.worklist', { stageId: s.evaluation, jurorId: s.jurors.carla });
    expect(list.items).toEqual([]);
    expect((await app.call('scores.grid', { stageId: s.evaluation, jurorId: s.jurors.carla })).rows).toEqual([]);
    const sheet = await app.fail('scores.sheet', { stageId: s.evaluation, jurorId: s.jurors.carla, entryId: s.entries.cusco });
    expect(sheet.code).toBe('jury.conflict.blocksAssignment');
    const loads = await app.call('assignments.list', { stageId: s.evaluation });
    expect(loads[0]).toMatchObject({ conflicted: true });
  });
});
