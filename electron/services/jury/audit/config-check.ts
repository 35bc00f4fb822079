import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditAction } from '../../../../shared/domain/jury-types';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { execute, queryEachTuple, queryOne } from '../../../db/query';
import { keyringOf } from './key';

/**
 * A keyed digest (HMAC under the chain's key) of the configuration the results depend on,
 * kept in app_meta. The audit rows record each configuration change, but nothing ties them to
 * the tables' current state the way scores-check does for scores: without this digest, deleting
 * a juror or changing a weight with a SQLite tool would pass verification. Scores and sheets are
 * not in it (each is checked against its own audit row), so score saves stay cheap.
 */
const DIGEST = 'audit.configDigest';

/** Appended once to a chain that predates the digest, so that deleting the digest later is noticed. */
export const CONFIG_SEAL_ACTION: AuditAction = 'config.seal';

/** Each table's rows that matter for results, in a fixed order; timestamps of edits are left out. */
const PARTS: ReadonlyArray<readonly [string, string]> = [
  ['category', `SELECT id, edition_id, name FROM category ORDER BY id`],
  ['criterion', `SELECT id, edition_id, name, weight, scale_min, scale_max, scale_step, independent FROM criterion ORDER BY id`],
  ['criterion_level', `SELECT criterion_id, value FROM criterion_level ORDER BY criterion_id, value`],
  ['criterion_category', `SELECT criterion_id, category_id FROM criterion_category ORDER BY criterion_id, category_id`],
  ['stage', `SELECT id, edition_id, name, position, cutoff FROM stage ORDER BY id`],
  ['stage_closed', `SELECT stage_id, closed_at IS NOT NULL AS closed FROM stage_jury_state ORDER BY stage_id`],
  [
    'jury_settings',
    `SELECT edition_id, blind_mode, conflict_same_iged, conflict_parent_dre, conflict_same_region, jurors_per_entry, disagreement_threshold,
            tie_break_chain, consolidation_method, missing_rule, rescale_min_coverage, trimmed_min_jurors, top_places
     FROM jury_settings ORDER BY edition_id`,
  ],
  ['juror', `SELECT id, edition_id, withdrawn_at IS NOT NULL AS withdrawn FROM juror ORDER BY id`],
  ['panel', `SELECT id, stage_id, category_id FROM panel ORDER BY id`],
  ['panel_member', `SELECT panel_id, juror_id FROM panel_member ORDER BY panel_id, juror_id`],
  ['assignment', `SELECT stage_id, juror_id, entry_id FROM assignment ORDER BY stage_id, juror_id, entry_id`],
  ['tie_decision', `SELECT id, stage_id, category_id, entry_ids, revoked_at IS NOT NULL AS revoked FROM tie_decision ORDER BY id`],
];

function configDigest(db: Db, key: Buffer): string {
  const hmac = createHmac('sha256', key).update('bpge-config:1');
  for (const [name, query] of PARTS) {
    hmac.update(`\n${name}`);
    for (const row of queryEachTuple(db, query)) hmac.update(`\n${JSON.stringify(row)}`);
  }
  return hmac.digest('hex');
}

const readDigest = (db: Db): string | undefined =>
  queryOne<{ value: string }>(db, `SELECT value FROM app_meta WHERE key = ?`, DIGEST)?.value;

/**
 * Stores the digest of the configuration as it is now. The registry calls it after each write
 * method that may change the configuration (audited or not: creating an edition, deleting an
 * entry with its assignments), and only when the digest matched before that write: a write in
 * the app must never re-seal a configuration that was changed outside it.
 */
export function refreshConfigDigest(db: Db): void {
  const key = keyringOf(db)?.key;
  if (!key) return;
  execute(db, `INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, DIGEST, configDigest(db, key));
}

/**
 * At each open with the key: a database without the digest (a new one, or one whose chain
 * predates it) gets it now, with a 'config.seal' audit row that marks, inside the keyed chain,
 * that this database has a digest from then on. Deleting the digest later is then reported
 * instead of being sealed again.
 */
export function sealConfigOnOpen(db: Db, appendSeal: () => void, chainJustKeyed: boolean): void {
  if (!keyringOf(db)?.key || readDigest(db) !== undefined) return;
  // A chain keyed in this very open comes from a version before the key: nothing of it was sealed.
  if (!chainJustKeyed && queryOne(db, `SELECT 1 FROM audit_log WHERE action = ? LIMIT 1`, CONFIG_SEAL_ACTION)) return;
  db.transaction(() => {
    appendSeal();
    refreshConfigDigest(db);
  })();
}

/** Whether the stored digest is the one of the current configuration (false without the key). */
export function configSealed(db: Db): boolean {
  const key = keyringOf(db)?.key;
  return !!key && readDigest(db) !== undefined && configOutsideLog(db, key) === null;
}

/** The Spanish problem when the stored digest is not the one of the current configuration. */
export function configOutsideLog(db: Db, key: Buffer): string | null {
  const stored = readDigest(db);
  if (stored === undefined) return t('jury.audit.configOutsideLog');
  const expected = Buffer.from(configDigest(db, key), 'hex');
  const given = Buffer.from(stored, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : t('jury.audit.configOutsideLog');
}
