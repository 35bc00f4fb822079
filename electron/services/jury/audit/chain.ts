import { createHash, createHmac } from 'node:crypto';
import type { AuditAction, AuditVerification } from '../../../../shared/domain/jury-types';
import { AppError } from '../../../../shared/errors';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { execute, queryAll, queryEach, queryOne } from '../../../db/query';
import { actorNow } from '../../actor-columns';
import { keyringOf, restartKey } from './key';
import { configOutsideLog, refreshConfigDigest } from './config-check';
import { scoresOutsideLog } from './scores-check';
import { deletedOutsideLog, sheetsOutsideLog } from './sheets-check';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  at: string;
  actor: string;
  action: AuditAction;
  editionId?: number | null;
  stageId?: number | null;
  jurorId?: number | null;
  entryId?: number | null;
  criterionId?: number | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string;
}

/** The stored row, in the column order of audit_log. */
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  edition_id: number | null;
  stage_id: number | null;
  juror_id: number | null;
  entry_id: number | null;
  criterion_id: number | null;
  old_value: string | null;
  new_value: string | null;
  reason: string;
  prev_hash: string;
  hash: string;
  /** Row format: null for rows written before devices were recorded, AUDIT_FORMAT_DEVICE since. */
  format: number | null;
  /** The device that made the change (null: the organizer's own computer), its name and role. */
  device_id: number | null;
  device_name: string | null;
  device_role: string | null;
}

/** Rows in this format carry the device (id, name, role) inside their hash. */
export const AUDIT_FORMAT_DEVICE = 2;
/** Columns added with the device format: not part of the canonical form of older rows. */
const DEVICE_COLUMNS = new Set(['format', 'device_id', 'device_name', 'device_role']);

/**
 * Canonical JSON of a row without its hash: keys sorted, no white space. Re-serialising the
 * stored row must give the same bytes, so only SQLite's own values go in (TEXT/INTEGER/NULL).
 * A row of the first format (format NULL) is hashed without the device columns, exactly as it
 * was written; a device-format row includes them, format itself too, so neither «who» nor the
 * format can be changed without the key.
 */
export function canonicalRow(row: Omit<AuditRow, 'hash'> | Omit<AuditRow, 'hash' | 'format' | 'device_id' | 'device_name' | 'device_role'>): string {
  const legacy = !('format' in row) || row.format === null;
  const keys = Object.keys(row)
    .filter((k) => k !== 'hash' && !(legacy && DEVICE_COLUMNS.has(k)))
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify((row as Record<string, unknown>)[k])}`).join(',')}}`;
}

/**
 * HMAC-SHA-256 under the database's key (audit/key.ts) of (prev_hash || canonical row): without
 * the key, which is not in the database file, an edited row cannot be given a valid hash.
 * key null gives the plain SHA-256 that versions before the key used (legacy rows only).
 */
