import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseLock, takeOverStale, type LockOwner } from '../../electron/db/lock';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { APPLICATION_ID, openDatabase } from '../../electron/db/open';
import { storageError } from '../../electron/db/storage-errors';
import { createServices } from '../../electron/services/registry';
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
    const dres = db.prepare(`SELECT region FROM iged WHERE kind = 'dre'`).all() as { region: string }[];
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

/** Files of the tests below: a fresh folder each, removed after the test with what was opened on it. */
const scratch: (() => void)[] = [];
afterEach(() => scratch.splice(0).forEach((fn) => fn()));
function scratchDir(): string {
  const { dir, cleanup } = tempDir();
  scratch.push(cleanup);
  return dir;
}
function scratchFile(name: string): string {
  return path.join(scratchDir(), name);
}

describe('a database file that exists but holds nothing readable', () => {
  it('blocks on a 0-byte file (no demo, no backups over it), offers the backups, and a restore brings the data back', async () => {
    const dbPath = scratchFile('concurso.db');
    const good = await openTestApp({ dbPath });
    await good.call('editions.create', sampleEdition);
    const backup = await good.call('backups.create', {});
    const backupsBefore = (await good.call('backups.list', {})).map((b) => b.name);
    good.services.close();
    // What an interrupted copy or sync leaves behind.
    fs.writeFileSync(dbPath, '');

    const app = await openTestApp({ dbPath, demo: 'ifEmpty' });
    scratch.push(() => app.services.close());
    const status = await app.call('app.status', {});
    expect(status).toMatchObject({ state: 'blocked', reason: 'empty' });
    expect(status.state === 'blocked' && status.message).toMatch(/existe pero está vacío \(0 bytes\).*Restaure una copia de seguridad/);
    expect((await app.fail('editions.create', sampleEdition)).code).toBe('error.db.unavailable');
    expect(fs.statSync(dbPath).size).toBe(0);
    expect((await app.call('backups.list', {})).map((b) => b.name)).toEqual(backupsBefore);

    await app.call('backups.restore', { name: backup.name });
    expect(await app.call('app.status', {})).toMatchObject({ state: 'ready' });
    expect((await app.call('editions.list', {})).map((e) => e.name)).toEqual([sampleEdition.name]);
  });

  it('refuses at the open level: an empty file, a folder in place of the file, a WAL left without its database', async () => {
    const empty = scratchFile('vacia.db');
    fs.writeFileSync(empty, '');
    await expect(openDatabase(empty)).rejects.toMatchObject({ code: 'error.db.empty' });
    expect(fs.statSync(empty).size).toBe(0);
    expect(fs.existsSync(`${empty}-wal`)).toBe(false);

    const folder = scratchFile('carpeta.db');
    fs.mkdirSync(folder);
    const error = (await openDatabase(folder).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('error.db.unreadableFile');
    expect(error.message).toMatch(/No se puede leer el archivo de la base de datos/);

    const orphan = scratchFile('sin-base.db');
    fs.writeFileSync(`${orphan}-wal`, Buffer.alloc(4096, 1));
    await expect(openDatabase(orphan)).rejects.toMatchObject({ code: 'error.db.walWithoutDb' });
    expect(fs.existsSync(orphan)).toBe(false);
  });

  it('says in Spanish, without SQLite’s English, that a damaged or foreign-content file must be restored from a backup', async () => {
    // SQLite's header followed by garbage: SQLITE_NOTADB / SQLITE_CORRUPT underneath.
    const garbage = scratchFile('basura.db');
    fs.writeFileSync(garbage, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(8192, 0x7f)]));
    const app = await openTestApp({ dbPath: garbage });
    scratch.push(() => app.services.close());
    const status = await app.call('app.status', {});
    expect(status).toMatchObject({ state: 'blocked', reason: 'corrupt' });
    const message = status.state === 'blocked' ? status.message : '';
    expect(message).toMatch(/Restaure una copia de seguridad/);
    expect(message).not.toMatch(/database|malformed|not a database|SQLITE|Page \d/i);
  });
});

