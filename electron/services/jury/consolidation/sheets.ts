import { emptyColumns, type ScoringCriterion, type SheetColumns } from '../../../../shared/scoring';
import type { Db } from '../../../db/open';
import { NumberReader } from './numbers';

/** Sheet states as the query below codes them; only the first three reach the consolidation. */
const SCORED = 0;
const ABSTAINED = 1;
const RECUSED = 2;
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
export function loadSheetColumns(db: Db, stageId: number, criteria: readonly ScoringCriterion[]): { sheets: SheetColumns; conflictedSheets: number } {
  const text = db
    .prepare(
      `SELECT group_concat(s.entry_id || ',' || s.juror_id || ',' || CASE
         WHEN s.abstention = 'abstain' THEN ${ABSTAINED}
         WHEN s.abstention = 'recuse' THEN ${RECUSED}
         WHEN s.submitted_at IS NULL THEN ${PENDING}
         WHEN EXISTS (SELECT 1 FROM conflict c WHERE c.juror_id = s.juror_id AND c.entry_id = s.entry_id AND c.dismissed_at IS NULL) THEN ${CONFLICTED}
         ELSE ${SCORED} END
       ORDER BY s.entry_id, s.id)
       FROM score_sheet s WHERE s.stage_id = ?`,
    )
    .pluck()
    .get(stageId) as string | null;
  const entryIds: number[] = [];
  const jurorIds: number[] = [];
  const statuses: number[] = [];
  let conflictedSheets = 0;
  for (const reader = new NumberReader(text); !reader.done; ) {
    const entryId = reader.next();
    const jurorId = reader.next();
    const status = reader.next();
    if (status === CONFLICTED) conflictedSheets += 1;
    if (status > RECUSED) continue;
    entryIds.push(entryId);
    jurorIds.push(jurorId);
    statuses.push(status);
  }
  const sheets = emptyColumns(statuses.length, criteria.length);
  sheets.entryId.set(entryIds);
  sheets.jurorId.set(jurorIds);
  sheets.status.set(statuses);
  fillScores(db, stageId, criteria, sheets);
  return { sheets, conflictedSheets };
}

/**
 * The values of the scored sheets, sent as text (see loadSheetColumns) where SQLite's cost is
 * mostly turning numbers into text — so each score is one number where possible: a key packing
 * entry, juror and criterion as offsets from their smallest ids, times 4096, plus 4 × value for
 * values in quarter steps from 0 to 1023.75 (every rubric scale in practice, and exact both
 * ways). Any other value comes as two numbers, −1 − key and the value as SQLite writes it.
 * Should the key not fit below 2^53 (ids of one stage never come close), the four fields
 * travel apart.
 */
function fillScores(db: Db, stageId: number, criteria: readonly ScoringCriterion[], sheets: SheetColumns): void {
  const scored: number[] = [];
  for (let s = 0; s < sheets.count; s++) if (sheets.status[s] === SCORED) scored.push(s);
  if (scored.length === 0 || criteria.length === 0) return;
  const [e0, entrySpan] = span(scored.map((s) => sheets.entryId[s] as number));
  const [j0, jurorSpan] = span(scored.map((s) => sheets.jurorId[s] as number));
  const [c0, criterionSpan] = span(criteria.map((c) => c.id));
  const packed = entrySpan * jurorSpan * criterionSpan * VALUE_CODES <= Number.MAX_SAFE_INTEGER;
  const record = packed
    ? `CASE WHEN value * 4 = CAST(value * 4 AS INTEGER) AND value >= 0 AND value * 4 < ${VALUE_CODES}
         THEN ${KEY} * ${VALUE_CODES} + CAST(value * 4 AS INTEGER) ELSE (-1 - ${KEY}) || ',' || value END`
    : `entry_id || ',' || juror_id || ',' || criterion_id || ',' || value`;
  const text = db
    .prepare(
      `SELECT group_concat(${record}) FROM score WHERE stage_id = :stage AND value IS NOT NULL
         AND entry_id BETWEEN :e0 AND :e1 AND juror_id BETWEEN :j0 AND :j1 AND criterion_id BETWEEN :c0 AND :c1`,
    )
    .pluck()
    .get(integers({ stage: stageId, e0, e1: e0 + entrySpan - 1, j0, j1: j0 + jurorSpan - 1, c0, c1: c0 + criterionSpan - 1, ...(packed ? { js: jurorSpan, cs: criterionSpan } : {}) })) as
    | string
    | null;

  const sheetOf = new Map<number, number>();
  for (const s of scored) sheetOf.set(((sheets.entryId[s] as number) - e0) * jurorSpan + (sheets.jurorId[s] as number) - j0, s);
  const columnOf = new Int32Array(criterionSpan).fill(-1);
  criteria.forEach((c, i) => (columnOf[c.id - c0] = i));
  const width = criteria.length;
  let lastSheet = -1;
  let row = -1;
  for (const reader = new NumberReader(text); !reader.done; ) {
    let key: number;
    let value: number;
    if (!packed) {
      key = ((reader.next() - e0) * jurorSpan + reader.next() - j0) * criterionSpan + reader.next() - c0;
      value = reader.next();
    } else {
      const token = reader.next();
      if (token >= 0) {
        key = Math.floor(token / VALUE_CODES);
        value = (token - key * VALUE_CODES) / 4;
      } else {
        key = -1 - token;
        value = reader.next();
      }
    }
    const sheetKey = Math.floor(key / criterionSpan);
    // Scores come in primary-key order: the sheet changes once every dozen scores or so.
    if (sheetKey !== lastSheet) {
      lastSheet = sheetKey;
      row = sheetOf.get(sheetKey) ?? -1;
    }
    const column = columnOf[key - sheetKey * criterionSpan] as number;
    if (row >= 0 && column >= 0) sheets.values[row * width + column] = value;
  }
}

const VALUE_CODES = 4096;
// Parenthesised: in SQL, || binds tighter than + and −.
const KEY = `(((entry_id - :e0) * :js + juror_id - :j0) * :cs + criterion_id - :c0)`;

/** Smallest id and the count of ids from it to the largest. */
function span(ids: readonly number[]): readonly [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  return [lo, hi - lo + 1];
}

/** Bound as INTEGER (a JS number is bound as REAL, and the key would come back as "12.0"). */
function integers(params: Record<string, number>): Record<string, bigint> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, BigInt(v)]));
}
