import type { Database } from 'better-sqlite3';

/**
 * Consolidation rules stored per edition, and tie decisions that can be withdrawn.
 *
 * jury_settings gains the rules that were only options of one computation (defaults = the
 * documented ones in shared/scoring/options.ts, so existing editions consolidate exactly as before):
 *   missing_rule: 'incomplete' (a sheet with an unscored applicable criterion is not counted) or
 *     'rescale' (scored criteria scaled up to the full range when they cover at least
 *     rescale_min_coverage of it);
 *   trimmed_min_jurors: fewest counted jurors for the trimmed mean (≥ 5 by default);
 *   top_places: how many top places are compared between methods.
 * (disagreement_threshold was already stored by 002-jury.)
 *
 * tie_decision gains revoked_at / revoked_reason: an organizer decision is never deleted, only
 * withdrawn with a reason (and both acts are in the audit log, action 'tie.decide' / 'tie.revoke').
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE jury_settings ADD COLUMN missing_rule TEXT NOT NULL DEFAULT 'incomplete' CHECK (missing_rule IN ('incomplete', 'rescale'));
    ALTER TABLE jury_settings ADD COLUMN rescale_min_coverage REAL NOT NULL DEFAULT 0.5 CHECK (rescale_min_coverage > 0 AND rescale_min_coverage <= 1);
    ALTER TABLE jury_settings ADD COLUMN trimmed_min_jurors INTEGER NOT NULL DEFAULT 5 CHECK (trimmed_min_jurors BETWEEN 3 AND 50);
    ALTER TABLE jury_settings ADD COLUMN top_places INTEGER NOT NULL DEFAULT 3 CHECK (top_places BETWEEN 1 AND 50);

    ALTER TABLE tie_decision ADD COLUMN revoked_at TEXT;
    ALTER TABLE tie_decision ADD COLUMN revoked_reason TEXT NOT NULL DEFAULT '';
  `);
}
