import { sessionScope, type Actor, type SessionScope } from '../../../shared/sede/roles';
import type { Device, Invitation } from '../../../shared/contract/sede';
import { AppError, isAppError } from '../../../shared/errors';
import { t } from '../../../shared/i18n';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { newCode, newToken, normalizeCode, sha256 } from './codes';
import { scopeLabel } from './scope-label';

/**
 * Invitations and devices in the database (migration 008). Codes and session tokens are kept
 * only as SHA-256 hashes: the database file alone opens no session.
 */

interface InvitationRow {
  id: number;
  name: string;
  scope: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  cancelled_at: string | null;
  device_id: number | null;
}

interface DeviceRow {
  id: number;
  name: string;
  scope: string;
  created_at: string;
  last_seen_at: string | null;
  last_address: string | null;
  revoked_at: string | null;
  revoked_reason: string;
}

const INVITATION_COLUMNS = 'id, name, scope, created_at, expires_at, used_at, cancelled_at, device_id';
const DEVICE_COLUMNS = 'id, name, scope, created_at, last_seen_at, last_address, revoked_at, revoked_reason';

/** A stored scope, read back through the same schema that let it in. */
function parseScope(json: string): SessionScope {
  return sessionScope.parse(JSON.parse(json));
}

/** The label of a stored scope; a record deleted since the invitation was made is named, not thrown. */
function labelOf(db: Db, scope: SessionScope): string {
  try {
    return scopeLabel(db, scope);
  } catch (error) {
    if (isAppError(error)) return `${t(`sede.role.${scope.role}`)} · ${error.message}`;
    throw error;
  }
}

/** The fields invitations and devices share: who it is for and what its scope reads as. */
function named(db: Db, row: { id: number; name: string; scope: string }): { id: number; name: string; scope: SessionScope; scopeLabel: string } {
  const scope = parseScope(row.scope);
  return { id: row.id, name: row.name, scope, scopeLabel: labelOf(db, scope) };
}

function toInvitation(db: Db, row: InvitationRow): Invitation {
  return { ...named(db, row), createdAt: row.created_at, expiresAt: row.expires_at, usedAt: row.used_at, cancelledAt: row.cancelled_at, deviceId: row.device_id };
}

function toDevice(db: Db, row: DeviceRow, connected: boolean): Device {
  return {
    ...named(db, row),
    address: row.last_address,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_at ? row.revoked_reason : null,
    connected,
  };
}

export function createInvitation(db: Db, input: { name: string; scope: SessionScope; validMinutes: number }, now: Date): Invitation & { code: string } {
  // Refuses a scope naming records that do not exist before anything is written.
  scopeLabel(db, input.scope);
  const code = newCode();
  const expires = new Date(now.getTime() + input.validMinutes * 60_000);
  const { lastInsertRowid } = execute(
    db,
    'INSERT INTO sede_invitation (code_hash, name, scope, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    sha256(normalizeCode(code) ?? ''), input.name, JSON.stringify(input.scope), now.toISOString(), expires.toISOString(),
  );
  return { ...getInvitation(db, Number(lastInsertRowid)), code };
}

export function getInvitation(db: Db, id: number): Invitation {
  const row = queryOne<InvitationRow>(db, `SELECT ${INVITATION_COLUMNS} FROM sede_invitation WHERE id = ?`, id);
  if (!row) throw new AppError('sede.error.invitationNotFound', { id });
  return toInvitation(db, row);
}

export function listInvitations(db: Db): Invitation[] {
  return queryAll<InvitationRow>(db, `SELECT ${INVITATION_COLUMNS} FROM sede_invitation ORDER BY id DESC`)
    .map((row) => toInvitation(db, row));
}

export function cancelInvitation(db: Db, id: number, now: Date): Invitation {
  const invitation = getInvitation(db, id);
  if (invitation.usedAt || invitation.cancelledAt) throw new AppError('sede.error.invitationClosed');
  execute(db, 'UPDATE sede_invitation SET cancelled_at = ? WHERE id = ?', now.toISOString(), id);
  return getInvitation(db, id);
}

export function getDevice(db: Db, id: number, connected: (id: number) => boolean): Device {
  const row = queryOne<DeviceRow>(db, `SELECT ${DEVICE_COLUMNS} FROM sede_device WHERE id = ?`, id);
  if (!row) throw new AppError('sede.error.deviceNotFound', { id });
  return toDevice(db, row, connected(id));
}

export function listDevices(db: Db, connected: (id: number) => boolean): Device[] {
  return queryAll<DeviceRow>(db, `SELECT ${DEVICE_COLUMNS} FROM sede_device ORDER BY revoked_at IS NOT NULL, id DESC`)
    .map((row) => toDevice(db, row, connected(row.id)));
}

