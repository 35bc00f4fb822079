import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { APPLICATION_ID, openDatabase } from '../../electron/db/open';
import type { AppError } from '../../shared/errors';
import { openTestApp, sampleEdition, tempDir, type TestApp } from '../support/services';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('opening the database', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

  it('creates a WAL, FULL-sync, foreign-key database at the latest schema with the 26 DRE/GRE', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = await openDatabase(path.join(dir, 'a.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const dres = db.prepare(`SELECT region FROM iged WHERE kind = 'DRE'`).all() as { region: string }[];
    expect(dres).toHaveLength(26);
    expect(dres.map((d) => d.region)).toEqual(expect.arrayContaining(['Lima Metropolitana', 'Lima Provincias', 'Callao']));
    const strict = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%STRICT%'`).get() as { n: number };
    const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number };
    expect(strict.n).toBe(tables.n);
    db.close();
  });

  it('refuses a database from a newer version and leaves the file byte-for-byte untouched', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'future.db');
    const db = await openDatabase(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha(file);

    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'error.db.newerVersion' });
    const error = await openDatabase(file).catch((e: unknown) => e as AppError);
    expect((error as AppError).message).toMatch(/versión más reciente/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a SQLite file that belongs to another program, and a file that is not SQLite', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const foreign = path.join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE x (a)');
    other.close();
    await expect(openDatabase(foreign)).rejects.toMatchObject({ code: 'error.db.notSqlite' });

    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, 'esto no es una base de datos');
    await expect(openDatabase(text)).rejects.toMatchObject({ code: 'error.db.notSqlite' });
    expect(fs.readFileSync(text, 'utf8')).toBe('esto no es una base de datos');
  });

  it('detects a corrupted page with the integrity check and refuses to open it', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'corrupt.db');
    const db = await openDatabase(file);
    const insert = db.prepare(`INSERT INTO app_meta (key, value) VALUES (?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`k${i}`, 'x'.repeat(200));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    // Overwrite the middle of the file (index/table pages) with garbage.
    const fd = fs.openSync(file, 'r+');
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'error.db.corrupt' });
  });
});

describe('a blocked database at the service level', () => {
  let app: TestApp | undefined;
  afterEach(() => app?.close());

  it('reports the reason through app.status and refuses data methods, but lists backups', async () => {
    const { dir, cleanup } = tempDir();
    const file = path.join(dir, 'future.db');
    const db = await openDatabase(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    app = await openTestApp({ dbPath: file });
    const status = await app.call('app.status', {});
    expect(status).toMatchObject({ state: 'blocked', reason: 'newerVersion' });
    const error = await app.fail('editions.list', {});
    expect(error.code).toBe('error.db.unavailable');
    expect(error.message).toMatch(/versión más reciente/);
    expect(await app.call('backups.list', {})).toEqual([]);
    cleanup();
  });
});

describe('durability', () => {
  it('keeps every acknowledged write when the process stops without closing the database', async () => {
    const { dir, cleanup } = tempDir();
    const dbPath = path.join(dir, 'durable.db');
    const script = `
      import { createServices } from ${JSON.stringify(path.resolve('electron/services/registry.ts'))};
      const s = await createServices({ dbPath: ${JSON.stringify(dbPath)}, demo: 'never', log: () => {} });
      const r = await s.call('editions.create', ${JSON.stringify(sampleEdition)});
      if (!r.ok) throw new Error(r.error.message);
      process.stdout.write('acknowledged\\n');
      process.kill(process.pid, 'SIGKILL');
    `;
    const { spawnSync } = await import('node:child_process');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stdout).toContain('acknowledged');
    expect(child.signal).toBe('SIGKILL');
    const app = await openTestApp({ dbPath });
    const editions = await app.call('editions.list', {});
    expect(editions.map((e) => e.name)).toEqual([sampleEdition.name]);
    app.close();
    cleanup();
  });
});
