import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callAs, deviceActor } from '../../support/actors';
import { openTestApp, type TestApp } from '../../support/services';
import { rowHash } from '../../../electron/services/jury/audit/chain';
import { keyringOf } from '../../../electron/services/jury/audit/key';
import { zipEntryText } from '../../support/zip';
import { buildScenario, generalPanel, type Scenario } from '../jury/scenario';

const mesa1 = deviceActor(41, 'Mesa 1');

describe('the audit trail records the device behind each change', () => {
  let app: TestApp;
  let s: Scenario;
  const others: TestApp[] = [];
  const key = () => ({ stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.ancash });

  beforeEach(async () => {
    app = await openTestApp();
    s = await buildScenario(app);
    await generalPanel(app, s);
    await app.call('assignments.add', key());
    await app.call('scores.set', { ...key(), criterionId: s.criteria.innovacion, value: 3 });
    await callAs(app, mesa1, 'scores.set', { ...key(), criterionId: s.criteria.resultados, value: 7 });
  });
  afterEach(() => {
    for (const other of others.splice(0)) other.close();
    app.close();
  });

  it('stores the device and shows it as «Registrado por»: the organizer computer or the device name', async () => {
    const { rows } = await app.call('audit.list', { limit: 50, offset: 0 });
    const byCriterion = (criterionId: number) => rows.find((r) => r.action === 'score.set' && r.criterionId === criterionId)!;
    expect(byCriterion(s.criteria.resultados)).toMatchObject({ device: { deviceId: 41, name: 'Mesa 1', role: 'organizer' }, recordedBy: 'Mesa 1' });
    expect(byCriterion(s.criteria.innovacion)).toMatchObject({
      device: { deviceId: null, name: null, role: 'organizer' },
      recordedBy: 'Organización (computadora de la sede)',
    });
    expect(await app.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('a device name changed in the file breaks the chain at that row', async () => {
    const id = (app.services.context.db().prepare(`SELECT id FROM audit_log WHERE device_name = 'Mesa 1'`).get() as { id: number }).id;
    app.services.close();
    const raw = new Database(app.dbPath);
    raw.exec(`DROP TRIGGER audit_log_no_update`);
    raw.prepare(`UPDATE audit_log SET device_name = 'Mesa 2' WHERE id = ?`).run(id);
    raw.close();
    const again = await openTestApp({ dbPath: app.dbPath });
    others.push(again);
    expect(await again.call('audit.verify', {})).toMatchObject({ ok: false, problem: 'hash', brokenAtId: id });
  });

  it('rows written before devices were recorded (first format) still verify beside new ones', async () => {
    // A row exactly as the version before devices wrote it: no device columns in its keyed hash, format NULL.
    const db = app.services.context.db();
    const key = keyringOf(db)!.key!;
    const last = db.prepare(`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { id: number; hash: string };
    const legacy = {
      id: last.id + 1, at: new Date().toISOString(), actor: 'organizer', action: 'stage.reopen', edition_id: null, stage_id: s.evaluation,
      juror_id: null, entry_id: null, criterion_id: null, old_value: null, new_value: null, reason: 'antes', prev_hash: last.hash,
    };
    db.prepare(
      `INSERT INTO audit_log (id, at, actor, action, edition_id, stage_id, juror_id, entry_id, criterion_id, old_value, new_value, reason, prev_hash, hash)
       VALUES (@id, @at, @actor, @action, @edition_id, @stage_id, @juror_id, @entry_id, @criterion_id, @old_value, @new_value, @reason, @prev_hash, @hash)`,
    ).run({ ...legacy, hash: rowHash(legacy, key) });
    await callAs(app, mesa1, 'scores.set', { stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.ancash, criterionId: s.criteria.sostenibilidad, value: 2 });
    expect(await app.call('audit.verify', {})).toMatchObject({ ok: true });
    const { rows } = await app.call('audit.list', { limit: 50, offset: 0 });
    expect(rows.find((r) => r.id === legacy.id)).toMatchObject({ device: null, recordedBy: '' });
  });

  it('the acta says on which device the stage was closed: «registrado por Mesa 1»', async () => {
    await callAs(app, mesa1, 'juryStages.close', { stageId: s.evaluation, reason: 'Fin de la deliberación' });
    const file = await app.call('results.exportActa', { editionId: s.editionId, stageId: s.evaluation });
    const text = (await zipEntryText(Buffer.from(file.dataBase64, 'base64'), 'word/document.xml')).replace(/<[^>]+>/g, '');
    expect(text).toMatch(/La etapa fue cerrada el .* por Organización \(registrado por Mesa 1\)\. Motivo: Fin de la deliberación\./i);
    // The stages screen names the device of the last closing too.
    await callAs(app, mesa1, 'juryStages.reopen', { stageId: s.evaluation, reason: 'Corrección' });
    await callAs(app, mesa1, 'juryStages.close', { stageId: s.evaluation, reason: 'Otra vez' });
    const [overview] = (await app.call('juryStages.list', { editionId: s.editionId })).filter((o) => o.stageId === s.evaluation);
    expect(overview?.closedBy).toBe('Organización (registrado por Mesa 1)');
  });
});
