import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open';
import { openTestApp, sampleEdition, tempDir, type TestApp } from '../../support/services';
import { addEntry, addSheet, addThreeJurors, NOW, seedEdition } from './seed';

/**
 * Organizer side of the jury rules: tie decisions in the hash-chained audit log,
 * consolidation rules stored per edition (migration 004), the readable audit view and the
 * per-edition list of stage states. Totals as in consolidation.test.ts (weights 30/40/30, 0–4).
 */
describe('jury rules, tie decisions and the audit log', () => {
  let app: TestApp;
  let s: Awaited<ReturnType<typeof seedEdition>>;
  let e: Record<'a1' | 'a2' | 'a3' | 'a4', number>;
  let j: Record<'ana' | 'luis' | 'rosa', number>;

  beforeEach(async () => {
    app = await openTestApp();
    s = await seedEdition(app);
    e = {
      a1: await addEntry(app, s.editionId, s.categories.inicio, 'Buen inicio con brigadas'),
      a2: await addEntry(app, s.editionId, s.categories.inicio, 'Matrícula oportuna'),
      a3: await addEntry(app, s.editionId, s.categories.inicio, 'Kits a tiempo'),
      a4: await addEntry(app, s.editionId, s.categories.inicio, 'Escuelas abiertas'),
    };
    const db = app.services.context.db();
    j = addThreeJurors(db, s.editionId);
    const { innovacion: I, resultados: R, sostenibilidad: S } = s.criteria;
    // a1: Ana 30·4 + 40·4 (sostenibilidad left unscored, yet submitted); Luis 300
    addSheet(db, s.stageId, j.ana, e.a1, { [I]: 4, [R]: 4 });
    addSheet(db, s.stageId, j.luis, e.a1, { [I]: 3, [R]: 3, [S]: 3 });
    // a2 and a4 mirror each other (310 / 330 and 330 / 310): a tie only the organizer can break
    addSheet(db, s.stageId, j.ana, e.a2, { [I]: 3, [R]: 4, [S]: 2 });
    addSheet(db, s.stageId, j.luis, e.a2, { [I]: 3, [R]: 3, [S]: 4 });
    addSheet(db, s.stageId, j.ana, e.a4, { [I]: 3, [R]: 3, [S]: 4 });
    addSheet(db, s.stageId, j.luis, e.a4, { [I]: 3, [R]: 4, [S]: 2 });
    // a3: 100, 200, 400 — three jurors
    addSheet(db, s.stageId, j.ana, e.a3, { [I]: 1, [R]: 1, [S]: 1 });
    addSheet(db, s.stageId, j.luis, e.a3, { [I]: 2, [R]: 2, [S]: 2 });
    addSheet(db, s.stageId, j.rosa, e.a3, { [I]: 4, [R]: 4, [S]: 4 });
  });
  afterEach(() => app.close());

  const codeOf = async (id: number) => (await app.call('entries.get', { id })).code;
  const compute = () => app.call('results.compute', { editionId: s.editionId, stageId: s.stageId });
  const meanOrder = async () => (await compute()).result.categories[0]?.rankings.find((r) => r.method === 'mean')?.order;

  it('a tie decision, its replacement and its withdrawal each append one chained audit row with the decision', async () => {
    const [c2, c4] = [await codeOf(e.a2), await codeOf(e.a4)];
    const before = (await app.call('audit.verify', {})) as { rows: number };

    const first = await app.call('results.recordTieDecision', { stageId: s.stageId, orderedEntryIds: [e.a4, e.a2], reason: 'Acuerdo del jurado en sesión del 15/10' });
    expect((await meanOrder())?.slice(0, 2)).toEqual([e.a4, e.a2]);
    const decided = await app.call('audit.list', { stageId: s.stageId, action: 'tie.decide', limit: 10, offset: 0 });
    expect(decided.total).toBe(1);
    expect(decided.rows[0]).toMatchObject({
      actor: 'organizer',
      actorLabel: 'Organización',
      actionLabel: 'Decisión de desempate',
      editionId: s.editionId,
      stageId: s.stageId,
      oldValue: null,
      newValue: { decisionId: first.id, orderedEntryIds: [e.a4, e.a2], entryCodes: [c4, c2] },
      oldText: '',
      newText: `orden: ${c4} > ${c2}`,
      reason: 'Acuerdo del jurado en sesión del 15/10',
    });

    // Changing it: old → new in the log, the replaced decision no longer applies
    const second = await app.call('results.recordTieDecision', { stageId: s.stageId, orderedEntryIds: [e.a2, e.a4], reason: 'Reconsideración: mayor cobertura rural' });
    expect((await meanOrder())?.slice(0, 2)).toEqual([e.a2, e.a4]);
    expect((await app.call('results.tieDecisions', { stageId: s.stageId })).map((d) => d.id)).toEqual([second.id]);
    const changed = (await app.call('audit.list', { stageId: s.stageId, action: 'tie.decide', limit: 10, offset: 0 })).rows[0];
    expect(changed).toMatchObject({ oldText: `orden: ${c4} > ${c2}`, newText: `orden: ${c2} > ${c4}`, reason: 'Reconsideración: mayor cobertura rural' });

    // Withdrawing it: the tie is open again and the log says why
    const noReason = await app.fail('results.revokeTieDecision', { id: second.id, reason: '' });
    expect(noReason.code).toBe('error.validation');
    await app.call('results.revokeTieDecision', { id: second.id, reason: 'Se repetirá la deliberación' });
    expect(await app.call('results.tieDecisions', { stageId: s.stageId })).toEqual([]);
    expect((await compute()).result.unresolvedTies).toBe(true);
    const again = await app.fail('results.revokeTieDecision', { id: second.id, reason: 'otra vez' });
    expect(again.message).toBe('Esa decisión de desempate ya fue retirada.');
    const revoked = await app.call('audit.list', { stageId: s.stageId, action: 'tie.revoke', limit: 10, offset: 0 });
    expect(revoked.rows).toHaveLength(1);
    expect(revoked.rows[0]).toMatchObject({ actionLabel: 'Decisión de desempate retirada', oldText: `orden: ${c2} > ${c4}`, newText: '', reason: 'Se repetirá la deliberación' });

    const verified = await app.call('audit.verify', {});
    expect(verified).toMatchObject({ ok: true, rows: before.rows + 3 });

    // Editing the decision's row in the file is detected at that row
    const db = app.services.context.db();
    db.exec(`DROP TRIGGER audit_log_no_update`);
    db.prepare(`UPDATE audit_log SET reason = 'Sorteo' WHERE id = ?`).run(decided.rows[0]?.id);
    expect(await app.call('audit.verify', {})).toMatchObject({ ok: false, brokenAtId: decided.rows[0]?.id, problem: 'hash' });
  });

  it('a decision whose audit row cannot be written is not stored either (same transaction)', async () => {
    const db = app.services.context.db();
    db.exec(`CREATE TRIGGER refuse_tie_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'tie.decide' BEGIN SELECT RAISE(ABORT, 'disco lleno'); END`);
    await app.fail('results.recordTieDecision', { stageId: s.stageId, orderedEntryIds: [e.a4, e.a2], reason: 'Acuerdo del jurado' });
    expect(await app.call('results.tieDecisions', { stageId: s.stageId })).toEqual([]);
    expect(db.prepare(`SELECT count(*) AS n FROM tie_decision`).get()).toEqual({ n: 0 });
  });

  it('the results workbook’s audit sheet and the acta show the decision with its reason', async () => {
    const [c2, c4] = [await codeOf(e.a2), await codeOf(e.a4)];
    await app.call('results.recordTieDecision', { stageId: s.stageId, orderedEntryIds: [e.a4, e.a2], reason: 'Mayor impacto en zonas rurales' });
    const file = await app.call('results.exportWorkbook', { editionId: s.editionId, stageId: s.stageId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const audit = workbook.getWorksheet('Auditoría') as ExcelJS.Worksheet;
    const rows: string[][] = [];
    audit.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ''))));
    const decision = rows.find((r) => r[3] === 'Decisión de desempate');
    expect(decision).toBeDefined();
    expect(decision?.slice(2, 10)).toEqual(['Organización', 'Decisión de desempate', '', '', '', '', `orden: ${c4} > ${c2}`, 'Mayor impacto en zonas rurales']);
    // readable values for the other actions too, never raw JSON
    expect(rows.slice(1).every((r) => !r[3]?.includes('.') && !r[7]?.startsWith('{') && !r[8]?.startsWith('{'))).toBe(true);

    const acta = await app.call('results.exportActa', { editionId: s.editionId, stageId: s.stageId });
    const text = Buffer.from(acta.dataBase64, 'base64');
    const { default: yauzl } = await import('yauzl');
    const xml = await new Promise<string>((resolve, reject) =>
      yauzl.fromBuffer(text, { lazyEntries: true }, (err, zip) => {
        if (err || !zip) return reject(err ?? new Error('zip'));
        zip.on('entry', (entry: { fileName: string }) => {
          if (entry.fileName !== 'word/document.xml') return zip.readEntry();
          zip.openReadStream(entry as never, (error, stream) => {
            if (error || !stream) return reject(error ?? new Error('stream'));
            const chunks: Buffer[] = [];
            stream.on('data', (c: Buffer) => chunks.push(c));
            stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          });
        });
        zip.readEntry();
      }),
    );
    const plain = xml.replace(/<[^>]+>/g, '');
    expect(plain).toContain(`${c4} queda por encima de ${c2} (empate en 320): decisión registrada de la organización (Mayor impacto en zonas rurales).`);
    expect(plain).toContain('se calcula con al menos 5 jurados; primeros puestos comparados entre métodos: 3');
  });

  it('stores the consolidation rules per edition, refuses bad values in Spanish, and consolidation uses them', async () => {
    const defaults = await app.call('jury.settings.get', { editionId: s.editionId });
    expect(defaults).toMatchObject({ missingRule: 'incomplete', rescaleMinCoverage: 0.5, trimmedMinJurors: 5, topPlaces: 3, disagreementThreshold: 0.25 });
    const { updatedAt: _u, editionId: _e, ...fields } = defaults;

    let report = await compute();
    const a1 = () => report.result.entries.find((x) => x.entryId === e.a1);
    const a3 = () => report.result.entries.find((x) => x.entryId === e.a3);
    expect(a1()?.counted).toBe(1); // Ana's sheet is incomplete and left out
    expect(a3()?.values.trimmed).toBeNull(); // 3 jurors < 5

    for (const [bad, message] of [
      [{ trimmedMinJurors: 2 }, 'La media recortada necesita entre 3 y 50 jurados como mínimo.'],
      [{ topPlaces: 0 }, 'Los primeros puestos a comparar deben ser entre 1 y 50.'],
      [{ rescaleMinCoverage: 1.5 }, 'La cobertura mínima para reescalar es una fracción mayor que 0 y hasta 1.'],
    ] as const) {
      const refused = await app.fail('jury.settings.update', { editionId: s.editionId, fields: { ...fields, ...bad } });
      expect(refused.code).toBe('error.validation');
      expect(JSON.stringify(refused)).toContain(message);
    }
    expect(await app.call('jury.settings.get', { editionId: s.editionId })).toEqual(defaults);

    await app.call('jury.settings.update', {
      editionId: s.editionId,
      fields: { ...fields, missingRule: 'rescale', rescaleMinCoverage: 0.6, trimmedMinJurors: 3, topPlaces: 1, tieBreakChain: [{ kind: 'higherMean' }, { kind: 'organizerDecision' }] },
    });
    const saved = await app.call('jury.settings.get', { editionId: s.editionId });
    expect(saved).toMatchObject({ missingRule: 'rescale', rescaleMinCoverage: 0.6, trimmedMinJurors: 3, topPlaces: 1, tieBreakChain: [{ kind: 'higherMean' }, { kind: 'organizerDecision' }] });

    report = await compute();
    expect(report.result.options).toMatchObject({ missingRule: 'rescale', rescaleMinCoverage: 0.6, trimmedMinJurors: 3, topPlaces: 1, tieBreak: [{ kind: 'higherMean' }, { kind: 'organizerDecision' }] });
    // Ana's a1 covers 280 of 400 (70 % ≥ 60 %): rescaled to 400; with Luis's 300 the mean is 350
    expect(a1()).toMatchObject({ counted: 2, values: { mean: 350 } });
    // a3 has 3 jurors = the stored minimum: trimmed mean drops 100 and 400, leaving 200
    expect(a3()?.values.trimmed).toBe(200);

    // Coverage above what a1 has: Ana's sheet is incomplete again
    await app.call('jury.settings.update', { editionId: s.editionId, fields: { ...fields, missingRule: 'rescale', rescaleMinCoverage: 0.8 } });
    report = await compute();
    expect(a1()?.counted).toBe(1);
  });

  it('lists every stage of the edition with its state, who closed it, and the sheets reopened with their reason', async () => {
    const final = (await app.call('stages.create', { editionId: s.editionId, fields: { name: 'Evaluación final', cutoff: null } })).id;
    await app.call('juryStages.close', { stageId: s.stageId, reason: 'Fin del plazo' });
    await app.call('sheets.reopen', { stageId: s.stageId, jurorId: j.luis, entryId: e.a2, reason: 'Error de digitación en Resultados' });
    await app.call('scores.set', { stageId: s.stageId, jurorId: j.luis, entryId: e.a2, criterionId: s.criteria.resultados, value: 4, enteredBy: 'organizer' });

    const list = await app.call('juryStages.list', { editionId: s.editionId });
    expect(list.map((x) => [x.stageName, x.closed])).toEqual([
      ['Evaluación técnica', true],
      ['Evaluación final', false],
    ]);
    expect(list[0]).toMatchObject({ closedAt: expect.any(String), closedBy: 'Organización', closedReason: 'Fin del plazo' });
    expect(list[0]?.reopenedSheets).toEqual([
      { at: expect.any(String), byLabel: 'Organización', jurorName: 'Luis Mamani Condori', entryCode: await codeOf(e.a2), entryTitle: 'Matrícula oportuna', reason: 'Error de digitación en Resultados' },
    ]);
    expect(list[1]).toMatchObject({ stageId: final, closedBy: '', reopenedSheets: [] });

    // The readable audit row of that correction, found through the juror and entry filters
    const rows = (await app.call('audit.list', { stageId: s.stageId, jurorId: j.luis, entryId: e.a2, action: 'score.set', limit: 10, offset: 0 })).rows;
    // newest first: the correction, then the juror's own three scores
    expect(rows.map((r) => r.actor)).toEqual(['organizer', ...Array(3).fill(`juror:${j.luis}`)]);
    expect(rows[0]).toMatchObject({
      actorLabel: 'Organización',
      actionLabel: 'Puntaje',
      jurorName: 'Luis Mamani Condori',
      entryCode: await codeOf(e.a2),
      entryTitle: 'Matrícula oportuna',
      criterionName: 'Resultados',
      oldText: '3',
      newText: '4',
    });
  });
});