/** Devices whose session is open (joined and neither revoked nor left). */
export function countActiveDevices(db: Db): number {
  return queryOne<{ n: number }>(db, 'SELECT count(*) AS n FROM sede_device WHERE revoked_at IS NULL')?.n ?? 0;
}

export function revokeDevice(db: Db, id: number, reason: string, now: Date): void {
  const row = queryOne<{ revoked_at: string | null }>(db, 'SELECT revoked_at FROM sede_device WHERE id = ?', id);
  if (!row) throw new AppError('sede.error.deviceNotFound', { id });
  if (row.revoked_at) throw new AppError('sede.error.deviceRevoked');
  execute(db, 'UPDATE sede_device SET revoked_at = ?, revoked_reason = ? WHERE id = ?', now.toISOString(), reason, id);
}

export type RedeemRefusal = 'sede.error.badCode' | 'sede.error.codeUsed' | 'sede.error.codeExpired' | 'sede.error.codeCancelled';

/**
 * Exchanges a typed code for a new device and its session token (returned once, stored hashed).
 * In one transaction, so two devices typing the same code at once cannot both get in.
 */
export function redeemCode(db: Db, typed: string, address: string | null, now: Date): { token: string; actor: Actor } | { refused: RedeemRefusal } {
  const normalized = normalizeCode(typed);
  if (normalized === null) return { refused: 'sede.error.badCode' };
  return db.transaction(() => {
    const row = queryOne<InvitationRow>(db, `SELECT ${INVITATION_COLUMNS} FROM sede_invitation WHERE code_hash = ?`, sha256(normalized));
    if (!row) return { refused: 'sede.error.badCode' as const };
    if (row.cancelled_at) return { refused: 'sede.error.codeCancelled' as const };
    if (row.used_at) return { refused: 'sede.error.codeUsed' as const };
    if (now.getTime() >= new Date(row.expires_at).getTime()) return { refused: 'sede.error.codeExpired' as const };
    const token = newToken();
    const at = now.toISOString();
    const { lastInsertRowid } = execute(
      db,
      'INSERT INTO sede_device (token_hash, name, scope, created_at, last_seen_at, last_address) VALUES (?, ?, ?, ?, ?, ?)',
      sha256(token), row.name, row.scope, at, at, address,
    );
    execute(db, 'UPDATE sede_invitation SET used_at = ?, device_id = ? WHERE id = ?', at, lastInsertRowid, row.id);
    return { token, actor: { scope: parseScope(row.scope), deviceId: Number(lastInsertRowid), name: row.name } };
  })();
}

/** The session a cookie's token opens, or null (unknown, revoked). Runs on every venue request: one indexed lookup. */
export function sessionOf(db: Db, token: string): Actor | null {
  const row = queryOne<{ id: number; name: string; scope: string }>(
    db,
    'SELECT id, name, scope FROM sede_device WHERE token_hash = ? AND revoked_at IS NULL',
    sha256(token),
  );
  return row ? { scope: parseScope(row.scope), deviceId: row.id, name: row.name } : null;
}

export function noteSeen(db: Db, deviceId: number, address: string | null, now: Date): void {
  execute(db, 'UPDATE sede_device SET last_seen_at = ?, last_address = ? WHERE id = ?', now.toISOString(), address, deviceId);
}

/** Sessions ended and codes spent in the database being replaced: a restore must not bring them back. */
export interface EndedSessions {
  devices: { tokenHash: string; revokedAt: string; reason: string }[];
  codes: { codeHash: string; at: string }[];
}

export function endedSessions(db: Db): EndedSessions {
  const devices = queryAll<{ tokenHash: string; revokedAt: string; reason: string }>(
    db,
    'SELECT token_hash AS tokenHash, revoked_at AS revokedAt, revoked_reason AS reason FROM sede_device WHERE revoked_at IS NOT NULL',
  );
  const codes = queryAll<{ codeHash: string; at: string }>(
    db,
    'SELECT code_hash AS codeHash, COALESCE(used_at, cancelled_at) AS at FROM sede_invitation WHERE used_at IS NOT NULL OR cancelled_at IS NOT NULL',
  );
  return { devices, codes };
}

/**
 * After a restore: a device revoked (or that left) since the backup stays revoked, and a code
 * redeemed or cancelled since then cannot be redeemed again. Sessions opened after the backup
 * are simply not in it (those devices join again).
 */
export function reapplyEndedSessions(db: Db, ended: EndedSessions): void {
  db.transaction(() => {
    for (const device of ended.devices) execute(
      db,
      'UPDATE sede_device SET revoked_at = ?, revoked_reason = ? WHERE token_hash = ? AND revoked_at IS NULL',
      device.revokedAt, device.reason, device.tokenHash,
    );
    for (const code of ended.codes) execute(
      db,
      'UPDATE sede_invitation SET cancelled_at = ? WHERE code_hash = ? AND used_at IS NULL AND cancelled_at IS NULL',
      code.at, code.codeHash,
    );
  })();
}
