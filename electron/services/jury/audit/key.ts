import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile } from '../../../../shared/domain/types';
import { AppError } from '../../../../shared/errors';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { execute, queryOne } from '../../../db/query';

/**
 * The secret that keys the audit chain (HMAC-SHA-256). It is generated once per database and
 * kept OUTSIDE the database file, in `<db name>-claves/<key id>.clave` beside it: someone who
 * only has the .db file (a copy, a backup sent by e-mail, a USB stick) can edit rows but cannot
 * recompute the chain. The database stores only the key's id and a check value (an HMAC of the
 * id), so the app tells "wrong or missing key" from "altered rows". Moving the data to another
 * computer means copying the key too: «Exportar la clave» / «Importar la clave» (docs/seguridad.md).
 */

const KEY_ID = 'audit.keyId';
const KEY_CHECK = 'audit.keyCheck';
/** Rows written before the chain was keyed whose plain hashes could not be re-sealed (the chain was already broken). */
const LEGACY_ROWS = 'audit.legacyRows';
/** Id of the row where the chain restarted under a new key after the old one was lost (0: never). */
const RESTART_ROW = 'audit.restartRow';
const KEY_FILE_FORMAT = 'bpge-clave-auditoria';

export interface AuditKeyring {
  keyId: string;
  /** null: this computer does not have the key of this database (copied without it). */
  key: Buffer | null;
  /** A key file exists here but does not fit the check value stored in the database (one of the two was altered). */
  mismatch: boolean;
  /** How many first rows keep the unkeyed SHA-256 of older versions (0 unless their chain was broken when keyed). */
  legacyRows: number;
  /**
   * The database has audit rows but no key id although it was already keyed (its schema had the
   * keyed chain before this open, or another key of it sits in the key folder): the key's record
   * was removed outside the app. Nothing is re-sealed and nothing verifies.
   */
  keyRemoved: boolean;
  /** Rows before this id were keyed with a key that was lost: their links are checked, their hashes cannot be (0: none). */
  restartRow: number;
}

export interface AttachOptions {
  /**
   * True only during the open in which the migration that keys the chain ran: the one moment a
   * chain with plain hashes is legitimately there to be sealed. Any later open that finds rows
   * without a key id means the key's record was deleted (to re-seal an edited chain, say).
   */
  keyingMigrationRan: boolean;
}

const keyrings = new WeakMap<Db, AuditKeyring>();

export function keyringOf(db: Db): AuditKeyring | undefined {
  return keyrings.get(db);
}

/** Where the key files of one database live. */
export function keyDirFor(dbFile: string): string {
  const parsed = path.parse(dbFile);
  return path.join(parsed.dir, `${parsed.name}-claves`);
}

const check = (key: Buffer, keyId: string, legacyRows: number, restartRow = 0): string =>
  createHmac('sha256', key)
    .update(`bpge-audit-key:${keyId}:${legacyRows}${restartRow ? `:reinicio:${restartRow}` : ''}`)
    .digest('hex');

const meta = (db: Db, key: string): string | undefined =>
  queryOne<{ value: string }>(db, `SELECT value FROM app_meta WHERE key = ?`, key)?.value;

const setMeta = (db: Db, key: string, value: string) =>
  execute(db, `INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value);

function keyPath(dir: string, keyId: string): string {
  // The id comes from the database file, which may be hostile: only our own id shape becomes a path.
  if (!/^[0-9a-f-]{36}$/.test(keyId)) throw new AppError('jury.audit.keyBadId');
  return path.join(dir, `${keyId}.clave`);
}

function readKey(dir: string, keyId: string): Buffer | null {
  // A bad id (the file was edited) reads as a missing key: the chain is then reported, not the open refused.
  try {
    const key = Buffer.from(fs.readFileSync(keyPath(dir, keyId), 'utf8').trim(), 'hex');
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

/** Whether the key folder already holds a key of this database (under an id the database no longer names). */
function otherKeyFiles(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((name) => name.endsWith('.clave'));
  } catch {
    return false;
  }
}

function writeKey(dir: string, keyId: string, key: Buffer): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = keyPath(dir, keyId);
  const partial = `${target}.parcial`;
  fs.writeFileSync(partial, key.toString('hex'), { mode: 0o600 });
  fs.renameSync(partial, target);
}

function matches(key: Buffer, keyId: string, legacyRows: number, restartRow: number, stored: string | undefined): boolean {
  if (!stored) return false;
  const expected = Buffer.from(check(key, keyId, legacyRows, restartRow), 'hex');
  const given = Buffer.from(stored, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Attaches this database's key to the handle (called every time the database is opened). A
 * database without a key gets one; rows an older version chained with a plain hash are re-sealed
 * with it when their chain is intact (otherwise they stay as they were, and verification keeps
 * reporting where that chain broke). `reseal` is the chain module's, passed in to avoid a cycle.
 */
export function attachAuditKey(db: Db, dir: string, reseal: (db: Db, key: Buffer) => boolean, options: AttachOptions): AuditKeyring | null {
  // A database at a schema without the jury tables (tests of old migrations) has no chain to key.
  if (!queryOne(db, `SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'`)) return null;
  const keyId = meta(db, KEY_ID);
  if (keyId) {
    const legacyRows = Number(meta(db, LEGACY_ROWS) ?? 0);
    const restartRow = Number(meta(db, RESTART_ROW) ?? 0);
    const key = readKey(dir, keyId);
    const fits = !!key && matches(key, keyId, legacyRows, restartRow, meta(db, KEY_CHECK));
    const keyring = { keyId, key: fits ? key : null, mismatch: !!key && !fits, legacyRows, keyRemoved: false, restartRow };
    keyrings.set(db, keyring);
    return keyring;
  }
  const { n: rowCount } = queryOne<{ n: number }>(db, `SELECT count(*) AS n FROM audit_log`)!;
  if (rowCount > 0 && (!options.keyingMigrationRan || otherKeyFiles(dir))) {
    const keyring = { keyId: '', key: null, mismatch: false, legacyRows: 0, keyRemoved: true, restartRow: 0 };
    keyrings.set(db, keyring);
    return keyring;
  }
  const fresh = { keyId: randomUUID(), key: randomBytes(32) };
  writeKey(dir, fresh.keyId, fresh.key);
  return db.transaction(() => {
    const sealed = reseal(db, fresh.key);
    const { n } = queryOne<{ n: number }>(db, `SELECT count(*) AS n FROM audit_log`)!;
    const legacyRows = sealed ? 0 : n;
    setMeta(db, KEY_ID, fresh.keyId);
    setMeta(db, LEGACY_ROWS, String(legacyRows));
    setMeta(db, KEY_CHECK, check(fresh.key, fresh.keyId, legacyRows));
    const keyring = { ...fresh, mismatch: false, legacyRows, keyRemoved: false, restartRow: 0 };
    keyrings.set(db, keyring);
    return keyring;
  })();
}