export function rowHash(row: Parameters<typeof canonicalRow>[0], key: Buffer | null): string {
  const digest = key ? createHmac('sha256', key) : createHash('sha256');
  return digest.update(row.prev_hash).update(canonicalRow(row)).digest('hex');
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/**
 * Appends one event to the chain. Must run inside the caller's transaction so the change and its
 * audit row commit (and reach the disk) together. Without this database's key nothing can be
 * recorded, so the change is refused with the way to install the key.
 */
export function appendAudit(db: Db, event: AuditEvent): number {
  const key = keyringOf(db)?.key;
  if (!key) throw new AppError('jury.audit.keyMissing');
  const last = queryOne<{ id: number; hash: string }>(db, `SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  // The person or device of the service call being served (the organizer's computer outside one).
  const device = actorNow();
  const row: Omit<AuditRow, 'hash'> = {
    id: (last?.id ?? 0) + 1,
    at: event.at,
    actor: event.actor,
    action: event.action,
    edition_id: event.editionId ?? null,
    stage_id: event.stageId ?? null,
    juror_id: event.jurorId ?? null,
    entry_id: event.entryId ?? null,
    criterion_id: event.criterionId ?? null,
    old_value: json(event.oldValue),
    new_value: json(event.newValue),
    reason: event.reason ?? '',
    prev_hash: last?.hash ?? GENESIS_HASH,
    format: AUDIT_FORMAT_DEVICE,
    device_id: device.deviceId,
    device_name: device.name,
    device_role: device.role,
  };
  execute(
    db,
    `INSERT INTO audit_log (id, at, actor, action, edition_id, stage_id, juror_id, entry_id, criterion_id, old_value, new_value, reason, prev_hash, hash, format, device_id, device_name, device_role)
     VALUES (@id, @at, @actor, @action, @edition_id, @stage_id, @juror_id, @entry_id, @criterion_id, @old_value, @new_value, @reason, @prev_hash, @hash, @format, @device_id, @device_name, @device_role)`,
    { ...row, hash: rowHash(row, key) },
  );
  return row.id;
}

/**
 * Walks the whole chain in id order, then checks that every score in the database is the one
 * its last audit row recorded. A row edited in place fails its own hash; a row deleted or
 * inserted breaks the link of the next one; a score edited without a matching (keyed) audit row
 * is reported as such. Removing the newest rows cannot be detected from the file alone: compare
 * headHash with one recorded elsewhere, e.g. printed in the acta.
 */
export function verifyAudit(db: Db): AuditVerification {
  const keyring = keyringOf(db);
  const { n: total } = queryOne<{ n: number }>(db, `SELECT count(*) AS n FROM audit_log`)!;
  if (!keyring?.key) {
    const message = t(keyring?.keyRemoved ? 'jury.audit.keyRemoved' : keyring?.mismatch ? 'jury.audit.keyMismatch' : 'jury.audit.keyMissing');
    return { ok: false, rows: total, brokenAtId: null, problem: 'key', message };
  }
  let previous = GENESIS_HASH;
  let rows = 0;
  for (const row of queryEach<AuditRow>(db, `SELECT * FROM audit_log ORDER BY id`)) {
    rows++;
    if (row.prev_hash !== previous) {
      return { ok: false, rows, brokenAtId: row.id, problem: 'link', message: t('jury.audit.brokenLink', { id: row.id }) };
    }
    const { hash, ...rest } = row;
    // Rows before a restart were keyed with the lost key: only their links can be followed.
    const checkable = row.id >= keyring.restartRow;
    if (checkable && rowHash(rest, rows <= keyring.legacyRows ? null : keyring.key) !== hash) {
      return { ok: false, rows, brokenAtId: row.id, problem: 'hash', message: t('jury.audit.brokenHash', { id: row.id }) };
    }
    previous = hash;
  }
  const stray = scoresOutsideLog(db);
  if (stray) return { ok: false, rows, brokenAtId: stray.auditId, problem: 'score', message: stray.message };
  const sheet = sheetsOutsideLog(db);
  if (sheet) return { ok: false, rows, brokenAtId: sheet.auditId, problem: 'sheet', message: sheet.message };
  const deleted = deletedOutsideLog(db);
  if (deleted) return { ok: false, rows, brokenAtId: deleted.auditId, problem: 'sheet', message: deleted.message };
  const config = configOutsideLog(db, keyring.key);
  if (config) return { ok: false, rows, brokenAtId: null, problem: 'config', message: config };
  return keyring.restartRow > 0 ? { ok: true, rows, headHash: previous, restartedAt: keyring.restartRow } : { ok: true, rows, headHash: previous };
}

/**
 * Re-seals, under a new key, a chain that an older version wrote with plain SHA-256 — only if
 * that chain is intact, so re-sealing never launders an edit. The append-only triggers are lifted
 * for this one rewrite, inside the caller's transaction. Returns false (nothing changed) when the
 * plain chain is broken.
 */
export function resealLegacyChain(db: Db, key: Buffer): boolean {
  const rows = queryAll<AuditRow>(db, `SELECT * FROM audit_log ORDER BY id`);
  let previous = GENESIS_HASH;
  for (const row of rows) {
    const { hash, ...rest } = row;
    if (row.prev_hash !== previous || rowHash(rest, null) !== hash) return false;
    previous = hash;
  }
  if (rows.length === 0) return true;
  const triggers = queryAll<{ name: string; sql: string }>(db, `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log'`);
  for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name.replace(/"/g, '""')}"`);
  // Hashes are UNIQUE: write the new ones in a second pass over temporary values.
  execute(db, `UPDATE audit_log SET hash = 'resellando-' || id`);
  previous = GENESIS_HASH;
  for (const row of rows) {
    const { hash: _old, ...rest } = row;
    const sealed = rowHash({ ...rest, prev_hash: previous }, key);
    execute(db, `UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?`, previous, sealed, row.id);
    previous = sealed;
  }
  for (const trigger of triggers) db.exec(trigger.sql);
  return true;
}

/**
 * «Iniciar una clave nueva»: records the old chain's final hash and the reason in a marker row
 * keyed with a new key, and re-seals the configuration digest as it stands now (the organizer
 * accepts it with that reason, in the log).
 */
export function restartChain(db: Db, dir: string, reason: string, now: string): void {
  const last = queryOne<{ id: number; hash: string }>(db, `SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  restartKey(db, dir, () =>
    appendAudit(db, { at: now, actor: 'organizer', action: 'audit.keyRestart', oldValue: { finalHash: last?.hash ?? GENESIS_HASH, rows: last?.id ?? 0 }, reason }),
  );
  refreshConfigDigest(db);
}

/** The verification as one sentence for the acta and the results workbook; never omitted. */
export function verificationLine(verification: AuditVerification): string {
  if (verification.ok) {
    const head = t('results.acta.auditHead', { hash: verification.headHash });
    return verification.restartedAt ? `${head} ${t('results.acta.auditRestarted', { id: verification.restartedAt })}` : head;
  }
  if ((verification.problem === 'hash' || verification.problem === 'link') && verification.brokenAtId !== null) {
    return t('results.acta.auditBroken', { id: verification.brokenAtId });
  }
  return t('results.acta.auditUnverified', { message: verification.message });
}
