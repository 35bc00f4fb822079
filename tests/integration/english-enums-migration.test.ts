import path from 'node:path';
import type Database from 'better-sqlite3';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/db/migrations';
import { up as englishEnums } from '../../electron/db/migrations/010-english-enums';
import { openDatabase } from '../../electron/db/open';
import { runAs } from '../../electron/services/actor';
import { setScore } from '../../electron/services/jury/scoring/write';
import type { AuditEntry } from '../../shared/domain/jury-types';
import type { SessionScope } from '../../shared/sede/roles';
import { callAs, freePort, join, makeHub, sessionCookie, VENUE } from '../support/sede';
import { buildScenario, generalPanel, type Scenario } from './jury/scenario';
import { openTestApp, tempDir, type TestApp } from '../support/services';

/**
 * Migration 010 turns the stored Spanish enumerations into English identifiers. It rebuilds
 * tables that are parents of others (ON DELETE CASCADE / RESTRICT): these tests build a database
 * as version 9 left it, with rows in every affected table and every old value, and upgrade it.
 */

const V9 = MIGRATIONS.slice(0, 9);
const AT = '2024-06-01T10:00:00.000Z';

interface V9World {
  scenario: Scenario;
  encuentroId: number;
  salas: { draft: number; review: number; final: number };
  practiceId: number;
}

/** Every table's row count. */
function counts(db: Database.Database): Record<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n]));
}

function schema(db: Database.Database): { type: string; name: string; tbl_name: string; sql: string | null }[] {
  return db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all() as never;
}

const distinct = (db: Database.Database, table: string, column: string): string[] =>
  (db.prepare(`SELECT DISTINCT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL ORDER BY 1`).all() as { v: string }[]).map((r) => r.v);

const FACTOR_LEVELS = ['ugel', 'dre_gre_gr', 'minedu', 'actores_locales'];
const QUESTION_LEVELS = ['ugel', 'dre', 'minedu', 'otros_actores'];
const BLOCKS: [string, string[]][] = [
  ['limitantes', FACTOR_LEVELS],
  ['favorables', FACTOR_LEVELS],
  ['acciones', QUESTION_LEVELS],
  ['condiciones', QUESTION_LEVELS],
];
const SYNTHESIS_LEVELS = ['ugel', 'dre_gr', 'minedu', 'otros_actores'];
const AXES = ['sostenibilidad', 'replica'];