/** The key as a file to carry to another computer with the database. */
export function exportKey(db: Db): ExportedFile {
  const keyring = keyrings.get(db);
  if (!keyring?.key) throw new AppError('jury.audit.keyMissing');
  const body = JSON.stringify({ format: KEY_FILE_FORMAT, version: 1, keyId: keyring.keyId, key: keyring.key.toString('hex') }, null, 2);
  return {
    fileName: t('jury.audit.keyFileName', { id: keyring.keyId.slice(0, 8) }),
    mimeType: 'application/json',
    dataBase64: Buffer.from(body, 'utf8').toString('base64'),
  };
}

/** Installs a key exported on another computer, only if it is this database's (id and check value match). */
export function importKey(db: Db, dir: string, dataBase64: string): void {
  const keyring = keyrings.get(db);
  if (!keyring) throw new AppError('jury.audit.keyMissing');
  let parsed: { format?: unknown; keyId?: unknown; key?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(dataBase64, 'base64').toString('utf8')) as typeof parsed;
  } catch {
    throw new AppError('jury.audit.keyFileInvalid');
  }
  if (parsed.format !== KEY_FILE_FORMAT || typeof parsed.keyId !== 'string' || typeof parsed.key !== 'string') throw new AppError('jury.audit.keyFileInvalid');
  if (parsed.keyId !== keyring.keyId) throw new AppError('jury.audit.keyOtherDatabase');
  const key = Buffer.from(parsed.key, 'hex');
  if (key.length !== 32 || !matches(key, keyring.keyId, keyring.legacyRows, keyring.restartRow, meta(db, KEY_CHECK))) throw new AppError('jury.audit.keyWrong');
  writeKey(dir, keyring.keyId, key);
  keyring.key = key;
  keyring.mismatch = false;
}

/**
 * Starts the chain again under a new key when this database's key is lost (only a backup .db
 * survived) or its record was removed: without it every jury change would be refused forever.
 * `appendMarker` writes, keyed with the new key, the audit row that records the old final hash
 * and the reason, and returns its id; rows before it are reported as not verifiable with this
 * key. Must run inside the caller's transaction; the in-memory key is put back if it fails.
 */
export function restartKey(db: Db, dir: string, appendMarker: () => number): void {
  const keyring = keyrings.get(db);
  if (!keyring) throw new AppError('jury.audit.keyMissing');
  if (keyring.key) throw new AppError('jury.audit.keyRestartNotNeeded');
  const fresh = { keyId: randomUUID(), key: randomBytes(32) };
  writeKey(dir, fresh.keyId, fresh.key);
  const previous = { ...keyring };
  Object.assign(keyring, { ...fresh, mismatch: false, legacyRows: 0, keyRemoved: false, restartRow: 0 });
  try {
    const row = appendMarker();
    keyring.restartRow = row;
    setMeta(db, KEY_ID, fresh.keyId);
    setMeta(db, LEGACY_ROWS, '0');
    setMeta(db, RESTART_ROW, String(row));
    setMeta(db, KEY_CHECK, check(fresh.key, fresh.keyId, 0, row));
  } catch (error) {
    Object.assign(keyring, previous);
    throw error;
  }
}

export function keyStatus(db: Db): { keyId: string; present: boolean } {
  const keyring = keyrings.get(db);
  return { keyId: keyring?.keyId ?? '', present: !!keyring?.key };
}
