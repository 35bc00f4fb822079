import { ABSTAINED, RECUSED, SCORED, type ScoringCriterion, type SheetColumns } from '../../../../shared/scoring';
import type { Db } from '../../../db/open';
import { ROW_SINK, streamRows } from '../../../db/row-stream';
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
 * A large stage has 15,000 sheets and 180,000 scores: both are streamed straight into typed
 * arrays (db/row-stream.ts), never fetched as row objects.
 */
export function loadSheetColumns(
  db: Db,
  stageId: number,
  criteria: readonly ScoringCriterion[],
): { sheets: SheetColumns; conflictedSheets: number; pendingSheets: number } {
  const counted = new GrowingSheets();
  const done = new PairSet();
  let conflictedSheets = 0;
  // The order comes straight from the (stage_id, entry_id) index (its rows within an entry are
  // in id order), so SQLite does not sort; the outer aggregate keeps the subquery's order.
  streamRows(
    db,
    `SELECT count(${ROW_SINK}(entry_id, juror_id, status)) FROM (
       SELECT s.entry_id, s.juror_id, CASE
         WHEN s.abstention = 'abstain' THEN ${ABSTAINED}
         WHEN s.abstention = 'recuse' THEN ${RECUSED}
         WHEN s.submitted_at IS NULL THEN ${PENDING}
         WHEN EXISTS (SELECT 1 FROM conflict c WHERE c.juror_id = s.juror_id AND c.entry_id = s.entry_id AND c.dismissed_at IS NULL) THEN ${CONFLICTED}
         ELSE ${SCORED} END AS status
       FROM score_sheet s WHERE s.stage_id = ? ORDER BY s.entry_id, s.id)`,
    [stageId],
    (entryId, jurorId, status) => {
      if (status !== PENDING) done.add(jurorId, entryId);
      if (status === CONFLICTED) conflictedSheets += 1;
      if (status <= RECUSED) counted.push(entryId, jurorId, status);
    },
  );
  const sheets = counted.columns(criteria.length);
  fillScores(db, stageId, criteria, sheets);
  return { sheets, conflictedSheets, pendingSheets: countPending(db, stageId, done) };
}

/** Sheet columns appended one at a time, capacity doubled as needed (the count is not known up front). */
class GrowingSheets {
  private count = 0;
  private entryId = new Float64Array(1024);
  private jurorId = new Float64Array(1024);
  private status = new Uint8Array(1024);

  push(entryId: number, jurorId: number, status: number): void {
    if (this.count === this.status.length) {
      this.entryId = grown(this.entryId, new Float64Array(2 * this.count));
      this.jurorId = grown(this.jurorId, new Float64Array(2 * this.count));
      this.status = grown(this.status, new Uint8Array(2 * this.count));
    }
    this.entryId[this.count] = entryId;
    this.jurorId[this.count] = jurorId;
    this.status[this.count++] = status;
  }

  /** The sheets read, with room for their values (NaN: not scored). */
  columns(criteria: number): SheetColumns {
    const { count } = this;
    return {
      count,
      entryId: this.entryId.subarray(0, count),
      jurorId: this.jurorId.subarray(0, count),
      status: this.status.subarray(0, count),
      values: new Float64Array(count * criteria).fill(NaN),
    };
  }
}

function grown<T extends Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
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
  let pending = 0;
  streamRows(db, `SELECT count(${ROW_SINK}(juror_id, entry_id)) FROM assignment WHERE stage_id = ?`, [stageId], (jurorId, entryId) => {
    if (!withdrawn.has(jurorId) && !conflicted.has(jurorId, entryId) && !done.has(jurorId, entryId)) pending += 1;
  });
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
