import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../../shared/errors';
import { formatDateTime, t } from '../../shared/i18n';
import { errorCode, storageError } from './storage-errors';

/** Which program holds the database, said in the refusal a second one gets. */
export type LockProgram = 'desktop' | 'serve' | 'other';
const PROGRAMS: readonly LockProgram[] = ['desktop', 'serve', 'other'];

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  program: LockProgram;
}

/**
 * One program at a time on a database file. Two would each keep their own cache and WAL view,
 * and a restore in one deletes the file the other goes on writing to: acknowledged writes lost.
 *
 * Why a lock file beside the database (`<db>.en-uso`, created with O_EXCL) and not SQLite's
 * `locking_mode = EXCLUSIVE`:
 * - it survives a restore: the database handle is closed and the file replaced while the lock
 *   stays held, whereas an SQLite lock ends with the connection that took it;
 * - it says who holds it (pid, computer, since when, which program), which an OS lock cannot;
 * - it does not change how SQLite itself works (WAL, its -shm, the read-only pre-check and the
 *   online backups all keep their ordinary locking).
 * Its weakness is a crash: the file stays. A lock whose process is gone on this computer, or
 * that was written before this computer last booted (its pid may now be someone else's), is
 * stale and taken over. A lock from another computer cannot be checked from here (a folder
 * moved between laptops, or on a shared drive): it is respected, and the message names the
 * computer and the file to delete if that computer no longer uses the database.
 */
export class DatabaseLock {
  private constructor(
    readonly file: string,
    private readonly owner: LockOwner,
  ) {}

  static acquire(dbPath: string, program: LockProgram): DatabaseLock {
    const file = `${dbPath}.en-uso`;
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), program };
    // Two attempts: the second after removing a stale lock found by the first.
    for (let attempt = 0; attempt < 2; attempt++) {
      if (tryCreate(file, owner)) return new DatabaseLock(file, owner);
      const holder = readOwner(file);
      if (holder === 'gone') continue;
      if (holder === 'unreadable') {
        // Empty or cut short: left by a crash between creating and filling it — unless it was
        // created a moment ago, by a program that is writing it right now.
        if (ageMs(file) < JUST_CREATED_MS) throw new AppError('error.db.lockContended', { file: dbPath });
      } else if (!isStale(holder)) {
        throw lockedError(dbPath, file, holder);
      }
      takeOverStale(file, holder);
    }
    // Another program took it over between our attempts, and released it again.
    throw new AppError('error.db.lockContended', { file: dbPath });
  }

  /** Gives the database up; leaves alone a lock that is no longer ours (taken over as stale). */
  release(): void {
    const holder = readOwner(this.file);
    if (typeof holder === 'object' && sameOwner(holder, this.owner)) {
      fs.rmSync(this.file, { force: true });
    }
  }
}

/**
 * Removes the lock judged stale — only if it is still that one. Two programs started together
 * after a crash both find the same stale lock; a plain delete by the slower one would remove the
 * lock the faster one has just created, and both would go on. So the file is first moved aside
 * (a rename is atomic: of two programs, one gets it), then read: if it is not the stale lock
 * examined (another program took over meanwhile), it is put back. Returns whether the stale lock
 * was removed; either way, the caller tries to create its own again.
 */
export function takeOverStale(file: string, stale: LockOwner | 'unreadable'): boolean {
  const aside = `${file}.${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
  const moved = readOwner(aside);
  const same = stale === 'unreadable' ? moved === 'unreadable' : typeof moved === 'object' && sameOwner(moved, stale);
  if (same) {
    fs.rmSync(aside, { force: true });
    return true;
  }
  // Someone else's fresh lock: back where it was (link fails if yet another lock appeared there).
  try {
    fs.linkSync(aside, file);
  } catch {
    // Left aside; the creation that follows finds the newer lock, or takes the free place.
  }
  fs.rmSync(aside, { force: true });
  return false;
}

function sameOwner(a: LockOwner, b: LockOwner): boolean {
  return a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;
}

function tryCreate(file: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    const mapped = storageError(error);
    throw new AppError('error.db.lockFailed', { file, cause: mapped?.message ?? String(error) });
  }
  try {
    fs.writeSync(fd, JSON.stringify(owner));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function readOwner(file: string): LockOwner | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'gone';
    return 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.startedAt === 'string') {
      const program = PROGRAMS.includes(value.program as LockProgram) ? (value.program as LockProgram) : 'other';
      return { pid: value.pid, host: value.host, startedAt: value.startedAt, program };
    }
  } catch {
    // Empty or cut short: the holder crashed between creating and writing it.
  }
  return 'unreadable';
}

function isStale(holder: LockOwner): boolean {
  if (holder.host !== os.hostname()) return false;
  const bootedAt = Date.now() - os.uptime() * 1000;
  // A minute of slack: uptime is in whole seconds and clocks get adjusted at boot.
  if (Date.parse(holder.startedAt) < bootedAt - 60_000) return true;
  return !processAlive(holder.pid);
}

/** A lock file younger than this may still be being written by the program that created it. */
const JUST_CREATED_MS = 5_000;

function ageMs(file: string): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? Date.now() - stat.mtimeMs : Number.POSITIVE_INFINITY;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user — alive.
    return errorCode(error) === 'EPERM';
  }
}

function lockedError(dbPath: string, lockFile: string, holder: LockOwner): AppError {
  const params = {
    file: dbPath,
    program: t(`error.db.lock.program.${holder.program}`),
    pid: String(holder.pid),
    host: holder.host,
    since: formatDateTime(holder.startedAt),
  };
  if (holder.host === os.hostname()) return new AppError('error.db.locked', params, { holder });
  return new AppError('error.db.lockedOtherHost', { message: t('error.db.locked', params), lockFile }, { holder });
}
