import fs from 'node:fs';
import path from 'node:path';
import type { AppStatus, BackupFailure, BackupInfo } from '../../shared/domain/types';
import { AppError, isAppError } from '../../shared/errors';
import { BackupStore, type BackupReason } from '../db/backups';
import { DatabaseLock, type LockProgram } from '../db/lock';
import { openDatabase, type Db } from '../db/open';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../db/migrations';
import { up as auditKeyedMigration } from '../db/migrations/005-audit-keyed';
import { storageError } from '../db/storage-errors';
import { getEdition } from './editions/read';
import { appendAudit, resealLegacyChain } from './jury/audit/chain';
import { CONFIG_SEAL_ACTION, sealConfigOnOpen } from './jury/audit/config-check';
import { attachAuditKey, keyDirFor } from './jury/audit/key';

/** What an import backup names: the file, and the edition it went into when there is one. */
export interface ImportedFile {
  fileName: string;
  editionId?: number;
}

export interface ContextOptions {
  dbPath: string;
  nativeBinding?: string;
  /** Minutes of activity between automatic backups. */
  backupIntervalMinutes?: number;
  keepBackups?: number;
  now?: () => Date;
  /** Where the audit chain's key files live; default `<db name>-claves/` beside the database. */
  auditKeyDir?: string;
  /** Tests only: a different migration list. */
  migrations?: ReadonlyArray<(db: Db) => void>;
  /** Which program holds the database, named to a second one that tries to open it. */
  program?: LockProgram;
}

/**
 * Owns the database handle for the services, and the lock that keeps every other program off
 * the file for as long as the context lives (a second program is refused before it opens
 * anything). When the file cannot be opened safely (newer version, failed integrity check,
 * empty or unreadable) the context stays "blocked": data methods refuse with the reason, and
 * only status and backup restore work.
 */
export class AppContext {
  readonly dbPath: string;
  readonly backups: BackupStore;
  readonly auditKeyDir: string;
  private handle: Db | null = null;
  private lock: DatabaseLock | null = null;
  private blocked: Extract<AppStatus, { state: 'blocked' }> | null = null;
  private lastBackupAt: Date | null = null;
  private backupFailure: BackupFailure | null = null;
  private taken = 0;
  private failed = 0;
  private readonly intervalMs: number;
  readonly now: () => Date;

  private constructor(private readonly options: ContextOptions) {
    this.dbPath = path.resolve(options.dbPath);
    this.now = options.now ?? (() => new Date());
    this.backups = new BackupStore(this.dbPath, options.keepBackups ?? 10, this.now);
    this.auditKeyDir = path.resolve(options.auditKeyDir ?? keyDirFor(this.dbPath));
    this.intervalMs = (options.backupIntervalMinutes ?? 30) * 60_000;
  }

  static async open(options: ContextOptions): Promise<AppContext> {
    const context = new AppContext(options);
    fs.mkdirSync(path.dirname(context.dbPath), { recursive: true });
    context.lock = DatabaseLock.acquire(context.dbPath, options.program ?? 'other');
    context.recoverInterruptedRestore();
    // Never throws: a database that cannot be opened leaves the context blocked (lock held, so
    // that a restore cannot race another program).
    await context.openHandle();
    return context;
  }

  /**
   * A restore moves the database to `<db>.restaurando` before copying the backup in. Stopped in
   * between (power cut, killed), it leaves no database at the path: that file is then the
   * database as it was, and goes back rather than a new, empty one being created there.
   */
  private recoverInterruptedRestore(): void {
    const previous = `${this.dbPath}.restaurando`;
    if (fs.existsSync(this.dbPath) || !fs.existsSync(previous)) return;
    for (const suffix of ['', '-wal']) if (fs.existsSync(previous + suffix)) fs.renameSync(previous + suffix, this.dbPath + suffix);
  }

  private async openHandle(): Promise<void> {
    try {
      let migratedFrom: number | null = null;
      this.handle = await openDatabase(this.dbPath, {
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
        ...(this.options.migrations ? { migrations: this.options.migrations } : {}),
        beforeMigrate: async (db, fromVersion) => {
          migratedFrom = fromVersion;
          await this.backups.create(db, 'antes-de-migrar');
        },
      });
      // Every handle carries the audit key: restoring a backup reopens the same database (same key).
      // A plain-hash chain is re-sealed only in the open that runs the keying migration.
      const keyedAt = (this.options.migrations ?? MIGRATIONS).indexOf(auditKeyedMigration) + 1;
      const from: number | null = migratedFrom;
      const keyingMigrationRan = from !== null && keyedAt > 0 && from < keyedAt;
      attachAuditKey(this.handle, this.auditKeyDir, resealLegacyChain, { keyingMigrationRan });
      const handle = this.handle;
      sealConfigOnOpen(handle, () => appendAudit(handle, { at: this.now().toISOString(), actor: 'organizer', action: CONFIG_SEAL_ACTION }), keyingMigrationRan);
      this.blocked = null;
      const latest = this.backups.list()[0];
      this.lastBackupAt = latest ? new Date(latest.createdAt) : null;
    } catch (error) {
      this.handle = null;
      const known = isAppError(error) ? error : storageError(error);
      const message = known ? known.message : error instanceof Error ? error.message : String(error);
      this.blocked = { state: 'blocked', dbPath: this.dbPath, reason: blockedReason(known?.code), message };
    }
  }