describe('storage failures while working', () => {
  let app: TestApp | undefined;
  afterEach(() => {
    app?.close();
    app = undefined;
  });

  it('a full disk gives Spanish guidance (free space), not SQLITE_FULL, and leaves what was saved', async () => {
    app = await openTestApp();
    await app.call('editions.create', sampleEdition);
    const db = app.services.context.db();
    // The database may not grow by one more page: what a full disk does to SQLite.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let failure: { code: string; message: string } | null = null;
    for (let i = 0; i < 500 && !failure; i++) {
      const result = await app.services.call('editions.create', { ...sampleEdition, name: `Edición de relleno ${i}`, lema: 'x'.repeat(150) });
      if (!result.ok) failure = result.error;
    }
    expect(failure?.code).toBe('error.db.full');
    expect(failure?.message).toMatch(/No queda espacio en el disco.*Libere espacio/);
    expect(failure?.message).not.toMatch(/disk is full|SQLITE/i);
    expect((await app.call('editions.list', {})).map((e) => e.name)).toContain(sampleEdition.name);
  });

  it('a read-only database and one held busy by another program give Spanish guidance, not SQLITE_READONLY / SQLITE_BUSY', async () => {
    app = await openTestApp();
    const db = app.services.context.db();
    db.pragma('query_only = ON');
    const readonly = await app.fail('editions.create', sampleEdition);
    expect(readonly.code).toBe('error.db.readonly');
    expect(readonly.message).toMatch(/No se puede escribir en el archivo de la base de datos/);
    db.pragma('query_only = OFF');

    // Another program (a SQLite viewer saving an edit) holds the write lock.
    db.pragma('busy_timeout = 50');
    const other = new Database(app.dbPath);
    other.exec('BEGIN IMMEDIATE');
    try {
      const busy = await app.fail('editions.create', sampleEdition);
      expect(busy.code).toBe('error.db.busy');
      expect(busy.message).toMatch(/ocupada por otro programa/);
      expect(busy.message).not.toMatch(/database is locked|SQLITE_/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await app.call('editions.list', {})).toEqual([]);
  });

  it('maps every extended code of a family (I/O errors, damaged indexes, a full quota) to its Spanish message', () => {
    const { SqliteError } = Database;
    expect(storageError(new SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE'))?.code).toBe('error.db.io');
    expect(storageError(new SqliteError('database disk image is malformed', 'SQLITE_CORRUPT_INDEX'))?.code).toBe('error.db.damaged');
    expect(storageError(new SqliteError('file is not a database', 'SQLITE_NOTADB'))?.code).toBe('error.db.damaged');
    expect(storageError(new SqliteError('attempt to write a readonly database', 'SQLITE_READONLY_DBMOVED'))?.code).toBe('error.db.readonly');
    expect(storageError(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))?.code).toBe('error.db.full');
    expect(storageError(new SqliteError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(storageError(new Error('other'))).toBeNull();
  });

  it('a page damaged under the running app gives Spanish guidance (restore a backup), not SQLITE_CORRUPT', async () => {
    app = await openTestApp();
    const db = app.services.context.db();
    // Enough editions for the table to span many pages, most of the file.
    const insert = db.prepare(`INSERT INTO edition (year, name, name_key, lema, created_at, updated_at) VALUES (2024, ?, ?, ?, '2026-01-01', '2026-01-01')`);
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`Edición ${i}`, `edicion ${i}`, 'x'.repeat(200));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const fd = fs.openSync(app.dbPath, 'r+');
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    // A write from another connection makes the app drop its page cache and read the file again.
    const other = new Database(app.dbPath);
    other.exec(`CREATE TABLE probe (x INTEGER) STRICT`);
    other.close();
    const error = await app.fail('editions.list', {});
    expect(error.code).toBe('error.db.damaged');
    expect(error.message).toMatch(/La base de datos está dañada.*Restaure una copia de seguridad/);
    expect(error.message).not.toMatch(/malformed|SQLITE|disk image/i);
  });
});

describe('one program at a time on a database', () => {
  it('refuses a second instance in Spanish, saying which process and program hold it; the file opens again once that one closes', async () => {
    const dbPath = scratchFile('compartida.db');
    const first = await createServices({ dbPath, program: 'desktop', demo: 'never', log: () => undefined });
    const refusal = (await createServices({ dbPath, program: 'serve', demo: 'never', log: () => undefined }).catch((e: unknown) => e)) as AppError;
    expect(refusal.code).toBe('error.db.locked');
    expect(refusal.message).toContain(`ya está abierta en la aplicación de escritorio Concurso BPGE (proceso ${process.pid} del equipo «${os.hostname()}», desde el`);
    // The refused instance touched nothing: the first one still writes and reads.
    expect((await first.call('editions.create', sampleEdition)).ok).toBe(true);
    first.close();

    const second = await createServices({ dbPath, program: 'serve', demo: 'never', log: () => undefined });
    expect(await second.call('editions.list', {})).toMatchObject({ ok: true, result: [{ name: sampleEdition.name }] });
    second.close();
    expect(fs.existsSync(`${dbPath}.en-uso`)).toBe(false);
  });

  it('names another running program that holds it, and takes the lock over once that program has died without releasing it', async () => {
    const dbPath = scratchFile('compartida.db');
    const script = `
      import { createServices } from ${JSON.stringify(path.resolve('electron/services/registry.ts'))};
      await createServices({ dbPath: ${JSON.stringify(dbPath)}, program: 'serve', demo: 'never', log: () => {} });
      process.stdout.write('abierta\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    scratch.push(() => child.kill('SIGKILL'));
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('abierta')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the process exited before opening the database (code ${code})`)));
    });

    const refusal = (await createServices({ dbPath, demo: 'never', log: () => undefined }).catch((e: unknown) => e)) as AppError;
    expect(refusal.code).toBe('error.db.locked');
    expect(refusal.message).toContain(`el modo servidor de Concurso BPGE (npm run serve) (proceso ${child.pid}`);

    // A crash leaves the lock file behind; its process is gone, so the lock is stale.
    child.kill('SIGKILL');
    await exited;
    expect(fs.existsSync(`${dbPath}.en-uso`)).toBe(true);
    const app = await openTestApp({ dbPath });
    expect(await app.call('app.status', {})).toMatchObject({ state: 'ready' });
    app.close();
  });

  it('takes over a lock written before this computer last started or left empty by a crash; respects one from another computer and says which file to delete', async () => {
    const dbPath = scratchFile('movida.db');
    const lockFile = `${dbPath}.en-uso`;
    // Our own (live) pid, but written in 2001: the pid was reused after a reboot.
    fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: '2001-01-01T00:00:00.000Z', program: 'desktop' }));
    const app = await openTestApp({ dbPath });
    app.close();

    // Empty: a crash between creating the lock and writing it. Just created, it may be being
    // written by a program starting right now; an old one is taken over.
    fs.writeFileSync(lockFile, '');
    await expect(createServices({ dbPath, demo: 'never', log: () => undefined })).rejects.toMatchObject({ code: 'error.db.lockContended' });
    fs.utimesSync(lockFile, new Date('2001-01-01'), new Date('2001-01-01'));
    (await createServices({ dbPath, demo: 'never', log: () => undefined })).close();

    fs.writeFileSync(lockFile, JSON.stringify({ pid: 4242, host: 'laptop-de-la-sede', startedAt: new Date().toISOString(), program: 'desktop' }));
    const refusal = (await createServices({ dbPath, demo: 'never', log: () => undefined }).catch((e: unknown) => e)) as AppError;
    expect(refusal.code).toBe('error.db.lockedOtherHost');
    expect(refusal.message).toContain('(proceso 4242 del equipo «laptop-de-la-sede»');
    expect(refusal.message).toContain(`borre el archivo ${lockFile}`);
    expect(fs.existsSync(lockFile)).toBe(true);
  });
  it('of two programs that found the same stale lock, the slower does not remove the lock the faster has just taken', () => {
    const dbPath = scratchFile('carrera.db');
    const lockFile = `${dbPath}.en-uso`;
    const stale: LockOwner = { pid: 999_999_999, host: os.hostname(), startedAt: '2001-01-01T00:00:00.000Z', program: 'desktop' };
    fs.writeFileSync(lockFile, JSON.stringify(stale));
    // The faster program takes the stale lock over and holds the database.
    const faster = DatabaseLock.acquire(dbPath, 'serve');
    const held = fs.readFileSync(lockFile, 'utf8');
    expect(JSON.parse(held)).toMatchObject({ pid: process.pid, program: 'serve' });
    // The slower one acts on what it read before: the lock it judged stale is no longer there.
    expect(takeOverStale(lockFile, stale)).toBe(false);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(held);
    expect(() => DatabaseLock.acquire(dbPath, 'desktop')).toThrow(/ya está abierta/);
    faster.release();
    expect(fs.existsSync(lockFile)).toBe(false);
    expect(fs.readdirSync(path.dirname(lockFile)).filter((name) => name.startsWith('carrera.db.en-uso'))).toEqual([]);
  });
});
