import type { ScoreSheet, ScoringCriterion, ScoringInput } from './types';

/**
 * A stage's sheets in columns: one slot per sheet, and the scores as one sheets × criteria
 * matrix. A large stage has 15,000 sheets and 180,000 scores; as ScoreSheet objects with a Map
 * each, building and collecting them cost more than the maths, so the service reads the
 * database straight into this shape and `consolidate` turns hand-written sheets into it.
 */
export interface SheetColumns {
  count: number;
  entryId: Float64Array;
  jurorId: Float64Array;
  status: Uint8Array;
  /**
   * Row-major, `count` rows of `criteria.length` values in the input's criterion order; NaN
   * where the criterion was not scored. Only scored sheets have values.
   */
  values: Float64Array;
}

/** Status codes of SheetColumns.status. */
export const SCORED = 0;
export const ABSTAINED = 1;
export const RECUSED = 2;

const STATUS_NAMES = ['scored', 'abstained', 'recused'] as const;

export type ColumnarInput = Omit<ScoringInput, 'sheets'> & { sheets: SheetColumns };

/**
 * A stage's sheets grouped by entry: group g holds rows[starts[g] … starts[g + 1]) (sheet
 * indexes, in input order); groups are in order of the entries' first appearance. Two typed
 * arrays (a counting sort), not an array per entry.
 */
export interface SheetGroups {
  count: number;
  starts: Int32Array;
  rows: Int32Array;
  /** entry id → group */
  groupOf: Map<number, number>;
}

export function groupSheets(sheets: SheetColumns): SheetGroups {
  const groupOf = new Map<number, number>();
  const group = new Int32Array(sheets.count);
  for (let s = 0; s < sheets.count; s++) {
    const entryId = sheets.entryId[s] as number;
    let g = groupOf.get(entryId);
    if (g === undefined) groupOf.set(entryId, (g = groupOf.size));
    group[s] = g;
  }
  const count = groupOf.size;
  const starts = new Int32Array(count + 1);
  for (let s = 0; s < sheets.count; s++) starts[(group[s] as number) + 1] = (starts[(group[s] as number) + 1] as number) + 1;
  for (let g = 1; g <= count; g++) starts[g] = (starts[g] as number) + (starts[g - 1] as number);
  const next = starts.slice(0, count);
  const rows = new Int32Array(sheets.count);
  for (let s = 0; s < sheets.count; s++) {
    const g = group[s] as number;
    rows[next[g] as number] = s;
    next[g] = (next[g] as number) + 1;
  }
  return { count, starts, rows, groupOf };
}

export function emptyColumns(count: number, criteria: number): SheetColumns {
  return {
    count,
    entryId: new Float64Array(count),
    jurorId: new Float64Array(count),
    status: new Uint8Array(count),
    values: new Float64Array(count * criteria).fill(NaN),
  };
}

export function toColumns(criteria: readonly ScoringCriterion[], sheets: readonly ScoreSheet[]): SheetColumns {
  const columns = emptyColumns(sheets.length, criteria.length);
  sheets.forEach((sheet, s) => {
    columns.entryId[s] = sheet.entryId;
    columns.jurorId[s] = sheet.jurorId;
    columns.status[s] = STATUS_NAMES.indexOf(sheet.status);
    if (sheet.status !== 'scored') return;
    criteria.forEach((c, i) => {
      const value = sheet.scores.get(c.id);
      if (value !== undefined) columns.values[s * criteria.length + i] = value;
    });
  });
  return columns;
}

/** Back to ScoreSheet objects (the results workbook's per-juror sheets read them). */
export function toSheets(criteria: readonly ScoringCriterion[], columns: SheetColumns): ScoreSheet[] {
  const sheets: ScoreSheet[] = [];
  for (let s = 0; s < columns.count; s++) {
    const scores = new Map<number, number>();
    criteria.forEach((c, i) => {
      const value = columns.values[s * criteria.length + i] as number;
      if (!Number.isNaN(value)) scores.set(c.id, value);
    });
    sheets.push({ jurorId: columns.jurorId[s] as number, entryId: columns.entryId[s] as number, status: STATUS_NAMES[columns.status[s] as number] ?? 'scored', scores });
  }
  return sheets;
}
