import { rankCategory } from './categories';
import { jurorStats, criterionStats } from './charts';
import { toColumns, type ColumnarInput, type SheetColumns } from './columns';
import { aggregateEntry, countedTotals, type EntryDraft } from './entries';
import { alphaOfRuns } from './krippendorff';
import { withDefaults, type ConsolidationOptions, type Method } from './options';
import type { CategoryResult, ConsolidationResult, EntryResult } from './result';
import { fromFraction, rubricFor, type Rubric } from './scale';
import { mean } from './stats';
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
  const rowsByEntry = groupRows(input.sheets);
  const rubrics = new Map<number | null, Rubric>();
  const drafts: EntryDraft[] = input.entries.map((entry) => {
    let rubric = rubrics.get(entry.categoryId);
    if (!rubric) rubrics.set(entry.categoryId, (rubric = rubricFor(input.criteria, entry.categoryId)));
    return aggregateEntry(entry, input.sheets, rowsByEntry.get(entry.id) ?? [], rubric, options);
  });

  const counted = countedTotals(drafts);
  const z = zScoreColumns(counted.jurorIds, counted.slots, counted.fractions, counted.slotOf.size);
  for (const d of drafts) {
    const f = z.byEntry[counted.slotOf.get(d.entryId) ?? -1];
    d.values.zscore = f === undefined || Number.isNaN(f) ? null : fromFraction(f, d.scale);
  }

  const categories: CategoryResult[] = [];
  const ranks = new Map<number, Record<Method, number | null>>();
  for (const [categoryId, group] of groupByCategory(drafts)) {
    const ranked = rankCategory(categoryId, group, options, input.decisions ?? []);
    categories.push(ranked.category);
    for (const [entryId, r] of ranked.ranks) ranks.set(entryId, r);
  }

  const entries: EntryResult[] = drafts.map((d) => {
    const official = d.values[options.method];
    return {
      ...d,
      ranks: ranks.get(d.entryId) as Record<Method, number | null>,
      passes: input.cutoff === null ? null : official !== null && (official >= input.cutoff || Math.abs(official - input.cutoff) < 1e-9),
    };
  });

  const jurors = jurorStats(input.jurors, entries, counted, new Set(z.zeroVarianceJurors));
  return {
    options,
    cutoff: input.cutoff,
    entries,
    categories,
    jurors,
    criteria: criterionStats(input.criteria, input.sheets, rowsByEntry.values()),
    reliability: alphaOfRuns(counted.fractions, counted.ends),
    overallMeanPct: mean(counted.fractions.map((f) => 100 * f)),
    zeroVarianceJurors: z.zeroVarianceJurors,
    passCount: entries.filter((e) => e.passes === true).length,
    disagreementCount: entries.filter((e) => e.disagreement).length,
    unresolvedTies: categories.some((c) => c.rankings.some((r) => r.unresolved)),
  };
}

/** Sheet indexes per entry id, entries in order of first appearance, sheets in input order. */
function groupRows(sheets: SheetColumns): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (let s = 0; s < sheets.count; s++) {
    const entryId = sheets.entryId[s] as number;
    const list = map.get(entryId);
    if (list) list.push(s);
    else map.set(entryId, [s]);
  }
  return map;
}

/** Categories in order of first appearance (the caller passes entries in category order). */
function groupByCategory(drafts: readonly EntryDraft[]): Map<number | null, EntryDraft[]> {
  const map = new Map<number | null, EntryDraft[]>();
  for (const d of drafts) {
    const list = map.get(d.categoryId);
    if (list) list.push(d);
    else map.set(d.categoryId, [d]);
  }
  return map;
}
