import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../shared/domain/types';
import { AppError } from '../../shared/errors';
import type { Db } from './open';

/** Why a backup was taken; automatic kinds rotate (last N kept), the others are never pruned. */
export type BackupReason = 'automatica' | 'antes-de-importar' | 'antes-de-migrar' | 'manual' | 'antes-de-restaurar';
const ROTATING: ReadonlySet<string> = new Set(['automatica', 'antes-de-importar', 'antes-de-migrar', 'manual']);

const NAME_PATTERN = /^(\d{8}T\d{9})-([a-z-]+)\.db$/;

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

  async create(db: Db, reason: BackupReason): Promise<BackupInfo> {
    fs.mkdirSync(this.dir, { recursive: true });
    const name = this.uniqueName(reason);
    const target = path.join(this.dir, name);
    const partial = `${target}.parcial`;
    await db.backup(partial);
    fs.renameSync(partial, target);
    this.prune();
    return this.info(name);
  }

  /** Moves the current database files aside (used before a restore). */
  keepAside(dbFile: string): string | null {
    if (!fs.existsSync(dbFile)) return null;
    fs.mkdirSync(this.dir, { recursive: true });
    const name = this.uniqueName('antes-de-restaurar');
    fs.copyFileSync(dbFile, path.join(this.dir, name));
    return name;
  }

  list(): BackupInfo[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((name) => NAME_PATTERN.test(name))
      .sort()
      .reverse()
      .map((name) => this.info(name));
  }

  /** The file of a listed backup; anything else (paths, unknown names) is refused. */
  pathOf(name: string): string {
    if (!NAME_PATTERN.test(name) || !fs.existsSync(path.join(this.dir, name))) {
      throw new AppError('error.backup.notFound', { name });
    }
    return path.join(this.dir, name);
  }

  private info(name: string): BackupInfo {
    const match = NAME_PATTERN.exec(name);
    const stamp = match?.[1] ?? '';
    const createdAt = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
    const sizeBytes = fs.statSync(path.join(this.dir, name)).size;
    return { name, reason: match?.[2] ?? '', createdAt, sizeBytes };
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
    const rotating = this.list().filter((b) => ROTATING.has(b.reason));
    for (const old of rotating.slice(this.keep)) fs.rmSync(path.join(this.dir, old.name), { force: true });
  }
}