  /** The open database; throws the blocking reason when there is none. */
  db(): Db {
    if (this.handle) return this.handle;
    throw new AppError('error.db.unavailable', { detail: this.blocked?.message ?? '' });
  }

  get isReady(): boolean {
    return this.handle !== null;
  }

  status(): AppStatus {
    if (this.blocked) return this.blocked;
    return {
      state: 'ready',
      dbPath: this.dbPath,
      schemaVersion: this.options.migrations?.length ?? LATEST_SCHEMA_VERSION,
      lastBackupAt: this.lastBackupAt ? this.lastBackupAt.toISOString() : null,
      backupFailure: this.backupFailure,
    };
  }

  /** `imported` names what a pre-import backup is for, so that the list tells them apart. */
  async backup(reason: BackupReason, imported?: ImportedFile): Promise<BackupInfo> {
    const db = this.db();
    const about = imported ? { fileName: imported.fileName, edition: imported.editionId === undefined ? null : getEdition(db, imported.editionId).name } : null;
    const info = await this.backups.create(db, reason, about);
    this.lastBackupAt = this.now();
    this.backupFailure = null;
    this.taken += 1;
    return info;
  }

  /**
   * Backups taken or failed by this process: a call compares it before and after to tell
   * whether the backup state changed (what the list and the status banner refresh for).
   */
  get backupsTaken(): number {
    return this.taken + this.failed;
  }

  /**
   * Called after each data-changing call: takes the periodic backup when it is due. The write
   * itself succeeded either way; a failed backup is kept in the status (shown as a banner) and
   * retried on the next write, and the error is rethrown for the log.
   */
  async noteActivity(): Promise<void> {
    if (!this.handle) return;
    const due = !this.lastBackupAt || this.now().getTime() - this.lastBackupAt.getTime() >= this.intervalMs;
    if (!due) return;
    try {
      await this.backup('automatica');
    } catch (error) {
      const message = isAppError(error) ? error.message : (storageError(error)?.message ?? String(error));
      this.backupFailure = { at: this.now().toISOString(), message };
      this.failed += 1;
      throw error;
    }
  }

  /**
   * Replaces the database by a backup. The current data is copied aside first — through the
   * open connection, so the copy has every committed row, those still in the WAL included
   * (a damaged database is copied as it is on disk, WAL beside it); if the backup turns out
   * unusable, the current file is put back and nothing changes.
   */
  async restore(name: string): Promise<{ restored: string; keptAside: string | null }> {
    const source = this.backups.pathOf(name);
    const keptAside = await this.keepAside();
    // No await between the copy above and closing: no write can land in between.
    this.closeHandle();
    // The current file moves aside with its WAL (which a reader outside the app may have kept
    // from being checkpointed), so that putting it back after a failed restore loses nothing.
    const previous = `${this.dbPath}.restaurando`;
    const move = (from: string, to: string) => {
      for (const suffix of ['', '-wal']) if (fs.existsSync(from + suffix)) fs.renameSync(from + suffix, to + suffix);
      fs.rmSync(`${from}-shm`, { force: true });
    };
    move(this.dbPath, previous);
    // The backup could not be copied in (full disk, vanished) or opened: the current database
    // goes back, open as before, and the refusal says why.
    const putBack = async (detail: string): Promise<never> => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(this.dbPath + suffix, { force: true });
      move(previous, this.dbPath);
      await this.openHandle();
      throw new AppError('error.backup.invalid', { name, detail });
    };
    try {
      fs.copyFileSync(source, this.dbPath);
    } catch (error) {
      return putBack(storageError(error)?.message ?? (error instanceof Error ? error.message : String(error)));
    }
    await this.openHandle();
    if (!this.handle) return putBack(this.blocked?.message ?? '');
    for (const suffix of ['', '-wal']) fs.rmSync(previous + suffix, { force: true });
    return { restored: name, keptAside };
  }

  private async keepAside(): Promise<string | null> {
    if (this.handle) {
      try {
        return (await this.backups.create(this.handle, 'antes-de-restaurar')).name;
      } catch (error) {
        // A damaged database cannot be read through SQLite: keep its files as they are. Should
        // that fail too (disk full, no folder), the first reason is the one to tell.
        try {
          return this.backups.copyRaw(this.dbPath, 'antes-de-restaurar');
        } catch {
          throw error;
        }
      }
    }
    return this.backups.copyRaw(this.dbPath, 'antes-de-restaurar');
  }

  private closeHandle(): void {
    if (this.handle) {
      this.handle.close();
      this.handle = null;
    }
  }

  /** Closes the database and gives it up to other programs. */
  close(): void {
    this.closeHandle();
    this.lock?.release();
    this.lock = null;
  }
}

function blockedReason(code: string | undefined): Extract<AppStatus, { state: 'blocked' }>['reason'] {
  if (code === 'error.db.newerVersion') return 'newerVersion';
  if (code === 'error.db.corrupt' || code === 'error.db.damaged') return 'corrupt';
  if (code === 'error.db.empty') return 'empty';
  return 'unreadable';
}
