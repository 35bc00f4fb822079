import type { Database } from 'better-sqlite3';

/**
 * The audit chain becomes keyed (HMAC-SHA-256 with a per-database secret kept outside this file,
 * see electron/services/jury/audit/key.ts); the key's id and check value live in app_meta
 * ('audit.keyId', 'audit.keyCheck', 'audit.legacyRows'), written when the database is opened.
 *
 * audit_log_score: the last 'score.set' row of one score cell, looked up for every score when the
 * chain is verified (a score edited in the file without its audit row is reported).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE INDEX audit_log_score ON audit_log(stage_id, entry_id, juror_id, criterion_id, id) WHERE action = 'score.set';
  `);
}
