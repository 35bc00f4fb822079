import { SCORED, type ScoringCriterion, type SheetColumns } from '../../../../shared/scoring';
import type { Db } from '../../../db/open';
import { COMMA, NumberReader } from './numbers';
import { sql } from '../statements';

/**
 * Fills the values of the scored sheets. SQLite's cost here is per row and per byte of text,
 * so each score travels as one integer where possible: 4 × value (exact for values in quarter
 * steps, every rubric scale in practice) times the key space, plus a key packing juror and
 * criterion — ids bounded by their tables' largest, so the key is unique within an entry.
 * Scores are grouped by entry (the primary key's order, so SQLite groups without sorting) and
 * each group is prefixed with its entry id once: "entry:score,score,…;entry:…". Computing a
 * key that also packs the entry cost more SQL arithmetic per row than the grouping does. Any
 * other value travels as 'x' key, value. A token past 2^53 (a huge value) would lose digits:
 * the read is then repeated with every value as text.
 */
export function fillScores(db: Db, stageId: number, criteria: readonly ScoringCriterion[], sheets: SheetColumns): void {
  const rows = new ScoredRows(sheets);
  if (rows.count === 0 || criteria.length === 0) return;
  const maxId = (table: 'juror' | 'criterion') => sql(db, `SELECT max(id) FROM ${table}`).pluck().get() as number;
  const criteriaSpan = maxId('criterion') + 1;
  const space: KeySpace = { criteria: criteriaSpan, size: (maxId('juror') + 1) * criteriaSpan };
  const text = (packed: boolean) => {
    // Literal integers, not parameters: SQLite re-reads a parameter on every row.
    const key = `juror_id * ${space.criteria} + criterion_id`;
    const slow = `'x' || (${key}) || ',' || value`;
    const record = packed ? `CASE WHEN value * 4 = CAST(value * 4 AS INTEGER) THEN CAST(value * 4 AS INTEGER) * ${space.size} + ${key} ELSE ${slow} END` : slow;
    // Cached per connection and SQL text: a new text only when the largest juror or criterion id changes.
    return sql(
      db,
      `SELECT group_concat(entry_id || ':' || scores, ';') FROM (
         SELECT entry_id, group_concat(${record}) AS scores FROM score WHERE stage_id = ? GROUP BY entry_id)`,
    )
      .pluck()
      .get(stageId) as string | null;
  };
  const columnOf = new Int32Array(space.criteria).fill(-1); // criterion id → column; −1: another edition's
  criteria.forEach((c, i) => (columnOf[c.id] = i));
  const read = (packed: boolean) => readScores(text(packed), space, rows, columnOf, sheets.values, criteria.length);
  if (space.size > Number.MAX_SAFE_INTEGER / 4 || !read(true)) read(false);
}

interface KeySpace {
  criteria: number;
  size: number;
}

/** False when a token was past 2^53 (its digits lost): the caller reads again with values as text. */
function readScores(text: string | null, space: KeySpace, rows: ScoredRows, columnOf: Int32Array, values: Float64Array, width: number): boolean {
  for (const reader = new NumberReader(text); !reader.done; ) {
    const slot = reader.next() - rows.e0;
    let lastJuror = -1;
    let row = -1;
    do {
      let key: number;
      let value: number;
      if (reader.skip(X)) {
        key = reader.next();
        value = reader.next();
      } else {
        const token = reader.next();
        if (!Number.isSafeInteger(token)) return false;
        const code = Math.floor(token / space.size); // floored, so key ≥ 0 for a negative value too
        key = token - code * space.size;
        value = code / 4;
      }
      const jurorId = Math.floor(key / space.criteria);
      // Scores come in primary-key order: the juror changes once every dozen scores or so.
      if (jurorId !== lastJuror) {
        lastJuror = jurorId;
        row = rows.find(slot, jurorId);
      }
      const column = columnOf[key - jurorId * space.criteria] as number;
      if (row >= 0 && column >= 0) values[row * width + column] = value;
    } while (reader.separator === COMMA);
  }
  return true;
}

const X = 120; // 'x'

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
