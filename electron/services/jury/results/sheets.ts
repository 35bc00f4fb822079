import { ABSTAINED, RECUSED, SCORED, type ScoringCriterion, type SheetColumns } from '../../../../shared/scoring';
import type { Db } from '../../../db/open';
import { queryTuples, queryValue, queryValues } from '../../../db/query';
import { ROW_SINK, streamRows } from '../../../db/row-stream';
import { SheetsByEntry } from './by-entry';
import { fillScores } from './scores';

/**
 * Sheet state as the query below codes it: the columns' own codes (SCORED, ABSTAINED, RECUSED),
 * and one for sheets that are left out (a scored sheet with a conflict in force is left out too).
 */
const PENDING = 3;

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
  // Sized by the stage's sheet count (from the index): growing by doubling would allocate the
  // columns several times over, off the JS heap, on every computation.
  const capacity = queryValue<number>(db, `SELECT count(*) FROM score_sheet WHERE stage_id = ?`, stageId)!;
  const counted = new GrowingSheets(capacity);
  const done = new GrowingSheets(capacity); // submitted or abstained, in entry order
  const conflicted = conflictsInForce(db);
  let conflictedSheets = 0;
  // The order comes straight from the (stage_id, entry_id) index (its rows within an entry are
  // in id order), so SQLite does not sort; the outer aggregate keeps the subquery's order.
  // Conflicts are looked up here rather than by a subquery per sheet (a third of the query's time).
  streamRows(
    db,
    `SELECT count(${ROW_SINK}(entry_id, juror_id, status)) FROM (
       SELECT s.entry_id, s.juror_id, CASE
         WHEN s.abstention = 'abstain' THEN ${ABSTAINED}
         WHEN s.abstention = 'recuse' THEN ${RECUSED}
         WHEN s.submitted_at IS NULL THEN ${PENDING}
         ELSE ${SCORED} END AS status
       FROM score_sheet s WHERE s.stage_id = ? ORDER BY s.entry_id, s.id)`,
    [stageId],
    (entryId, jurorId, status) => {
      if (status !== PENDING) done.push(entryId, jurorId, status);
      if (status === SCORED && conflicted.has(jurorId, entryId)) conflictedSheets += 1;
      else if (status <= RECUSED) counted.push(entryId, jurorId, status);
    },
  );
  const sheets = counted.columns(criteria.length);
  const doneSheets = done.columns(0);
  fillScores(db, stageId, criteria, sheets);
  return { sheets, conflictedSheets, pendingSheets: countPending(db, stageId, doneSheets, conflicted) };
}

/** Sheet columns appended one at a time; the capacity doubles should more sheets come than expected. */
class GrowingSheets {
  private count = 0;
  private entryId: Float64Array;
  private jurorId: Float64Array;
  private status: Uint8Array;

  constructor(capacity: number) {
    this.entryId = new Float64Array(capacity);
    this.jurorId = new Float64Array(capacity);
    this.status = new Uint8Array(capacity);
  }

  push(entryId: number, jurorId: number, status: number): void {
    if (this.count === this.status.length) {
      const size = Math.max(16, 2 * this.count);
      this.entryId = grown(this.entryId, new Float64Array(size));
      this.jurorId = grown(this.jurorId, new Float64Array(size));
      this.status = grown(this.status, new Uint8Array(size));
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
 * neither submitted nor abstained (not in `done`). Counted here
 * against the sheets just read: the assignments' keys come from an index that covers them,
 * where joining each assignment to its sheet, juror and conflicts in SQL cost several times as
 * much. Each assignment's sheet is looked for in `done` grouped by entry (SheetsByEntry, as the
 * scores find their sheets): no hash set of 15,000 pairs to build, no binary search per assignment.
 */
function countPending(db: Db, stageId: number, done: SheetColumns, conflicted: PairSet): number {
  // EXISTS per withdrawn juror (an index seek each, and usually there are none), where
  // `id IN (SELECT juror_id FROM assignment …)` listed the stage's 15,000 assignments first.
  const withdrawn = new Set(
    queryValues<number>(
      db,
      `SELECT id FROM juror j WHERE withdrawn_at IS NOT NULL AND EXISTS (SELECT 1 FROM assignment a WHERE a.stage_id = ? AND a.juror_id = j.id)`,
      stageId,
    ),
  );
  const byEntry = new SheetsByEntry(done, () => true);
  let pending = 0;
  streamRows(db, `SELECT count(${ROW_SINK}(juror_id, entry_id)) FROM assignment WHERE stage_id = ?`, [stageId], (jurorId, entryId) => {
    if (!withdrawn.has(jurorId) && !conflicted.has(jurorId, entryId) && byEntry.find(entryId - byEntry.e0, jurorId) < 0) pending += 1;
  });
  return pending;
}

/** (juror, entry) pairs with a conflict of interest in force (dismissed ones do not count): a handful per edition. */
function conflictsInForce(db: Db): PairSet {
  const conflicted = new PairSet();
  const rows = queryTuples<[number, number]>(db, `SELECT juror_id, entry_id FROM conflict WHERE dismissed_at IS NULL`);
  for (const [jurorId, entryId] of rows) conflicted.add(jurorId, entryId);
  return conflicted;
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
    if (this.byJuror.size === 0) return false;
    return this.byJuror.get(jurorId)?.has(entryId) ?? false;
  }
}
