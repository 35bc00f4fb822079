import { ABSTAINED, emptyColumns, RECUSED, SCORED, type ScoringCriterion, type SheetColumns } from '../../../../shared/scoring';
import type { Db } from '../../../db/open';
import { NumberReader } from './numbers';
import { fillScores } from './scores';
import { sql } from '../statements';

/**
 * Sheet states as the query below codes them: the columns' own codes (SCORED, ABSTAINED,
 * RECUSED), and two for sheets that are left out.
 */
const PENDING = 3;
const CONFLICTED = 4;

/**
 * Reads a stage's sheets and their scores into columns. Which sheets count (the jury schema's
 * rule): abstention 'abstain' / 'recuse' → excluded and reported; submitted without abstention
 * → scored, unless the juror now has a conflict of interest in force with the entry; anything
 * else is pending and left out. Sheets come in entry order, then as stored.
 *
 * A large stage has 180,000 scores, and fetching them as rows through the driver costs many
 * times the SQL (an array per row, then garbage). Each query here returns a single string of
 * comma-separated numbers instead, parsed straight into typed arrays.
 */
export function loadSheetColumns(
  db: Db,
  stageId: number,
  criteria: readonly ScoringCriterion[],
): { sheets: SheetColumns; conflictedSheets: number; pendingSheets: number } {
  // Ordered in a subquery rather than inside group_concat: there the primary-key order comes
  // straight from the (stage_id, entry_id) index, where group_concat(… ORDER BY …) always sorts
  // the rows again. SQLite keeps a subquery's ORDER BY when an aggregate reads it (it never
  // flattens an ordered subquery into an aggregate), so the rows arrive in that order.
  const text = sql(
    db,
    `SELECT group_concat(sheet) FROM (
       SELECT s.entry_id || ',' || s.juror_id || ',' || CASE
         WHEN s.abstention = 'abstain' THEN ${ABSTAINED}
         WHEN s.abstention = 'recuse' THEN ${RECUSED}
         WHEN s.submitted_at IS NULL THEN ${PENDING}
         WHEN EXISTS (SELECT 1 FROM conflict c WHERE c.juror_id = s.juror_id AND c.entry_id = s.entry_id AND c.dismissed_at IS NULL) THEN ${CONFLICTED}
         ELSE ${SCORED} END AS sheet
       FROM score_sheet s WHERE s.stage_id = ? ORDER BY s.entry_id, s.id)`,
  )
    .pluck()
    .get(stageId) as string | null;
  // At most one sheet per three numbers; the columns are cut to the sheets that count.
  const all = emptyColumns(text === null ? 0 : Math.ceil(countCommas(text) / 3), criteria.length);
  const done = new PairSet();
  let conflictedSheets = 0;
  let count = 0;
  for (const reader = new NumberReader(text); !reader.done; ) {
    const entryId = reader.next();
    const jurorId = reader.next();
    const status = reader.next();
    if (status !== PENDING) done.add(jurorId, entryId);
    if (status === CONFLICTED) conflictedSheets += 1;
    if (status > RECUSED) continue;
    all.entryId[count] = entryId;
    all.jurorId[count] = jurorId;
    all.status[count++] = status;
  }
  const sheets: SheetColumns = {
    count,
    entryId: all.entryId.subarray(0, count),
    jurorId: all.jurorId.subarray(0, count),
    status: all.status.subarray(0, count),
    values: all.values.subarray(0, count * criteria.length),
  };
  fillScores(db, stageId, criteria, sheets);
  return { sheets, conflictedSheets, pendingSheets: countPending(db, stageId, done) };
}

/**
 * Assignments that still count (juror not withdrawn, no conflict in force) whose sheet is
 * neither submitted nor abstained (not in `done`). Counted here against the sheets just read:
 * the assignments' keys come from an index that covers them, where joining each assignment
 * to its sheet, juror and conflicts in SQL cost several times as much.
 */
function countPending(db: Db, stageId: number, done: PairSet): number {
  const withdrawn = new Set(
    sql(db, `SELECT id FROM juror WHERE withdrawn_at IS NOT NULL AND id IN (SELECT juror_id FROM assignment WHERE stage_id = ?)`).pluck().all(stageId) as number[],
  );
  const conflicted = new PairSet();
  const conflicts = sql(
    db,
    `SELECT c.juror_id, c.entry_id FROM conflict c WHERE c.dismissed_at IS NULL
       AND EXISTS (SELECT 1 FROM assignment a WHERE a.stage_id = ? AND a.juror_id = c.juror_id AND a.entry_id = c.entry_id)`,
  )
    .raw()
    .all(stageId) as [number, number][];
  for (const [jurorId, entryId] of conflicts) conflicted.add(jurorId, entryId);
  const assignments = sql(db, `SELECT group_concat(juror_id || ',' || entry_id) FROM assignment WHERE stage_id = ?`).pluck().get(stageId) as string | null;
  let pending = 0;
  for (const reader = new NumberReader(assignments); !reader.done; ) {
    const jurorId = reader.next();
    const entryId = reader.next();
    if (!withdrawn.has(jurorId) && !conflicted.has(jurorId, entryId) && !done.has(jurorId, entryId)) pending += 1;
  }
  return pending;
}

/** A set of (juror, entry) pairs without building a key per pair. */
class PairSet {
  private readonly byJuror = new Map<number, Set<number>>();

  add(jurorId: number, entryId: number): void {
    const entries = this.byJuror.get(jurorId);
    if (entries) entries.add(entryId);
    else this.byJuror.set(jurorId, new Set([entryId]));
  }

  has(jurorId: number, entryId: number): boolean {
    return this.byJuror.get(jurorId)?.has(entryId) ?? false;
  }
}

function countCommas(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text[i] === ',') n += 1;
  return n;
}
