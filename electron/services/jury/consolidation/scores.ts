import { SCORED, type ScoringCriterion, type SheetColumns } from '../../../../shared/scoring';
import type { Db } from '../../../db/open';
import { NumberReader } from './numbers';

/**
 * Fills the values of the scored sheets. SQLite's cost here is per row and per byte of text,
 * so each score travels as one integer where possible: 4 × value (exact for values in quarter
 * steps, every rubric scale in practice) times the key space, plus a key packing entry (offset
 * from the stage's first), juror and criterion — ids bounded by their tables' largest, so the
 * key is unique without filtering rows. Any other value travels as 'x' key, value. A token
 * past 2^53 (a huge value) would lose digits: the read is then repeated with every value as text.
 */
export function fillScores(db: Db, stageId: number, criteria: readonly ScoringCriterion[], sheets: SheetColumns): void {
  const rows = new ScoredRows(sheets);
  if (rows.count === 0 || criteria.length === 0) return;
  const maxId = (table: 'juror' | 'criterion') => db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number;
  const space: KeySpace = { e0: rows.e0, jurors: maxId('juror') + 1, criteria: maxId('criterion') + 1, size: 0 };
  space.size = rows.entrySpan * space.jurors * space.criteria;
  const text = (packed: boolean) => {
    // Literal integers, not parameters: SQLite re-reads a parameter on every row.
    const key = `(((entry_id - ${space.e0}) * ${space.jurors} + juror_id) * ${space.criteria} + criterion_id)`;
    const slow = `'x' || ${key} || ',' || value`;
    const record = packed ? `CASE WHEN value * 4 = CAST(value * 4 AS INTEGER) THEN CAST(value * 4 AS INTEGER) * ${space.size} + ${key} ELSE ${slow} END` : slow;
    return db
      .prepare(`SELECT group_concat(${record}) FROM score WHERE stage_id = ? AND entry_id BETWEEN ${space.e0} AND ${space.e0 + rows.entrySpan - 1}`)
      .pluck()
      .get(stageId) as string | null;
  };
  const columnOf = new Int32Array(space.criteria).fill(-1); // criterion id → column; −1: another edition's
  criteria.forEach((c, i) => (columnOf[c.id] = i));
  const read = (packed: boolean) => readScores(text(packed), space, rows, columnOf, sheets.values, criteria.length);
  if (space.size > Number.MAX_SAFE_INTEGER / 4 || !read(true)) read(false);
}

interface KeySpace {
  e0: number;
  jurors: number;
  criteria: number;
  size: number;
}

/** False when a token was past 2^53 (its digits lost): the caller reads again with values as text. */
function readScores(text: string | null, space: KeySpace, rows: ScoredRows, columnOf: Int32Array, values: Float64Array, width: number): boolean {
  let lastSheet = -1;
  let row = -1;
  for (const reader = new NumberReader(text); !reader.done; ) {
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
    const sheet = Math.floor(key / space.criteria);
    // Scores come in primary-key order: the sheet changes once every dozen scores or so.
    if (sheet !== lastSheet) {
      lastSheet = sheet;
      const slot = Math.floor(sheet / space.jurors);
      row = rows.find(slot, sheet - slot * space.jurors);
    }
    const column = columnOf[key - sheet * space.criteria] as number;
    if (row >= 0 && column >= 0) values[row * width + column] = value;
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
