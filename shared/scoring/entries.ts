import { SCORED, type SheetColumns } from './columns';
import type { ConsolidationOptions } from './options';
import type { CriterionMean, EntryResult } from './result';
import { toFraction, type Rubric } from './scale';
import { mean, nearlyEqual, quantile, sortedAscending, spread, trimmedMeanOfSorted } from './stats';
import { rowTotal, type JurorTotal } from './totals';
import type { ScoringCriterion, ScoringEntry } from './types';

/**
 * Everything about one entry that needs only its own sheets (`rows`: their indexes in the
 * columns, in input order): per-juror totals, mean, median, trimmed mean, spread and the
 * disagreement flag, and criterion means for tie-breaks. The z-score, ranks and cut-off come
 * later and are filled in place.
 */
export function aggregateEntry(entry: ScoringEntry, sheets: SheetColumns, rows: readonly number[], rubric: Rubric, options: ConsolidationOptions): EntryResult {
  const width = rubric.criteria.length;
  // Index loops into arrays of exactly their length: this runs once per entry (1,000 in a large stage).
  const totals = new Array<JurorTotal>(rows.length);
  let counted = 0;
  let abstained = 0;
  let recused = 0;
  let incomplete = 0;
  for (let r = 0; r < rows.length; r++) {
    const s = rows[r] as number;
    const t = rowTotal(sheets.jurorId[s] as number, sheets.entryId[s] as number, sheets.status[s] as number, sheets.values, s * width, rubric, options.missingRule, options.rescaleMinCoverage);
    totals[r] = t;
    if (t.total !== null) counted += 1;
    else if (t.status === 'abstained') abstained += 1;
    else if (t.status === 'recused') recused += 1;
    else if (t.status === 'incomplete') incomplete += 1;
  }
  const values = new Array<number>(counted);
  for (let r = 0, k = 0; r < rows.length; r++) {
    const total = (totals[r] as JurorTotal).total;
    if (total !== null) values[k++] = total;
  }
  // Sorted once for the median and the trimmed mean (each would sort its own copy).
  const sorted = sortedAscending(values);
  const spreadValue = spread(values);
  const scale = { ...rubric.scale };
  return {
    entryId: entry.id,
    code: entry.code,
    title: entry.title,
    categoryId: entry.categoryId,
    scale,
    totals,
    counted,
    abstained,
    recused,
    incomplete,
    values: {
      mean: mean(values),
      median: quantile(sorted, 0.5),
      trimmed: trimmedMeanOfSorted(sorted, options.trimmedMinJurors),
      zscore: null,
    },
    trimmedNotApplicable: values.length < Math.max(3, options.trimmedMinJurors),
    spread: spreadValue,
    disagreement: spreadValue !== null && atLeast(spreadValue, options.disagreementThreshold * (scale.max - scale.min)),
    criterionMeans: criterionMeans(rubric, sheets, rows),
    ranks: { mean: null, median: null, trimmed: null, zscore: null },
    passes: null,
  };
}

/** Mean of each applicable criterion over the scored sheets that have it, adding in sheet order. */
function criterionMeans(rubric: Rubric, sheets: SheetColumns, rows: readonly number[]): CriterionMean[] {
  const width = rubric.criteria.length;
  return rubric.applicable.map((i) => {
    let total = 0;
    let count = 0;
    for (let r = 0; r < rows.length; r++) {
      const s = rows[r] as number;
      const v = sheets.values[s * width + i] as number;
      if (sheets.status[s] === SCORED && !Number.isNaN(v)) {
        total += v;
        count += 1;
      }
    }
    return { criterionId: (rubric.criteria[i] as ScoringCriterion).id, mean: count === 0 ? null : total / count, count };
  });
}

/** Counted total k: juror jurorIds[k] on entry slot slots[k], as fraction fractions[k] of its scale. */
export interface CountedTotals {
  jurorIds: Float64Array;
  slots: Int32Array;
  fractions: Float64Array;
  /** Entry (draft) i's totals end at ends[i]. */
  ends: Int32Array;
  slotOf: Map<number, number>;
}

/**
 * Every counted total as a fraction of its scale, entry by entry and in sheet order within
 * one: the input of the z-scores, of α on the totals (entry k's run ends at ends[k]) and of
 * the overall mean. Entries get a slot by id in order of first appearance.
 */
export function countedTotals(drafts: readonly EntryResult[]): CountedTotals {
  const size = drafts.reduce((n, d) => n + d.counted, 0);
  const jurorIds = new Float64Array(size);
  const slots = new Int32Array(size);
  const fractions = new Float64Array(size);
  const ends = new Int32Array(drafts.length);
  const slotOf = new Map<number, number>();
  let k = 0;
  drafts.forEach((d, i) => {
    for (let j = 0; j < d.totals.length; j++) {
      const t = d.totals[j] as JurorTotal;
      if (t.total === null) continue;
      let slot = slotOf.get(t.entryId);
      if (slot === undefined) slotOf.set(t.entryId, (slot = slotOf.size));
      jurorIds[k] = t.jurorId;
      slots[k] = slot;
      fractions[k++] = toFraction(t.total, d.scale);
    }
    ends[i] = k;
  });
  return { jurorIds, slots, fractions, ends, slotOf };
}

/**
 * The EFQM practice in domain.md: jurors who differ by *less* than the threshold are averaged,
 * otherwise they discuss — so a spread exactly at the threshold is flagged.
 */
function atLeast(value: number, threshold: number): boolean {
  return value > threshold || nearlyEqual(value, threshold);
}
