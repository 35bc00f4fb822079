import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { up as auditKeyed } from '../../../electron/db/migrations/005-audit-keyed';
import { canonicalRow, type AuditRow } from '../../../electron/services/jury/audit/chain';
import { keyDirFor } from '../../../electron/services/jury/audit/key';
import { openTestApp, tempDir, type TestApp } from '../../support/services';
import { zipEntryText } from '../../support/zip';
import { buildScenario, generalPanel, type Scenario } from './scenario';

/** Visible text of the acta's body. */
const actaText = async (app: TestApp, s: Scenario) => {
  const file = await app.call('results.exportActa', { editionId: s.editionId, stageId: s.evaluation });
  return (await zipEntryText(Buffer.from(file.dataBase64, 'base64'), 'word/document.xml')).replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
};

/** What someone with the .db file and a SQLite tool (but not the app's key) can do: rewrite rows and chain them again with SHA-256. */
function rechainWithoutKey(db: Database.Database): void {
  db.exec(`DROP TRIGGER IF EXISTS audit_log_no_update`);
  const rows = db.prepare(`SELECT * FROM audit_log ORDER BY id`).all() as AuditRow[];
  db.prepare(`UPDATE audit_log SET hash = 'x' || id`).run();
  let previous = '0'.repeat(64);
  for (const row of rows) {
    const { hash: _hash, ...rest } = row;
    const next = createHash('sha256').update(previous).update(canonicalRow({ ...rest, prev_hash: previous })).digest('hex');
    db.prepare(`UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?`).run(previous, next, row.id);
    previous = next;
  }
}

/** The columns and table of the migration that records devices, gone (as in a file written before it). */
function undoWhoAndConflicts(db: Database.Database): void {
  const added: Record<string, string[]> = {
    audit_log: ['format', 'device_id', 'device_name', 'device_role'],
    encuentro_contribution: ['editor'],
    encuentro_contribution_version: ['actor_device_id', 'actor_name', 'actor_role', 'conflict'],
    encuentro_attendee: ['registered_device_id', 'registered_name', 'registered_role', 'checked_in_device_id', 'checked_in_name', 'checked_in_role'],
    encuentro_synthesis_status_log: ['actor_device_id', 'actor_name', 'actor_role'],
    encuentro_synthesis_item: ['editor'],
    encuentro_summary_item: ['editor'],
  };
  for (const [table, columns] of Object.entries(added)) {
    const present = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
    for (const column of columns) if (present.has(column)) db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
  }
  db.exec(`DROP TABLE IF EXISTS encuentro_item_conflict`);
}