/** Rows with every value version 9 stored, written as version 9 wrote them (plain SQL). */
function seedV9(db: Database.Database, s: Scenario): Omit<V9World, 'scenario'> {
  const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);

  const statuses: [number, string, string][] = [
    [s.entries.lamas, 'pendiente', ''],
    [s.entries.ancash, 'pasa', ''],
    [s.entries.cusco, 'no_pasa', 'Fuera de plazo'],
    [s.entries.huaraz, 'observada', 'Falta anexo'],
  ];
  for (const [entryId, status, reason] of statuses) {
    run(`INSERT INTO entry_stage_status (entry_id, stage_id, status, reason, updated_at) VALUES (?, ?, ?, ?, ?)`, entryId, s.admission, status, reason, AT);
  }

  const encuentroId = run(`INSERT INTO encuentro (edition_id, name, created_at, updated_at) VALUES (?, 'I Encuentro', ?, ?)`, s.editionId, AT, AT);
  const ejeId = run(`INSERT INTO encuentro_eje (encuentro_id, name, position) VALUES (?, 'Inicio del año escolar', 1)`, encuentroId);
  const practiceId = run(
    `INSERT INTO encuentro_practice (encuentro_id, eje_id, entry_id, region, iged_name, title, position) VALUES (?, ?, ?, 'San Martín', 'UGEL Lamas', 'Práctica de Lamas', 1)`,
    encuentroId,
    ejeId,
    s.entries.lamas,
  );
  const panelId = run(`INSERT INTO encuentro_panel (encuentro_id, eje_id, title, position) VALUES (?, ?, 'Panel 1', 1)`, encuentroId, ejeId);
  run(`INSERT INTO encuentro_panel_practice (panel_id, practice_id, position) VALUES (?, ?, 1)`, panelId, practiceId);
  const sala = (name: string, status: string, position: number) =>
    run(`INSERT INTO encuentro_sala (encuentro_id, eje_id, name, synthesis_status, position) VALUES (?, ?, ?, ?, ?)`, encuentroId, ejeId, name, status, position);
  const salas = { draft: sala('Sala 1', 'borrador', 1), review: sala('Sala 2', 'revision', 2), final: sala('Sala 3', 'final', 3) };
  run(`INSERT INTO encuentro_sala_practice (sala_id, practice_id, position) VALUES (?, ?, 1)`, salas.draft, practiceId);

  const contributions: number[] = [];
  let position = 0;
  for (const [block, levels] of BLOCKS) {
    for (const level of levels) {
      const id = run(
        `INSERT INTO encuentro_contribution (encuentro_id, practice_id, sala_id, block, level, text, position, revision, client_key, created_at, updated_at, editor)
         VALUES (?, ?, ?, ?, ?, ?, ?, 2, ?, ?, ?, 'page-1')`,
        encuentroId,
        practiceId,
        salas.draft,
        block,
        level,
        `${block} / ${level}`,
        ++position,
        `key-${position}`,
        AT,
        AT,
      );
      contributions.push(id);
      const version = `INSERT INTO encuentro_contribution_version (contribution_id, revision, text, kind, saved_at, actor_device_id, actor_name, actor_role, conflict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
      run(version, id, 1, `${block}`, 'create', AT, null, null, 'organizador', 0);
      run(version, id, 2, `${block} / ${level}`, 'edit', AT, 7, 'Mesa 1', 'moderador', 0);
    }
  }

  const synthesisItems: number[] = [];
  position = 0;
  for (const level of SYNTHESIS_LEVELS) {
    for (const axis of AXES) {
      const id = run(
        `INSERT INTO encuentro_synthesis_item (sala_id, level, axis, text, position, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
        salas.draft,
        level,
        axis,
        `Síntesis ${level} ${axis}`,
        ++position,
        AT,
        AT,
      );
      synthesisItems.push(id);
      run(`INSERT INTO encuentro_synthesis_source (item_id, contribution_id, position) VALUES (?, ?, 1)`, id, contributions[position - 1]);
    }
  }
  const log = `INSERT INTO encuentro_synthesis_status_log (sala_id, from_status, to_status, reason, at, actor_device_id, actor_name, actor_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
  run(log, salas.review, 'borrador', 'revision', '', AT, 7, 'Mesa 1', 'moderador');
  run(log, salas.final, 'borrador', 'revision', '', AT, null, null, 'organizador');
  run(log, salas.final, 'revision', 'final', '', AT, null, null, 'organizador');

  position = 0;
  for (const level of SYNTHESIS_LEVELS) {
    for (const axis of AXES) {
      const id = run(
        `INSERT INTO encuentro_summary_item (encuentro_id, level, axis, text, position, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
        encuentroId,
        level,
        axis,
        `Resumen ${level} ${axis}`,
        ++position,
        AT,
        AT,
      );
      run(`INSERT INTO encuentro_summary_source (summary_item_id, synthesis_item_id, position) VALUES (?, ?, 1)`, id, synthesisItems[position - 1]);
    }
  }
  run(
    `INSERT INTO encuentro_item_conflict (item_kind, item_id, base_revision, text, actor_device_id, actor_name, actor_role, saved_at) VALUES ('synthesis', ?, 0, 'Texto de la otra pantalla', 7, 'Mesa 1', 'moderador', ?)`,
    synthesisItems[0],
    AT,
  );

  const types = ['dre_gre', 'ugel', 'minedu', 'academia', 'invitado_externo', 'otro'];
  types.forEach((type, i) => {
    run(
      `INSERT INTO encuentro_attendee (encuentro_id, full_name, dni, institution, institution_type, search_key, checked_in_at, created_at, updated_at,
         registered_device_id, registered_name, registered_role, checked_in_device_id, checked_in_name, checked_in_role)
       VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      encuentroId,
      `Asistente ${i + 1}`,
      `1000000${i}`,
      type,
      `asistente ${i + 1}`,
      i % 2 === 0 ? AT : null,
      AT,
      AT,
      i % 2 === 0 ? 8 : null,
      i % 2 === 0 ? 'Puerta' : null,
      i % 2 === 0 ? 'registro' : 'organizador',
      i % 2 === 0 ? 8 : null,
      i % 2 === 0 ? 'Puerta' : null,
      i % 2 === 0 ? 'registro' : null,
    );
  });
  for (const section of ['antecedentes', 'metodologia', 'inauguracion', 'clausura']) {
    run(`INSERT INTO encuentro_narrative (encuentro_id, section, text, updated_at) VALUES (?, ?, ?, ?)`, encuentroId, section, `Texto de ${section}`, AT);
  }
  return { encuentroId, salas, practiceId };
}

/** A database as version 9 left it: jury data written through the services (with its audit chain), the rest as version 9 stored it. */
async function v9Database(dbPath: string): Promise<V9World> {
  const app = await openTestApp({ dbPath, migrations: V9 });
  try {
    const scenario = await buildScenario(app);
    await generalPanel(app, scenario);
    const key = { stageId: scenario.evaluation, jurorId: scenario.jurors.beto, entryId: scenario.entries.ancash };
    await app.call('assignments.add', key);
    await app.call('scores.set', { ...key, criterionId: scenario.criteria.innovacion, value: 3 });
    await app.call('scores.set', { ...key, criterionId: scenario.criteria.resultados, value: 7 });
    await app.call('scores.set', { ...key, criterionId: scenario.criteria.sostenibilidad, value: 4 });
    await app.call('sheets.submit', { ...key, enteredBy: 'juror' });
    const db = app.services.context.db();
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    return { scenario, ...db.transaction(() => seedV9(db, scenario))() };
  } finally {
    app.services.close();
  }
}

describe('migration 010: stored enumerations in English', () => {
  let app: TestApp | undefined;
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    app?.close();
    app = undefined;
    cleanup?.();
    cleanup = undefined;
  });

  it('keeps every row of every table (children of rebuilt parents too), maps every value, and the app reads it all', async () => {
    const folder = tempDir();
    cleanup = folder.cleanup;
    const dbPath = path.join(folder.dir, 'v9.db');
    const world = await v9Database(dbPath);
    const before = await openDatabase(dbPath, { migrations: V9 });
    const rowsBefore = counts(before);
    before.close();
    expect(rowsBefore).toMatchObject({ encuentro_contribution: 16, encuentro_contribution_version: 32, encuentro_synthesis_source: 8, encuentro_summary_source: 8 });
    expect(rowsBefore['audit_log']).toBeGreaterThan(3);
    expect(rowsBefore['iged']).toBeGreaterThan(200);

    app = await openTestApp({ dbPath });
    const db = app.services.context.db();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(counts(db)).toEqual(rowsBefore);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    expect(distinct(db, 'entry_stage_status', 'status')).toEqual(['notPassed', 'observed', 'passed', 'pending']);
    expect(distinct(db, 'iged', 'kind')).toEqual(['dre', 'ugel']);
    expect(distinct(db, 'encuentro_sala', 'synthesis_status')).toEqual(['draft', 'final', 'review']);
    expect(db.prepare(`SELECT block, group_concat(level, ',') AS levels FROM (SELECT block, level, position FROM encuentro_contribution ORDER BY position) GROUP BY block ORDER BY min(position)`).all()).toEqual([
      { block: 'limiting', levels: 'ugel,dreGreGr,minedu,localActors' },
      { block: 'enabling', levels: 'ugel,dreGreGr,minedu,localActors' },
      { block: 'actions', levels: 'ugel,dre,minedu,otherActors' },
      { block: 'conditions', levels: 'ugel,dre,minedu,otherActors' },
    ]);
    for (const table of ['encuentro_synthesis_item', 'encuentro_summary_item']) {
      expect(distinct(db, table, 'level')).toEqual(['dreGr', 'minedu', 'otherActors', 'ugel']);
      expect(distinct(db, table, 'axis')).toEqual(['replication', 'sustainability']);
    }
    expect(distinct(db, 'encuentro_synthesis_status_log', 'from_status')).toEqual(['draft', 'review']);
    expect(distinct(db, 'encuentro_synthesis_status_log', 'to_status')).toEqual(['final', 'review']);
    expect(distinct(db, 'encuentro_attendee', 'institution_type')).toEqual(['academic', 'dreGre', 'externalGuest', 'minedu', 'other', 'ugel']);
    expect(distinct(db, 'encuentro_narrative', 'section')).toEqual(['background', 'closing', 'methodology', 'opening']);
    expect(distinct(db, 'encuentro_contribution_version', 'actor_role')).toEqual(['moderator', 'organizer']);
    expect(distinct(db, 'encuentro_synthesis_status_log', 'actor_role')).toEqual(['moderator', 'organizer']);
    expect(distinct(db, 'encuentro_item_conflict', 'actor_role')).toEqual(['moderator']);
    expect(distinct(db, 'encuentro_attendee', 'registered_role')).toEqual(['checkIn', 'organizer']);
    expect(distinct(db, 'encuentro_attendee', 'checked_in_role')).toEqual(['checkIn']);
    // The versions and sources still belong to the same (rebuilt) parents.
    expect(db.prepare(`SELECT count(*) AS n FROM encuentro_contribution_version v JOIN encuentro_contribution c ON c.id = v.contribution_id WHERE v.text = c.text`).get()).toEqual({ n: 16 });

    // The keyed audit chain and the configuration digest still verify.
    expect(await app.call('audit.verify', {})).toMatchObject({ ok: true, rows: rowsBefore['audit_log'] });

    // The services read the upgraded data.
    const s = world.scenario;
    const entries = await app.call('entries.list', { editionId: s.editionId });
    const statusOf = (id: number) => entries.find((e) => e.id === id)?.statuses.map((x) => x.status);
    expect([statusOf(s.entries.lamas), statusOf(s.entries.ancash), statusOf(s.entries.cusco), statusOf(s.entries.huaraz)]).toEqual([['pending'], ['passed'], ['notPassed'], ['observed']]);
    const matrix = await app.call('encuentro.matrix', { practiceId: world.practiceId });
    expect(matrix.blocks.map((b) => [b.block, b.cells.map((c) => `${c.level}:${c.contributions.length}`).join(' ')])).toEqual([
      ['limiting', 'ugel:1 dreGreGr:1 minedu:1 localActors:1'],
      ['enabling', 'ugel:1 dreGreGr:1 minedu:1 localActors:1'],
      ['actions', 'ugel:1 dre:1 minedu:1 otherActors:1'],
      ['conditions', 'ugel:1 dre:1 minedu:1 otherActors:1'],
    ]);
    const history = await app.call('encuentro.contributions.history', { id: matrix.blocks[0]!.cells[0]!.contributions[0]!.id });
    expect(history).toHaveLength(2);
    const synthesis = await app.call('encuentro.synthesis.get', { salaId: world.salas.draft });
    expect(synthesis.status).toBe('draft');
    expect(synthesis.cells.map((c) => `${c.level}/${c.axis}:${c.items.length}`)).toEqual([
      'ugel/sustainability:1',
      'ugel/replication:1',
      'dreGr/sustainability:1',
      'dreGr/replication:1',
      'minedu/sustainability:1',
      'minedu/replication:1',
      'otherActors/sustainability:1',
      'otherActors/replication:1',
    ]);
    expect((await app.call('encuentro.synthesis.get', { salaId: world.salas.final })).history.map((h) => `${h.from}→${h.to}`)).toEqual(['draft→review', 'review→final']);
    const summary = await app.call('encuentro.summary.get', { encuentroId: world.encuentroId });
    expect(summary.cells.flatMap((c) => c.items).length).toBe(8);
    const attendance = await app.call('encuentro.attendance.counts', { encuentroId: world.encuentroId });
    expect(Object.fromEntries(Object.entries(attendance.byType).map(([type, n]) => [type, n.registered]))).toEqual({ dreGre: 1, ugel: 1, minedu: 1, academic: 1, externalGuest: 1, other: 1 });
    expect(await app.call('encuentro.narrative.get', { encuentroId: world.encuentroId })).toMatchObject({
      background: 'Texto de antecedentes',
      methodology: 'Texto de metodologia',
      opening: 'Texto de inauguracion',
      closing: 'Texto de clausura',
    });
    // And keep writing it: the new values pass the rebuilt CHECKs.
    await app.call('entries.setStatus', { entryId: s.entries.lamas, stageId: s.admission, status: 'passed' });
    await app.call('encuentro.synthesis.setStatus', { salaId: world.salas.draft, status: 'review' });
  });

  it('leaves the same schema as a fresh database', async () => {
    const folder = tempDir();
    cleanup = folder.cleanup;
    const upgradedPath = path.join(folder.dir, 'v9.db');
    await v9Database(upgradedPath);
    const upgraded = await openDatabase(upgradedPath);
    const fresh = await openDatabase(path.join(folder.dir, 'fresh.db'));
    try {
      expect(schema(upgraded)).toEqual(schema(fresh));
      const rebuilt = schema(fresh).filter((r) => r.type === 'table' && /CHECK \((status|synthesis_status|block|level|institution_type|section) IN|CHECK \(kind IN \('dre'/.test(r.sql ?? ''));
      expect(rebuilt.map((r) => r.name).sort()).toEqual([
        'encuentro_attendee',
        'encuentro_contribution',
        'encuentro_narrative',
        'encuentro_sala',
        'encuentro_summary_item',
        'encuentro_synthesis_item',
        'entry_stage_status',
        'iged',
      ]);
      expect(schema(fresh).filter((r) => /pendiente|borrador|limitantes|otros_actores|sostenibilidad|invitado_externo|antecedentes|'DRE'|'UGEL'/.test(r.sql ?? ''))).toEqual([]);
    } finally {
      upgraded.close();
      fresh.close();
    }
  });

  it('a v9 file with a row this version cannot convert (a broken link) stays as it was, and the app says so in Spanish', async () => {
    const folder = tempDir();
    cleanup = folder.cleanup;
    const dbPath = path.join(folder.dir, 'v9.db');
    const world = await v9Database(dbPath);
    // What a SQLite tool with foreign keys off can leave behind: a line of a practice that is gone.
    const raw = new BetterSqlite3(dbPath);
    raw.pragma('foreign_keys = OFF');
    raw.prepare(`INSERT INTO encuentro_contribution (encuentro_id, practice_id, block, level, text, position, created_at, updated_at) VALUES (?, 99999, 'acciones', 'ugel', 'huérfana', 99, ?, ?)`).run(world.encuentroId, AT, AT);
    const before = counts(raw);
    raw.close();

    const app = await openTestApp({ dbPath });
    try {
      const status = await app.call('app.status', {});
      expect(status).toMatchObject({ state: 'blocked' });
      expect((status as { message: string }).message).toMatch(/^No se pudo actualizar la base de datos .* \(paso 10\): .*El archivo quedó como estaba/);
    } finally {
      app.close();
    }
    const after = await openDatabase(dbPath, { migrations: V9 });
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(9);
      expect(counts(after)).toEqual(before);
      expect(distinct(after, 'encuentro_contribution', 'block')).toContain('acciones');
    } finally {
      after.close();
    }
  });

  it('refuses to run with foreign keys on, where dropping a parent table would delete its children, and leaves the data as it was', async () => {
    const folder = tempDir();
    cleanup = folder.cleanup;
    const dbPath = path.join(folder.dir, 'v9.db');
    await v9Database(dbPath);
    const db = await openDatabase(dbPath, { migrations: V9 });
    try {
      const rows = counts(db);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(() => db.transaction(() => englishEnums(db))()).toThrow(/foreign keys off/);
      expect(counts(db)).toEqual(rows);
      expect(englishEnums.rebuildsTables).toBe(true);
    } finally {
      db.close();
    }
  });
});

/** Version 9 stored the roles by their Spanish names, in the sede tables' scopes. */
const OLD_ROLE_NAMES = `CASE json_extract(scope, '$.role') WHEN 'organizer' THEN 'organizador' WHEN 'juror' THEN 'jurado' WHEN 'moderator' THEN 'moderador'
  WHEN 'checkIn' THEN 'registro' WHEN 'projector' THEN 'proyector' END`;

describe('roles stored before migration 010', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('a device that joined before the upgrade keeps its session and its rights, an invitation made before still works, and old audit rows still name their device', async () => {
    const folder = tempDir();
    const dbPath = path.join(folder.dir, 'v9.db');
    const old = await openTestApp({ dbPath, migrations: V9 });
    const apps: TestApp[] = [old];
    cleanup = () => {
      for (const app of apps) app.services.close();
      folder.cleanup();
    };
    const s = await buildScenario(old);
    await generalPanel(old, s);
    const db = old.services.context.db();
    const world = db.transaction(() => seedV9(db, s))();
    const oldHub = makeHub(old);
    const oldPort = await freePort();
    await old.call('sede.start', { address: VENUE, port: oldPort });
    const invite = async (name: string, scope: SessionScope) => (await old.call('sede.invitations.create', { name, scope, validMinutes: 240 })).code;
    const moderator = sessionCookie(await join(oldPort, await invite('Mesa 1', { role: 'moderator', encuentroId: world.encuentroId, salaIds: [world.salas.draft] })));
    const juror = sessionCookie(await join(oldPort, await invite('Tableta Ana', { role: 'juror', editionId: s.editionId, jurorId: s.jurors.ana })));
    const doorCode = await invite('Puerta', { role: 'checkIn', encuentroId: world.encuentroId });
    // A score typed on Ana's tablet, recorded in the keyed chain as version 9 recorded it: role 'jurado'.
    const anaKey = { stageId: s.evaluation, jurorId: s.jurors.ana, entryId: s.entries.ancash };
    await old.call('assignments.add', anaKey);
    const tablet = (db.prepare(`SELECT id FROM sede_device WHERE name = 'Tableta Ana'`).get() as { id: number }).id;
    const v9Juror = { scope: { role: 'jurado', editionId: s.editionId, jurorId: s.jurors.ana } as unknown as SessionScope, deviceId: tablet, name: 'Tableta Ana' };
    runAs(v9Juror, () => db.transaction(() => setScore(db, { ...anaKey, criterionId: s.criteria.innovacion, value: 2, enteredBy: 'juror' }, AT))());
    db.exec(`UPDATE sede_device SET scope = json_set(scope, '$.role', ${OLD_ROLE_NAMES})`);
    db.exec(`UPDATE sede_invitation SET scope = json_set(scope, '$.role', ${OLD_ROLE_NAMES})`);
    expect(distinct(db, 'sede_device', `json_extract(scope, '$.role')`)).toEqual(['jurado', 'moderador']);
    expect(distinct(db, 'audit_log', 'device_role')).toEqual(['jurado', 'organizer']);
    await oldHub.close();
    old.services.close();
    apps.length = 0;

    const app = await openTestApp({ dbPath });
    apps.push(app);
    const hub = makeHub(app);
    try {
      const port = await freePort();
      await app.call('sede.start', { address: VENUE, port });
      const answer = async (cookie: string, method: string, input: unknown) => (await callAs(port, cookie, method, input)).json();

      expect((await answer(moderator, 'sede.whoami', {})).result).toMatchObject({ role: 'moderator', name: 'Mesa 1' });
      expect(await answer(moderator, 'encuentro.contributions.create', { practiceId: world.practiceId, salaId: world.salas.draft, block: 'actions', level: 'minedu', text: 'Después de la actualización' })).toMatchObject({ ok: true });
      expect(await answer(moderator, 'encuentro.synthesis.setStatus', { salaId: world.salas.draft, status: 'final' })).toMatchObject({ ok: false, error: { code: 'sede.error.forbidden' } });
      expect((await answer(juror, 'sede.whoami', {})).result).toMatchObject({ role: 'juror', name: 'Tableta Ana' });
      expect(await answer(juror, 'scores.set', { ...anaKey, criterionId: s.criteria.resultados, value: 5 })).toMatchObject({ ok: true });
      expect(await answer(juror, 'audit.list', {})).toMatchObject({ ok: false, error: { code: 'sede.error.forbidden' } });
      const door = sessionCookie(await join(port, doorCode));
      expect((await answer(door, 'sede.whoami', {})).result).toMatchObject({ role: 'checkIn', name: 'Puerta' });
      expect(await answer(door, 'encuentro.attendance.register', { encuentroId: world.encuentroId, fields: { fullName: 'Rosa Quispe', institutionType: 'ugel' }, checkIn: true })).toMatchObject({ ok: true });

      // The audit row keeps 'jurado' (never rewritten) and still verifies; every reader names the role and the device.
      const raw = app.services.context.db();
      expect(distinct(raw, 'audit_log', 'device_role')).toEqual(['jurado', 'juror', 'organizer']);
      expect(await app.call('audit.verify', {})).toMatchObject({ ok: true });
      const rows = (await app.call('audit.list', { jurorId: s.jurors.ana, action: 'score.set' })).rows as AuditEntry[];
      expect(rows.map((r) => [r.device?.role, r.recordedBy])).toEqual([
        ['juror', 'Tableta Ana'],
        ['juror', 'Tableta Ana'],
      ]);
      const results = await app.call('results.exportWorkbook', { editionId: s.editionId, stageId: s.evaluation });
      // The workbook's audit sheet: «Registrado por» is the tablet (empty when the role is not recognised).
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(results.dataBase64, 'base64') as unknown as ArrayBuffer);
      expect(JSON.stringify(workbook.worksheets.map((sheet) => sheet.getSheetValues())).match(/Tableta Ana/g)).toHaveLength(2);
    } finally {
      await hub.close();
    }
  });
});

