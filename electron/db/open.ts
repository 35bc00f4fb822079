import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { MIGRATIONS, type Migration } from './migrations';
import { queryOne } from './query';
import { errorCode, storageError } from './storage-errors';

export type Db = Database.Database;

/** 'BPGE' in ASCII: marks a database file as ours, so a foreign SQLite file is refused. */
export const APPLICATION_ID = 0x42504745;

export interface OpenOptions {
  /** Called with the still-unmigrated database before the first pending migration runs. */
  beforeMigrate?: (db: Db, fromVersion: number) => Promise<void>;
  /** Path to an Electron-ABI build of better-sqlite3 (desktop app only). */
  nativeBinding?: string;
  /** The migration list; tests pass their own to exercise upgrades. */
  migrations?: ReadonlyArray<Migration>;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Opens (creating if needed) the app database. Before anything is written, the file is
 * inspected read-only: a file that is not ours, is empty or unreadable, fails the integrity
 * check, or was written by a newer version is refused with an AppError and left exactly as it
 * was. Only a path where no file exists at all gets a new database.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  const migrations = options.migrations ?? MIGRATIONS;
  if (inspectPath(file) === 'absent') createFresh(file, options.nativeBinding, migrations);
  else inspectReadOnly(file, options.nativeBinding, migrations.length);

  let db: Db;
  try {
    db = new Database(file, { ...nativeOption(options.nativeBinding), fileMustExist: true });
  } catch (error) {
    throw storageError(error) ?? error;
  }
  try {
    configure(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < migrations.length) {
      if (version > 0 && options.beforeMigrate) await options.beforeMigrate(db, version);
      migrate(db, version, migrations, file);
    }
    return db;
  } catch (error) {
    db.close();
    throw storageError(error) ?? error;
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * A database file that exists but is empty (an interrupted copy or sync leaves 0 bytes) or
 * cannot be read holds data we cannot see: treating it as new would start an empty app, and
 * the automatic backups of that empty app would rotate away the last good copies. So only
 * "nothing at this path" is new; a leftover -wal without its database is refused too, because
 * SQLite would replay it onto the fresh file.
 */
function inspectPath(file: string): 'absent' | 'present' {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw new AppError('error.db.unreadableFile', { file }, { detail: errorText(error) });
    const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
    if (wal && wal.size > 0) throw new AppError('error.db.walWithoutDb', { file });
    return 'absent';
  }
  if (!stat.isFile()) throw new AppError('error.db.unreadableFile', { file });
  if (stat.size === 0) throw new AppError('error.db.empty', { file });
  return 'present';
}

/**
 * Builds a new database beside its final name and renames it into place once migrated, so
 * that a crash while creating it never leaves a half-made (or 0-byte) file at the path —
 * which the next start would rightly refuse as damaged.
 */
function createFresh(file: string, nativeBinding: string | undefined, migrations: ReadonlyArray<Migration>): void {
  const building = `${file}.creando`;
  const removeBuilding = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(building + suffix, { force: true });
  };
  removeBuilding();
  try {
    const db = new Database(building, nativeOption(nativeBinding));
    try {
      configure(db);
      migrate(db, 0, migrations);
    } finally {
      // Closing the only connection checkpoints the WAL into the file and deletes it.
      db.close();
    }
    fs.renameSync(building, file);
  } catch (error) {
    removeBuilding();
    throw storageError(error) ?? error;
  }
}

function nativeOption(nativeBinding: string | undefined): Database.Options {
  return nativeBinding ? { nativeBinding } : {};
}

function inspectReadOnly(file: string, nativeBinding: string | undefined, latest: number): void {
  const header = Buffer.alloc(16);
  try {
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, header, 0, 16, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw new AppError('error.db.unreadableFile', { file }, { detail: errorText(error) });
  }
  if (header.toString('latin1') !== SQLITE_HEADER) throw new AppError('error.db.notSqlite', { file });

  let db: Db;
  try {
    db = new Database(file, { ...nativeOption(nativeBinding), readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError('error.db.corrupt', undefined, { detail: errorText(error) });
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (version > latest) {
      throw new AppError('error.db.newerVersion', { found: version, supported: latest });
    }
    const tables = queryOne<{ n: number }>(db, `SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`)!;
    if (appId !== APPLICATION_ID && (version > 0 || tables.n > 0)) throw new AppError('error.db.notSqlite', { file });
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new AppError('error.db.corrupt', undefined, { detail: check });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('error.db.corrupt', undefined, { detail: errorText(error) });
  } finally {
    db.close();
  }
}

/**
 * Runs the pending steps, each in its own transaction. An upgrade (`file` given) that a step
 * cannot complete — data this version cannot convert, such as a row with a broken link — is
 * refused in Spanish with the file left at the last step that did complete; a disk or file
 * problem keeps its own message (storage-errors.ts).
 */
function migrate(db: Db, from: number, migrations: ReadonlyArray<Migration>, file?: string): void {
  for (let version = from + 1; version <= migrations.length; version++) {
    try {
      migrateStep(db, version, migrations);
    } catch (error) {
      if (file === undefined || storageError(error) || error instanceof AppError) throw error;
      throw new AppError('error.db.migrationFailed', { file, step: version, detail: errorText(error) });
    }
  }
}

function migrateStep(db: Db, version: number, migrations: ReadonlyArray<Migration>): void {
  const step = migrations[version - 1];
  if (!step) throw new Error(`missing migration ${version}`);
  // The pragma is a no-op inside a transaction: it has to be set around it.
  if (step.rebuildsTables) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      step(db);
      if (step.rebuildsTables) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${version} left ${broken.length} rows with a broken foreign key: ${JSON.stringify(broken.slice(0, 5))}`);
      }
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${version}`);
    })();
  } finally {
    if (step.rebuildsTables) db.pragma('foreign_keys = ON');
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