describe('keyed audit chain', () => {
  let app: TestApp;
  let s: Scenario;
  const key = () => ({ stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.ancash });
  const others: TestApp[] = [];

  beforeEach(async () => {
    app = await openTestApp();
    s = await buildScenario(app);
    await generalPanel(app, s);
    await app.call('assignments.add', key());
    await app.call('scores.set', { ...key(), criterionId: s.criteria.innovacion, value: 3 });
    await app.call('scores.set', { ...key(), criterionId: s.criteria.resultados, value: 7 });
    await app.call('scores.set', { ...key(), criterionId: s.criteria.sostenibilidad, value: 4 });
    await app.call('sheets.submit', key());
  });
  afterEach(() => {
    for (const other of others.splice(0)) other.close();
    app.close();
  });

  /** Closes the app, lets `edit` work on the file with a raw connection, and opens the app again on it. */
  async function editFileThenReopen(edit: (db: Database.Database) => void): Promise<TestApp> {
    app.services.close();
    const raw = new Database(app.dbPath);
    edit(raw);
    raw.close();
    const reopened = await openTestApp({ dbPath: app.dbPath });
    others.push(reopened);
    return reopened;
  }

  it('a score edited directly in the database file is detected, and the acta says so', async () => {
    expect(await app.call('audit.verify', {})).toMatchObject({ ok: true });
    const again = await editFileThenReopen((db) => db.prepare(`UPDATE score SET value = 4 WHERE juror_id = ? AND criterion_id = ?`).run(s.jurors.beto, s.criteria.innovacion));
    const verdict = await again.call('audit.verify', {});
    expect(verdict).toMatchObject({
      ok: false,
      problem: 'score',
      message: 'El puntaje de Beto Huamán para 2024-002 en «Innovación» no coincide con el registro de auditoría: se cambió fuera de la aplicación.',
    });
    expect(await actaText(again, s)).toContain('Registro de auditoría no verificado: El puntaje de Beto Huamán para 2024-002 en «Innovación» no coincide');
  });

  it('a score and its audit row edited and re-chained without the key are detected: «Cadena rota en el registro n.º N»', async () => {
    let first = 0;
    const again = await editFileThenReopen((db) => {
      db.prepare(`UPDATE score SET value = 4 WHERE juror_id = ? AND criterion_id = ?`).run(s.jurors.beto, s.criteria.innovacion);
      const row = db.prepare(`SELECT id FROM audit_log WHERE action = 'score.set' AND criterion_id = ? ORDER BY id DESC LIMIT 1`).get(s.criteria.innovacion) as { id: number };
      db.exec(`DROP TRIGGER audit_log_no_update`);
      db.prepare(`UPDATE audit_log SET new_value = '{"comment":"","value":4}' WHERE id = ?`).run(row.id);
      rechainWithoutKey(db);
      first = (db.prepare(`SELECT min(id) AS id FROM audit_log`).get() as { id: number }).id;
    });
    const verdict = await again.call('audit.verify', {});
    // The very first row already fails: its hash is not the keyed one.
    expect(verdict).toMatchObject({ ok: false, problem: 'hash', brokenAtId: first });
    expect(await actaText(again, s)).toContain(`Cadena rota en el registro n.º ${first}`);
    const results = await again.call('results.exportWorkbook', { editionId: s.editionId, stageId: s.evaluation });
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(results.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(JSON.stringify(workbook.getWorksheet('Resumen')?.getSheetValues())).toContain(`Cadena rota en el registro n.º ${first}`);
  });

  it('the key is not in the database file: a copy without it cannot verify nor record, until the exported key is imported', async () => {
    const copy = tempDir();
    try {
      await app.call('backups.create', {});
      app.services.context.db().pragma('wal_checkpoint(TRUNCATE)');
      const moved = path.join(copy.dir, 'otra-laptop.db');
      fs.copyFileSync(app.dbPath, moved);
      const other = await openTestApp({ dbPath: moved });
      others.push(other);
      const verdict = await other.call('audit.verify', {});
      expect(verdict).toMatchObject({ ok: false, problem: 'key', brokenAtId: null });
      expect(verdict.ok ? '' : verdict.message).toMatch(/^Esta computadora no tiene la clave del registro de auditoría de esta base de datos/);
      expect(await other.call('audit.keyStatus', {})).toMatchObject({ present: false });
      const refused = await other.fail('sheets.reopen', { ...key(), reason: 'Corrección' });
      expect(refused.code).toBe('jury.audit.keyMissing');
      expect((await other.call('scores.sheet', key())).status).toBe('submitted');

      // A key from another database is refused; this database's key is accepted.
      const stranger = await openTestApp();
      others.push(stranger);
      const wrong = await stranger.call('audit.exportKey', {});
      expect((await other.fail('audit.importKey', { fileName: wrong.fileName, dataBase64: wrong.dataBase64 })).message).toBe(
        'Esa clave pertenece a otra base de datos, no a la que está abierta.',
      );
      expect((await other.fail('audit.importKey', { fileName: 'x.json', dataBase64: Buffer.from('hola').toString('base64') })).message).toBe(
        'El archivo no es una clave del registro de auditoría de esta aplicación.',
      );
      const exported = await app.call('audit.exportKey', {});
      expect(exported.fileName).toMatch(/^clave-registro-[0-9a-f]{8}\.json$/);
      expect(await other.call('audit.importKey', { fileName: exported.fileName, dataBase64: exported.dataBase64 })).toMatchObject({ ok: true });
      await other.call('sheets.reopen', { ...key(), reason: 'Corrección' });
      expect(await other.call('audit.verify', {})).toMatchObject({ ok: true });
    } finally {
      copy.cleanup();
    }
  });

  /**
   * The schema version before the keying migration, without what later migrations created (the
   * app runs them again on opening): 006 only adds rows it skips when present; 007's and 008's tables go.
   */
  const toVersionBeforeKeying = (db: Database.Database) => {
    db.exec(`DROP TABLE IF EXISTS encuentro_narrative; DROP TABLE IF EXISTS sede_invitation; DROP TABLE IF EXISTS sede_device`);
    undoWhoAndConflicts(db);
    db.pragma(`user_version = ${MIGRATIONS.indexOf(auditKeyed)}`);
  };

  /** Turns the file back into what a version before the keyed chain wrote: plain hashes, no key record, schema before the keying migration, no key folder. */
  const makeLegacy = (db: Database.Database) => {
    // The rows take the shape an older version wrote (no device columns) before they are chained again.
    undoWhoAndConflicts(db);
    rechainWithoutKey(db);
    db.prepare(`DELETE FROM app_meta WHERE key LIKE 'audit.%'`).run();
    db.exec(`DROP INDEX audit_log_score`);
    toVersionBeforeKeying(db);
    fs.rmSync(keyDirFor(app.dbPath), { recursive: true, force: true });
  };

  it('a chain written before the key is sealed with it when intact, during the upgrade; a broken one keeps reporting where it broke', async () => {
    const sealed = await editFileThenReopen(makeLegacy);
    expect(await sealed.call('audit.verify', {})).toMatchObject({ ok: true });
    const row = sealed.services.context.db().prepare(`SELECT * FROM audit_log ORDER BY id LIMIT 1`).get() as AuditRow;
    const { hash, ...rest } = row;
    expect(createHash('sha256').update(row.prev_hash).update(canonicalRow(rest)).digest('hex')).not.toBe(hash);
    sealed.services.close();

    const raw = new Database(app.dbPath);
    makeLegacy(raw);
    raw.exec(`DROP TRIGGER IF EXISTS audit_log_no_update`);
    const edited = (raw.prepare(`SELECT id FROM audit_log WHERE action = 'score.set' ORDER BY id LIMIT 1`).get() as { id: number }).id;
    raw.prepare(`UPDATE audit_log SET reason = 'alterado' WHERE id = ?`).run(edited);
    raw.close();
    const broken = await openTestApp({ dbPath: app.dbPath });
    others.push(broken);
    expect(await broken.call('audit.verify', {})).toMatchObject({ ok: false, problem: 'hash', brokenAtId: edited });
    // New changes are still recorded, keyed, after the old rows.
    await broken.call('sheets.reopen', { ...key(), reason: 'Corrección' });
    expect(await broken.call('audit.verify', {})).toMatchObject({ ok: false, brokenAtId: edited });
  });

  it('an edited chain re-hashed without the key and stripped of its key record is not re-sealed: «clave reemplazada»', async () => {
    const removedMessage = /^Clave reemplazada o registro sin clave/;
    const launder = (db: Database.Database) => {
      db.prepare(`UPDATE score SET value = 4 WHERE juror_id = ? AND criterion_id = ?`).run(s.jurors.beto, s.criteria.innovacion);
      const row = db.prepare(`SELECT id FROM audit_log WHERE action = 'score.set' AND criterion_id = ? ORDER BY id DESC LIMIT 1`).get(s.criteria.innovacion) as { id: number };
      db.exec(`DROP TRIGGER audit_log_no_update`);
      db.prepare(`UPDATE audit_log SET new_value = '{"comment":"","value":4}' WHERE id = ?`).run(row.id);
      rechainWithoutKey(db);
      db.prepare(`DELETE FROM app_meta WHERE key LIKE 'audit.%'`).run();
    };
    const again = await editFileThenReopen(launder);
    const verdict = await again.call('audit.verify', {});
    expect(verdict).toMatchObject({ ok: false, problem: 'key' });
    expect(verdict.ok ? '' : verdict.message).toMatch(removedMessage);
    expect(await actaText(again, s)).toContain('Registro de auditoría no verificado: Clave reemplazada o registro sin clave');
    // Nothing was re-sealed, and reopening again does not change that.
    again.services.close();
    const third = await openTestApp({ dbPath: app.dbPath });
    others.push(third);
    const later = await third.call('audit.verify', {});
    expect(later.ok ? '' : later.message).toMatch(removedMessage);

    // Even at the old schema version, a key folder that already holds a key of this database means it was keyed before.
    third.services.close();
    const raw = new Database(app.dbPath);
    raw.exec(`DROP INDEX audit_log_score`);
    toVersionBeforeKeying(raw);
    raw.close();
    const fourth = await openTestApp({ dbPath: app.dbPath });
    others.push(fourth);
    const downgraded = await fourth.call('audit.verify', {});
    expect(downgraded.ok ? '' : downgraded.message).toMatch(removedMessage);
  });

  describe('edits outside the scores', () => {
    const newJuror = { name: 'Nueva Jurado', institution: 'MINEDU', cargo: 'Especialista', affiliations: [] };
    const configMessage = /^La configuración de la edición .* cambió fuera de la aplicación/;
    const edits: Array<[string, (db: Database.Database) => void]> = [
      ['a criterion weight', (db) => db.prepare(`UPDATE criterion SET weight = 90 WHERE id = ?`).run(s.criteria.innovacion)],
      ['a criterion scale', (db) => db.prepare(`UPDATE criterion SET scale_max = scale_max + 10 WHERE id = ?`).run(s.criteria.resultados)],
      ['a stage reopened', (db) => db.prepare(`UPDATE stage_jury_state SET closed_at = NULL`).run()],
      ['a consolidation rule', (db) => db.prepare(`UPDATE jury_settings SET consolidation_method = 'median'`).run()],
      ['an assignment removed', (db) => db.prepare(`DELETE FROM assignment WHERE juror_id = ? AND entry_id = ?`).run(s.jurors.beto, s.entries.ancash)],
      ['the digest itself deleted', (db) => db.prepare(`DELETE FROM app_meta WHERE key = 'audit.configDigest'`).run()],
    ];
    for (const [what, edit] of edits) {
      it(`${what}, changed with a SQLite tool, is reported`, async () => {
        await app.call('jury.settings.get', { editionId: s.editionId });
        await app.call('juryStages.close', { stageId: s.evaluation, reason: 'Fin de la evaluación' });
        expect(await app.call('audit.verify', {})).toMatchObject({ ok: true });
        const again = await editFileThenReopen(edit);
        const verdict = await again.call('audit.verify', {});
        expect(verdict).toMatchObject({ ok: false, problem: 'config' });
        expect(verdict.ok ? '' : verdict.message).toMatch(configMessage);
        // A later change in the app does not re-seal what was changed outside it.
        await again.call('jurors.create', { editionId: s.editionId, fields: newJuror });
        expect(await again.call('audit.verify', {})).toMatchObject({ ok: false, problem: 'config' });
      });
    }

    it('changes made in the app keep the configuration verified', async () => {
      // A read that creates the default rules row, audited changes, and a write outside the jury that touches no configuration.
      await app.call('jury.settings.get', { editionId: s.editionId });
      await app.call('jurors.create', { editionId: s.editionId, fields: newJuror });
      await app.call('juryStages.close', { stageId: s.evaluation, reason: 'Fin de la evaluación' });
      await app.call('juryStages.reopen', { stageId: s.evaluation, reason: 'Corrección' });
      await app.call('assignments.add', { stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.lamas });
      await app.call('entries.delete', { id: s.entries.cusco2 });
      expect(await app.call('audit.verify', {})).toMatchObject({ ok: true });
      app.services.close();
      const again = await openTestApp({ dbPath: app.dbPath });
      others.push(again);
      expect(await again.call('audit.verify', {})).toMatchObject({ ok: true });
    });
  });

  describe('sheets, jurors and entries changed outside the app', () => {
    const sheetMessage = 'El estado de la ficha de Beto Huamán para 2024-002 (enviada, abstención o inhibición) no coincide con el registro de auditoría: se cambió fuera de la aplicación.';

    it('a counted sheet turned into an abstention in the file is reported', async () => {
      const again = await editFileThenReopen((db) => db.prepare(`UPDATE score_sheet SET abstention = 'abstain', abstention_reason = 'x' WHERE juror_id = ?`).run(s.jurors.beto));
      expect(await again.call('audit.verify', {})).toMatchObject({ ok: false, problem: 'sheet', message: sheetMessage });
    });

    it('a sent sheet un-sent in the file is reported', async () => {
      const again = await editFileThenReopen((db) => db.prepare(`UPDATE score_sheet SET submitted_at = NULL WHERE juror_id = ?`).run(s.jurors.beto));
      expect(await again.call('audit.verify', {})).toMatchObject({ ok: false, problem: 'sheet', message: sheetMessage });
    });

    it('abstaining, clearing it, reopening and sending again in the app keep the sheets verified', async () => {
      await app.call('sheets.reopen', { ...key(), reason: 'Corrección' });
      await app.call('sheets.abstain', { ...key(), kind: 'abstain', reason: 'Conozco al equipo', enteredBy: 'organizer' });
      expect(await app.call('audit.verify', {})).toMatchObject({ ok: true });
      await app.call('sheets.reopen', { ...key(), reason: 'Se equivocó de ficha' });
      expect(await app.call('audit.verify', {})).toMatchObject({ ok: true });
      await app.call('sheets.clearAbstention', { ...key(), enteredBy: 'organizer' });
      await app.call('sheets.submit', { ...key(), enteredBy: 'organizer' });
      expect(await app.call('audit.verify', {})).toMatchObject({ ok: true });
    });

    it('an entry with scores deleted in the file (its scores and sheets go with it) is reported', async () => {
      const again = await editFileThenReopen((db) => {
        db.pragma('foreign_keys = ON');
        db.prepare(`DELETE FROM entry WHERE id = ?`).run(s.entries.ancash);
      });
      const verdict = await again.call('audit.verify', {});
      expect(verdict).toMatchObject({ ok: false, problem: 'sheet' });
      expect(verdict.ok ? '' : verdict.message).toMatch(new RegExp(`^La postulación n\\.º ${s.entries.ancash} tenía puntajes en el registro de auditoría y ya no existe`));
    });

    it('a juror with scores deleted in the file is reported', async () => {
      const again = await editFileThenReopen((db) => {
        db.pragma('foreign_keys = ON');
        db.prepare(`DELETE FROM juror WHERE id = ?`).run(s.jurors.beto);
        // Even with the configuration digest's record removed too, the deletion itself is named.
      });
      const verdict = await again.call('audit.verify', {});
      expect(verdict.ok ? '' : verdict.message).toMatch(new RegExp(`^El jurado n\\.º ${s.jurors.beto} tenía puntajes`));
    });

    it('an entry with scores deleted in the app keeps the chain verified', async () => {
      await app.call('sheets.reopen', { ...key(), reason: 'Corrección' });
      await app.call('entries.delete', { id: s.entries.ancash });
      expect(await app.call('audit.verify', {})).toMatchObject({ ok: true });
    });
  });

  it('a lost key: «Iniciar una clave nueva» records the old final hash and the reason, and the chain goes on from there', async () => {
    const oldHead = (app.services.context.db().prepare(`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { id: number; hash: string });
    // The laptop died: only the .db survives, without its key folder.
    app.services.context.db().pragma('wal_checkpoint(TRUNCATE)');
    const lost = await editFileThenReopen(() => fs.rmSync(keyDirFor(app.dbPath), { recursive: true, force: true }));
    expect((await lost.fail('sheets.reopen', { ...key(), reason: 'Corrección' })).code).toBe('jury.audit.keyMissing');
    expect((await lost.fail('audit.restartKey', { reason: '' })).code).toBe('error.validation');

    const restarted = await lost.call('audit.restartKey', { reason: 'La laptop del jurado se dañó; solo quedó la copia de seguridad' });
    expect(restarted).toMatchObject({ ok: true, restartedAt: oldHead.id + 1 });
    const marker = (await lost.call('audit.list', { action: 'audit.keyRestart', limit: 5, offset: 0 })).rows[0];
    expect(marker).toMatchObject({ action: 'audit.keyRestart', actionLabel: 'Cadena reiniciada con una clave nueva', reason: 'La laptop del jurado se dañó; solo quedó la copia de seguridad' });
    expect(lost.services.context.db().prepare(`SELECT old_value AS v FROM audit_log WHERE id = ?`).get(oldHead.id + 1)).toEqual({ v: JSON.stringify({ finalHash: oldHead.hash, rows: oldHead.id }) });
    expect((await lost.fail('audit.restartKey', { reason: 'otra vez' })).message).toBe('Esta computadora tiene la clave del registro de auditoría: no hace falta iniciar una clave nueva.');

    // New changes are keyed with the new key; the acta says where the chain restarted.
    await lost.call('sheets.reopen', { ...key(), reason: 'Corrección' });
    expect(await lost.call('audit.verify', {})).toMatchObject({ ok: true, restartedAt: oldHead.id + 1 });
    expect(await actaText(lost, s)).toContain(`La cadena se reinició con una clave nueva en el registro n.º ${oldHead.id + 1}: los registros anteriores no son verificables con esta clave.`);

    // Rows after the restart are still protected: edit one and the chain breaks there.
    lost.services.close();
    const raw = new Database(app.dbPath);
    raw.exec(`DROP TRIGGER audit_log_no_update`);
    raw.prepare(`UPDATE audit_log SET reason = 'otro motivo' WHERE id = ?`).run(oldHead.id + 2);
    raw.close();
    const reopened = await openTestApp({ dbPath: app.dbPath });
    others.push(reopened);
    expect(await reopened.call('audit.verify', {})).toMatchObject({ ok: false, problem: 'hash', brokenAtId: oldHead.id + 2 });
  });
});