describe('migration 004 on an existing database', () => {
  it('adds the rules with their defaults and keeps the stored settings and decisions', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(dir, 'old.db');
      const old = await openDatabase(file, { migrations: MIGRATIONS.slice(0, 3) });
      const editionId = Number(
        old.prepare(`INSERT INTO edition (year, name, name_key, created_at, updated_at) VALUES (2024, ?, 'ix', ?, ?)`).run(sampleEdition.name, NOW, NOW).lastInsertRowid,
      );
      const stageId = Number(old.prepare(`INSERT INTO stage (edition_id, name, name_key, position) VALUES (?, 'Evaluación técnica', 'evaluacion tecnica', 1)`).run(editionId).lastInsertRowid);
      old.prepare(`INSERT INTO jury_settings (edition_id, disagreement_threshold, consolidation_method, updated_at) VALUES (?, 0.4, 'median', ?)`).run(editionId, NOW);
      old.prepare(`INSERT INTO tie_decision (stage_id, category_id, entry_ids, reason, decided_at) VALUES (?, NULL, '[2,1]', 'Acuerdo', ?)`).run(stageId, NOW);
      old.close();

      const app = await openTestApp({ dbPath: file });
      try {
        expect(await app.call('jury.settings.get', { editionId })).toMatchObject({
          disagreementThreshold: 0.4,
          consolidationMethod: 'median',
          missingRule: 'incomplete',
          rescaleMinCoverage: 0.5,
          trimmedMinJurors: 5,
          topPlaces: 3,
        });
        expect(await app.call('results.tieDecisions', { stageId })).toMatchObject([{ orderedEntryIds: [2, 1], reason: 'Acuerdo' }]);
      } finally {
        app.close();
      }
    } finally {
      cleanup();
    }
  });
});
