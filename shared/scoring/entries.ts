import { SCORED, type ColumnarInput, type SheetColumns, type SheetGroups } from './columns';
import type { ConsolidationOptions } from './options';
import type { CriterionMean, EntryResult } from './result';
import { rubricFor, toFraction, type Rubric } from './scale';
import { mean, nearlyEqual, quantile, sortPrefix, spread, trimmedMeanOfSorted } from './stats';
import { rowTotal, type JurorTotal } from './totals';
import type { ScoringCriterion } from './types';

/** Counted total k: juror jurorIds[k] on entry slot slots[k], as fraction fractions[k] of its scale. */
export interface CountedTotals {
  jurorIds: Float64Array;
  slots: Int32Array;
  fractions: Float64Array;
  /** Entry i's totals end at ends[i]. */
  ends: Int32Array;
  slotOf: Map<number, number>;
}

/**
 * Everything about each entry that needs only its own sheets: per-juror totals, mean, median,
 * trimmed mean, spread and the disagreement flag, and criterion means for tie-breaks; the
 * z-score, ranks and cut-off come later and are filled in place. Alongside, every counted total
 * as a fraction of its scale (see CountedTotals), entry by entry and in sheet order within one:
 * the input of the z-scores, of α on the totals (entry i's run ends at ends[i]) and of the
 * juror statistics. Entries get a slot by id in order of first counted total.
 *
 * One pass over a large stage's 15,000 sheets: the totals the result keeps are the only
 * objects made per sheet; an entry's counted totals are sorted in one reused buffer.
 */
export function aggregateEntries(input: ColumnarInput, groups: SheetGroups, options: ConsolidationOptions): { entries: EntryResult[]; counted: CountedTotals } {
  const { sheets } = input;
  const width = input.criteria.length;
  const ranges = input.entries.map((entry) => groups.groupOf.get(entry.id) ?? -1);
  let size = 0;
  let longest = 0;
  for (const g of ranges) {
    const n = g < 0 ? 0 : (groups.starts[g + 1] as number) - (groups.starts[g] as number);
    size += n;
    longest = Math.max(longest, n);
  }
  const jurorIds = new Float64Array(size);
  const slots = new Int32Array(size);
  const fractions = new Float64Array(size);
  const ends = new Int32Array(input.entries.length);
  const slotOf = new Map<number, number>();
  const values = new Float64Array(longest); // one entry's counted totals, in sheet order
  const sorted = new Float64Array(longest);
  const rubrics = new Map<number | null, Rubric>();
  let k = 0;

  const entries = input.entries.map((entry, i): EntryResult => {
    let rubric = rubrics.get(entry.categoryId);
    if (!rubric) rubrics.set(entry.categoryId, (rubric = rubricFor(input.criteria, entry.categoryId)));
    const g = ranges[i] as number;
    const from = g < 0 ? 0 : (groups.starts[g] as number);
    const to = g < 0 ? 0 : (groups.starts[g + 1] as number);
    const scale = { ...rubric.scale };
    const totals = new Array<JurorTotal>(to - from);
    let counted = 0;
    let abstained = 0;
    let recused = 0;
    let incomplete = 0;
    for (let r = from; r < to; r++) {
      const s = groups.rows[r] as number;
      const t = rowTotal(sheets.jurorId[s] as number, sheets.entryId[s] as number, sheets.status[s] as number, sheets.values, s * width, rubric, options.missingRule, options.rescaleMinCoverage);
      totals[r - from] = t;
      if (t.total !== null) {
        values[counted++] = t.total;
        let slot = slotOf.get(t.entryId);
        if (slot === undefined) slotOf.set(t.entryId, (slot = slotOf.size));
        jurorIds[k] = t.jurorId;
        slots[k] = slot;
        fractions[k++] = toFraction(t.total, scale);
      } else if (t.status === 'abstained') abstained += 1;
      else if (t.status === 'recused') recused += 1;
      else if (t.status === 'incomplete') incomplete += 1;
    }
    ends[i] = k;
    for (let j = 0; j < counted; j++) sorted[j] = values[j] as number;
    sortPrefix(sorted, counted);
    const spreadValue = spread(values, 0, counted);
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
        mean: mean(values, 0, counted),
        median: quantile(sorted, 0.5, counted),
        trimmed: trimmedMeanOfSorted(sorted, options.trimmedMinJurors, counted),
        zscore: null,
      },
      trimmedNotApplicable: counted < Math.max(3, options.trimmedMinJurors),
      spread: spreadValue,
      disagreement: spreadValue !== null && atLeast(spreadValue, options.disagreementThreshold * (scale.max - scale.min)),
      criterionMeans: criterionMeans(rubric, sheets, groups.rows, from, to),
      ranks: { mean: null, median: null, trimmed: null, zscore: null },
      passes: null,
    };
  });
  return { entries, counted: { jurorIds: jurorIds.subarray(0, k), slots: slots.subarray(0, k), fractions: fractions.subarray(0, k), ends, slotOf } };
}

/** Mean of each applicable criterion over the entry's scored sheets (rows[from … to)) that have it, adding in sheet order. */
function criterionMeans(rubric: Rubric, sheets: SheetColumns, rows: Int32Array, from: number, to: number): CriterionMean[] {
  const width = rubric.criteria.length;
  const means = new Array<CriterionMean>(rubric.applicable.length);
  for (let a = 0; a < means.length; a++) {
    const i = rubric.applicable[a] as number;
    let total = 0;
    let count = 0;
    for (let r = from; r < to; r++) {
      const s = rows[r] as number;
      const v = sheets.values[s * width + i] as number;
      if (sheets.status[s] === SCORED && !Number.isNaN(v)) {
        total += v;
        count += 1;
      }
    }
    means[a] = new CriterionMeanRecord((rubric.criteria[i] as ScoringCriterion).id, count === 0 ? null : total / count, count);
  }
  return means;
}

/** An entry's mean on one criterion: a constructor, not a literal, for the reason TotalRecord (totals.ts) gives. */
class CriterionMeanRecord implements CriterionMean {
  constructor(
    public criterionId: number,
    public mean: number | null,
    public count: number,
  ) {}
}

/**
 * The EFQM practice (docs/consolidacion.md, «Discrepancia»): jurors who differ by *less* than the
 * threshold are averaged, otherwise they discuss — so a spread exactly at the threshold is flagged.
 */
function atLeast(value: number, threshold: number): boolean {
  return value > threshold || nearlyEqual(value, threshold);
}
