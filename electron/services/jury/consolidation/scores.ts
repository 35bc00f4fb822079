import { SCORED, type ScoringCriterion, type SheetColumns } from '../../../../shared/scoring';
import type { Db } from '../../../db/open';
import { ROW_SINK, streamRows } from '../../../db/row-stream';

/**
 * Fills the values of the scored sheets, streaming the stage's scores (db/row-stream.ts): each
 * value arrives as the double SQLite stores and goes straight to its cell. Scores come in the
 * primary key's order, so the sheet is looked up only when the juror or entry changes (once
 * every dozen scores or so). Scores of sheets that do not count, and of criteria that are not
 * the edition's, are skipped; NULL values are not scores.
 */
export function fillScores(db: Db, stageId: number, criteria: readonly ScoringCriterion[], sheets: SheetColumns): void {
  const rows = new ScoredRows(sheets);
  if (rows.count === 0 || criteria.length === 0) return;
  const width = criteria.length;
  const columnOf = new Int32Array(Math.max(...criteria.map((c) => c.id)) + 1).fill(-1); // criterion id → column
  criteria.forEach((c, i) => (columnOf[c.id] = i));
  const { values } = sheets;
  let lastEntry = -1;
  let lastJuror = -1;
  let offset = -1;
  streamRows(
    db,
    `SELECT count(${ROW_SINK}(entry_id, juror_id, criterion_id, value)) FROM score WHERE stage_id = ? AND value IS NOT NULL`,
    [stageId],
    (entryId, jurorId, criterionId, value) => {
      if (jurorId !== lastJuror || entryId !== lastEntry) {
        lastEntry = entryId;
        lastJuror = jurorId;
        const row = rows.find(entryId - rows.e0, jurorId);
        offset = row < 0 ? -1 : row * width;
      }
      const column = criterionId < columnOf.length ? (columnOf[criterionId] as number) : -1;
      if (offset >= 0 && column >= 0) values[offset + column] = value;
    },
  );
}

/**
 * The scored sheets grouped by entry (a counting sort on the entry's offset from the first),
 * so a score's sheet is found among its entry's dozen or so sheets — no hash of 15,000 keys.
 */
class ScoredRows {
  readonly count: number;
  readonly e0: number;
  readonly entrySpan: number;
  private readonly starts: Int32Array;
  private readonly rows: Int32Array;

  constructor(private readonly sheets: SheetColumns) {
    let count = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let s = 0; s < sheets.count; s++) {
      if (sheets.status[s] !== SCORED) continue;
      const e = sheets.entryId[s] as number;
      count += 1;
      if (e < lo) lo = e;
      if (e > hi) hi = e;
    }
    this.count = count;
    this.e0 = lo;
    this.entrySpan = count === 0 ? 0 : hi - lo + 1;
    this.starts = new Int32Array(this.entrySpan + 1);
    this.rows = new Int32Array(count);
    for (let s = 0; s < sheets.count; s++) {
      if (sheets.status[s] !== SCORED) continue;
      const after = (sheets.entryId[s] as number) - lo + 1;
      this.starts[after] = (this.starts[after] as number) + 1;
    }
    for (let e = 1; e <= this.entrySpan; e++) this.starts[e] = (this.starts[e] as number) + (this.starts[e - 1] as number);
    const next = this.starts.slice(0, this.entrySpan);
    for (let s = 0; s < sheets.count; s++) {
      if (sheets.status[s] !== SCORED) continue;
      const slot = (sheets.entryId[s] as number) - lo;
      this.rows[next[slot] as number] = s;
      next[slot] = (next[slot] as number) + 1;
    }
  }

  /** The row of the scored sheet of entry e0 + slot by the juror, or −1. */
  find(slot: number, jurorId: number): number {
    if (slot < 0 || slot >= this.entrySpan) return -1;
    for (let k = this.starts[slot] as number; k < (this.starts[slot + 1] as number); k++) {
      const s = this.rows[k] as number;
      if (this.sheets.jurorId[s] === jurorId) return s;
    }
    return -1;
  }
}
