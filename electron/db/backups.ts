import fs from 'node:fs';
import path from 'node:path';
import type { BackupAbout, BackupInfo } from '../../shared/domain/types';
import { AppError } from '../../shared/errors';
import { t, type MessageKey } from '../../shared/i18n';
import type { Db } from './open';
import { errorCode, storageError } from './storage-errors';

/**
 * Why a backup was taken. The kinds the app takes by itself rotate, each kind on its own
 * (the last N of each are kept), so that a busy afternoon of automatic backups never pushes out
 * the copy taken before an import. What a person chose to keep is never pruned: a backup made
 * on demand, and the file set aside before a restore (the only copy of the data as it was
 * before that restore).
 */
export type BackupReason = 'automatica' | 'antes-de-importar' | 'antes-de-migrar' | 'manual' | 'antes-de-restaurar';
const ROTATING: ReadonlySet<string> = new Set(['automatica', 'antes-de-importar', 'antes-de-migrar']);

const NAME_PATTERN = /^(\d{8}T\d{9})-([a-z-]+)\.db$/;
const LABELS_FILE = 'etiquetas.json';

/**
 * Backups live beside the database in `<name>-copias/`, named by UTC time and reason,
 * e.g. `20261126T142501123-antes-de-importar.db`. They are made with SQLite's online
 * backup API, so they are consistent even while the app writes.
 */
export class BackupStore {
  readonly dir: string;

  constructor(
    dbFile: string,
    private readonly keep = 10,
    private readonly now: () => Date = () => new Date(),
  ) {
    const parsed = path.parse(dbFile);
    this.dir = path.join(parsed.dir, `${parsed.name}-copias`);
  }

  /**
   * A consistent copy through the open connection (it includes what is still in the WAL).
   * `about` says what an import backup was taken for; it is kept in the folder's label file,
   * written before the copy appears in the list.
   */
  async create(db: Db, reason: BackupReason, about: BackupAbout | null = null): Promise<BackupInfo> {
    const name = this.uniqueNameIn(reason);
    const target = path.join(this.dir, name);
    const partial = `${target}.parcial`;
    try {
      await db.backup(partial);
      if (about) this.writeLabels({ ...this.labels(), [name]: about });
      fs.renameSync(partial, target);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw this.failure(error);
    }
    this.prune();
    return this.info(name);
  }

  /**
   * Copies the database file as it is on disk, with its WAL (a damaged database cannot be read
   * through a connection). The WAL goes beside the copy under the name SQLite looks for, so
   * opening the copy replays the committed transactions it holds.
   */
  copyRaw(dbFile: string, reason: BackupReason): string | null {
    if (!fs.existsSync(dbFile)) return null;
    const name = this.uniqueNameIn(reason);
    const target = path.join(this.dir, name);
    try {
      if (fs.existsSync(`${dbFile}-wal`)) fs.copyFileSync(`${dbFile}-wal`, `${target}-wal`);
      fs.copyFileSync(dbFile, target);
    } catch (error) {
      throw this.failure(error);
    }
    return name;
  }

  list(): BackupInfo[] {
    // No folder yet, or a file in its place (which the next backup reports): no backups.
    if (!fs.statSync(this.dir, { throwIfNoEntry: false })?.isDirectory()) return [];
    const labels = this.labels();
    return fs
      .readdirSync(this.dir)
      .filter((name) => NAME_PATTERN.test(name))
      .sort()
      .reverse()
      .map((name) => this.info(name, labels));
  }

  /** The file of a listed backup; anything else (paths, unknown names) is refused. */
  pathOf(name: string): string {
    if (!NAME_PATTERN.test(name) || !fs.existsSync(path.join(this.dir, name))) {
      throw new AppError('error.backup.notFound', { name });
    }
    return path.join(this.dir, name);
  }

  private info(name: string, labels = this.labels()): BackupInfo {
    const match = NAME_PATTERN.exec(name);
    const stamp = match?.[1] ?? '';
    const createdAt = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
    const sizeBytes = fs.statSync(path.join(this.dir, name)).size;
    return { name, reason: match?.[2] ?? '', createdAt, sizeBytes, about: labels[name] ?? null };
  }

  /**
   * What each import backup was taken for, by file name. One small JSON file for the folder
   * (not one per backup) so that the folder holds the backups and just this beside them; only
   * this process writes it (the database lock keeps other instances out).
   */
  private labels(): Record<string, BackupAbout> {
    try {
      const value = JSON.parse(fs.readFileSync(path.join(this.dir, LABELS_FILE), 'utf8')) as unknown;
      if (!value || typeof value !== 'object') return {};
      const labels: Record<string, BackupAbout> = {};
      for (const [name, about] of Object.entries(value as Record<string, Partial<BackupAbout>>)) {
        if (typeof about?.fileName === 'string') labels[name] = { fileName: about.fileName, edition: typeof about.edition === 'string' ? about.edition : null };
      }
      return labels;
    } catch {
      // None yet, or unreadable: the backups are still listed, by reason only.
      return {};
    }
  }

  private writeLabels(labels: Record<string, BackupAbout>): void {
    const file = path.join(this.dir, LABELS_FILE);
    fs.writeFileSync(`${file}.parcial`, JSON.stringify(labels, null, 1));
    fs.renameSync(`${file}.parcial`, file);
  }

  /** Makes sure the folder exists and picks a free name in it. */
  private uniqueNameIn(reason: BackupReason): string {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
    } catch (error) {
      throw this.failure(error);
    }
    return this.uniqueName(reason);
  }

  /** Why a backup could not be written, in Spanish, with what to do about it. */
  private failure(error: unknown): AppError {
    const code = errorCode(error);
    const mapped = storageError(error)?.code;
    const cause: MessageKey =
      mapped === 'error.db.full'
        ? 'error.backup.cause.full'
        : code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR'
          ? 'error.backup.cause.folder'
          : mapped === 'error.db.readonly'
            ? 'error.backup.cause.readonly'
            : 'error.backup.cause.other';
    return new AppError('error.backup.failed', { dir: this.dir, cause: t(cause) }, { code, detail: error instanceof Error ? error.message : String(error) });
  }

  private uniqueName(reason: BackupReason): string {
    let time = this.now().getTime();
    for (;;) {
      const stamp = new Date(time).toISOString().replace(/[-:.Z]/g, '').replace('T', 'T');
      const name = `${stamp}-${reason}.db`;
      if (!fs.existsSync(path.join(this.dir, name))) return name;
      time += 1;
    }
  }

  private prune(): void {
    const all = this.list();
    const labels = this.labels();
    let relabel = false;
    for (const reason of ROTATING) {
      for (const old of all.filter((b) => b.reason === reason).slice(this.keep)) {
        for (const suffix of ['', '-wal']) fs.rmSync(path.join(this.dir, old.name + suffix), { force: true });
        if (labels[old.name]) {
          delete labels[old.name];
          relabel = true;
        }
      }
    }
    if (relabel) this.writeLabels(labels);
  }
}
