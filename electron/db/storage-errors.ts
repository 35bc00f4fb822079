import { AppError } from '../../shared/errors';
import type { MessageKey } from '../../shared/i18n';

/**
 * SQLite and the file system report trouble with the disk in English codes and texts
 * («database or disk is full», «database disk image is malformed»). What the user can do
 * about them is the same few things — free space, restore a backup, close the other program,
 * check the drive — so each family of codes maps to one Spanish message saying that. The
 * original text stays in `details` for a bug report, never in the message.
 *
 * better-sqlite3 puts the extended result code name in `code` (SQLITE_IOERR_WRITE,
 * SQLITE_CORRUPT_INDEX…); Node puts the errno name there (ENOSPC, EROFS…). Matching by prefix
 * covers every extended code of a family.
 */
const FAMILIES: ReadonlyArray<{ codes: readonly string[]; key: MessageKey }> = [
  { codes: ['SQLITE_FULL', 'ENOSPC', 'EDQUOT'], key: 'error.db.full' },
  { codes: ['SQLITE_CORRUPT', 'SQLITE_NOTADB'], key: 'error.db.damaged' },
  { codes: ['SQLITE_READONLY', 'EROFS', 'EACCES', 'EPERM'], key: 'error.db.readonly' },
  { codes: ['SQLITE_BUSY', 'SQLITE_LOCKED', 'EBUSY'], key: 'error.db.busy' },
  { codes: ['SQLITE_IOERR', 'SQLITE_CANTOPEN', 'EIO'], key: 'error.db.io' },
];

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The Spanish guidance for a storage failure, or null when the error is something else. */
export function storageError(error: unknown): AppError | null {
  const code = errorCode(error);
  if (!code) return null;
  const family = FAMILIES.find((f) => f.codes.some((prefix) => code === prefix || code.startsWith(`${prefix}_`)));
  if (!family) return null;
  return new AppError(family.key, undefined, { code, detail: error instanceof Error ? error.message : String(error) });
}
