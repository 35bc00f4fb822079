import { createHash } from 'node:crypto';
import type { AuditAction, AuditVerification } from '../../../../shared/domain/jury-types';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { sql } from '../statements';

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
}

/**
 * Canonical JSON of a row without its hash: keys sorted, no white space. Re-serialising the
 * stored row must give the same bytes, so only SQLite's own values go in (TEXT/INTEGER/NULL).
 */
export function canonicalRow(row: Omit<AuditRow, 'hash'>): string {
  const keys = Object.keys(row).filter((k) => k !== 'hash').sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify((row as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function rowHash(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(row.prev_hash).update(canonicalRow(row)).digest('hex');
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/**
 * Appends one event to the chain. Must run inside the caller's transaction so the change and its
 * audit row commit (and reach the disk) together.
 */
export function appendAudit(db: Db, event: AuditEvent): void {
  const last = sql(db, `SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { id: number; hash: string } | undefined;
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
  };
  sql(db, 
    `INSERT INTO audit_log (id, at, actor, action, edition_id, stage_id, juror_id, entry_id, criterion_id, old_value, new_value, reason, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @edition_id, @stage_id, @juror_id, @entry_id, @criterion_id, @old_value, @new_value, @reason, @prev_hash, @hash)`,
  ).run({ ...row, hash: rowHash(row) });
}

/**
 * Walks the whole chain in id order. A row edited in place fails its own hash; a row deleted
 * or inserted breaks the link of the next one. (Removing the newest rows cannot be detected from
 * the file alone — compare headHash with one recorded elsewhere, e.g. printed in the acta.)
 */
export function verifyAudit(db: Db): AuditVerification {
  let previous = GENESIS_HASH;
  let rows = 0;
  for (const row of sql(db, `SELECT * FROM audit_log ORDER BY id`).iterate() as IterableIterator<AuditRow>) {
    rows++;
    if (row.prev_hash !== previous) {
      return { ok: false, rows, brokenAtId: row.id, problem: 'link', message: t('jury.audit.brokenLink', { id: row.id }) };
    }
    const { hash, ...rest } = row;
    if (rowHash(rest) !== hash) {
      return { ok: false, rows, brokenAtId: row.id, problem: 'hash', message: t('jury.audit.brokenHash', { id: row.id }) };
    }
    previous = hash;
  }
  return { ok: true, rows, headHash: previous };
}
