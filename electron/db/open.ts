import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** 'BPGE' in ASCII: marks a database file as ours, so a foreign SQLite file is refused. */
export const APPLICATION_ID = 0x42504745;

export interface OpenOptions {
  /** Called with the still-unmigrated database before the first pending migration runs. */
  beforeMigrate?: (db: Db, fromVersion: number) => Promise<void>;
  /** Path to an Electron-ABI build of better-sqlite3 (desktop app only). */
  nativeBinding?: string;
  /** The migration list; tests pass their own to exercise upgrades. */
  migrations?: ReadonlyArray<(db: Db) => void>;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Opens (creating if needed) the app database. Before anything is written, the file is
 * inspected read-only: a file that is not ours, fails the integrity check, or was written by
 * a newer version is refused with an AppError and left exactly as it was.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  const migrations = options.migrations ?? MIGRATIONS;
  const existing = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (existing) inspectReadOnly(file, options.nativeBinding, migrations.length);

  const db = new Database(file, nativeOption(options.nativeBinding));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < migrations.length) {
      if (version > 0 && options.beforeMigrate) await options.beforeMigrate(db, version);
      migrate(db, version, migrations);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function nativeOption(nativeBinding: string | undefined): Database.Options {
  return nativeBinding ? { nativeBinding } : {};
}

function inspectReadOnly(file: string, nativeBinding: string | undefined, latest: number): void {
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) throw new AppError('error.db.notSqlite', { file });

  let db: Db;
  try {
    db = new Database(file, { ...nativeOption(nativeBinding), readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError('error.db.corrupt', { detail: errorText(error) });
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (version > latest) {
      throw new AppError('error.db.newerVersion', { found: version, supported: latest });
    }
    const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number };
    if (appId !== APPLICATION_ID && (version > 0 || tables.n > 0)) throw new AppError('error.db.notSqlite', { file });
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new AppError('error.db.corrupt', { detail: check });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('error.db.corrupt', { detail: errorText(error) });
  } finally {
    db.close();
  }
}

function migrate(db: Db, from: number, migrations: ReadonlyArray<(db: Db) => void>): void {
  for (let version = from + 1; version <= migrations.length; version++) {
    const step = migrations[version - 1];
    if (!step) throw new Error(`missing migration ${version}`);
    db.transaction(() => {
      step(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${version}`);
    })();
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
