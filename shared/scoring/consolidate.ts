import { rankCategory } from './categories';
import { jurorStats, criterionStats } from './charts';
import { groupSheets, toColumns, type ColumnarInput } from './columns';
import { aggregateEntries } from './entries';
import { alphaOfRuns } from './krippendorff';
import { withDefaults, type ConsolidationOptions } from './options';
import type { CategoryResult, ConsolidationResult, EntryResult } from './result';
import { fromFraction } from './scale';
import type { ScoringInput } from './types';
import { zScoreColumns } from './zscore';

/**
 * One stage's consolidation: per-juror totals, every method side by side, ranks per category
 * with the tie-break chain, disagreement flags, reliability, the cut-off, and chart data.
 * Pure: the same input always gives the same result.
 */
export function consolidate(input: ScoringInput, partialOptions?: Partial<ConsolidationOptions>): ConsolidationResult {
  return consolidateColumns({ ...input, sheets: toColumns(input.criteria, input.sheets) }, partialOptions);
}

/** The same, from sheets already in columns (how the service reads a large stage). */
export function consolidateColumns(input: ColumnarInput, partialOptions?: Partial<ConsolidationOptions>): ConsolidationResult {
  const options = withDefaults(partialOptions);
  const groups = groupSheets(input.sheets);
  const { entries, counted } = aggregateEntries(input, groups, options);
  const z = zScoreColumns(counted.jurorIds, counted.slots, counted.fractions, counted.slotOf.size);
  for (const e of entries) {
    const f = z.byEntry[counted.slotOf.get(e.entryId) ?? -1];
    e.values.zscore = f === undefined || Number.isNaN(f) ? null : fromFraction(f, e.scale);
  }

  const categories: CategoryResult[] = [];
  for (const [categoryId, group] of groupByCategory(entries)) categories.push(rankCategory(categoryId, group, options, input.decisions ?? []));
  for (const e of entries) {
    const official = e.values[options.method];
    e.passes = input.cutoff === null ? null : official !== null && (official >= input.cutoff || Math.abs(official - input.cutoff) < 1e-9);
  }

  const jurors = jurorStats(input.jurors, entries, counted, new Set(z.zeroVarianceJurors));
  return {
    options,
    cutoff: input.cutoff,
    entries,
    categories,
    jurors,
    criteria: criterionStats(input.criteria, input.sheets, groups),
    reliability: alphaOfRuns(counted.fractions, counted.ends),
    overallMeanPct: overallMean(counted.fractions),
    zeroVarianceJurors: z.zeroVarianceJurors,
    passCount: entries.filter((e) => e.passes === true).length,
    disagreementCount: entries.filter((e) => e.disagreement).length,
    unresolvedTies: categories.some((c) => c.rankings.some((r) => r.unresolved)),
  };
}

/** Categories in order of first appearance (the caller passes entries in category order). */
function groupByCategory(entries: readonly EntryResult[]): Map<number | null, EntryResult[]> {
  const map = new Map<number | null, EntryResult[]>();
  for (const d of entries) {
    const list = map.get(d.categoryId);
    if (list) list.push(d);
    else map.set(d.categoryId, [d]);
  }
  return map;
}

/** Mean of every counted total as % of its scale (the leniency chart's reference line), adding in order. */
function overallMean(fractions: Float64Array): number | null {
  let total = 0;
  for (let k = 0; k < fractions.length; k++) total += 100 * (fractions[k] as number);
  return fractions.length === 0 ? null : total / fractions.length;
}
