import fs from 'node:fs';
import path from 'node:path';
import type { AppStatus, BackupInfo } from '../../shared/domain/types';
import { AppError, isAppError } from '../../shared/errors';
import { BackupStore, type BackupReason } from '../db/backups';
import { openDatabase, type Db } from '../db/open';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { resealLegacyChain } from './jury/audit/chain';
import { attachAuditKey, keyDirFor } from './jury/audit/key';

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
}

/**
 * Owns the database handle for the services. When the file cannot be opened safely
 * (newer version, failed integrity check) the context stays "blocked": data methods
 * refuse with the reason, and only status and backup restore work.
 */
export class AppContext {
  readonly dbPath: string;
  readonly backups: BackupStore;
  readonly auditKeyDir: string;
  private handle: Db | null = null;
  private blocked: Extract<AppStatus, { state: 'blocked' }> | null = null;
  private lastBackupAt: Date | null = null;
  private taken = 0;
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
    await context.openHandle();
    return context;
  }

  private async openHandle(): Promise<void> {
    fs.mkdirSync(path.dirname(this.dbPath), { recursive: true });
    try {
      this.handle = await openDatabase(this.dbPath, {
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
        ...(this.options.migrations ? { migrations: this.options.migrations } : {}),
        beforeMigrate: async (db) => {
          await this.backups.create(db, 'antes-de-migrar');
        },
      });
      // Every handle carries the audit key: restoring a backup reopens the same database (same key).
      attachAuditKey(this.handle, this.auditKeyDir, resealLegacyChain);
      this.blocked = null;
      const latest = this.backups.list()[0];
      this.lastBackupAt = latest ? new Date(latest.createdAt) : null;
    } catch (error) {
      this.handle = null;
      const message = error instanceof Error ? error.message : String(error);
      const reason = isAppError(error) && error.code === 'error.db.newerVersion' ? 'newerVersion' : isAppError(error) && error.code === 'error.db.corrupt' ? 'corrupt' : 'unreadable';
      this.blocked = { state: 'blocked', dbPath: this.dbPath, reason, message };
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
    };
  }

  async backup(reason: BackupReason): Promise<BackupInfo> {
    const info = await this.backups.create(this.db(), reason);
    this.lastBackupAt = this.now();
    this.taken += 1;
    return info;
  }

  /** Backups taken by this process (counted so that a call can tell whether it took one). */
  get backupsTaken(): number {
    return this.taken;
  }

  /** Called after each data-changing call: takes the periodic backup when it is due. */
  async noteActivity(): Promise<void> {
    if (!this.handle) return;
    const due = !this.lastBackupAt || this.now().getTime() - this.lastBackupAt.getTime() >= this.intervalMs;
    if (due) await this.backup('automatica');
  }

  /**
   * Replaces the database by a backup. The current file is copied aside first; if the
   * backup turns out unusable, the current file is put back and nothing changes.
   */
  async restore(name: string): Promise<{ restored: string; keptAside: string | null }> {
    const source = this.backups.pathOf(name);
    this.close();
    const keptAside = this.backups.keepAside(this.dbPath);
    const previous = `${this.dbPath}.restaurando`;
    if (fs.existsSync(this.dbPath)) fs.renameSync(this.dbPath, previous);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(this.dbPath + suffix, { force: true });
    fs.copyFileSync(source, this.dbPath);
    await this.openHandle();
    if (!this.handle) {
      const detail = this.blocked?.message ?? '';
      fs.rmSync(this.dbPath, { force: true });
      if (fs.existsSync(previous)) fs.renameSync(previous, this.dbPath);
      await this.openHandle();
      throw new AppError('error.backup.invalid', { name, detail });
    }
    fs.rmSync(previous, { force: true });
    return { restored: name, keptAside };
  }

  close(): void {
    if (this.handle) {
      this.handle.close();
      this.handle = null;
    }
  }
}
