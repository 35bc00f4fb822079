// The straightforward consolidation as it stood before the columnar rewrite of shared/scoring,
// kept verbatim (this folder) as the oracle of equivalence.test.ts and
// tests/integration/results/columnar.test.ts. Not used by the app.
import { rankCategory } from './categories';
import { jurorStats, criterionStats } from './charts';
import { aggregateEntry, countedFractions, type EntryDraft } from './entries';
import { krippendorffAlphaInterval } from './krippendorff';
import { withDefaults, type ConsolidationOptions, type Method } from './options';
import type { CategoryResult, ConsolidationResult, EntryResult } from './result';
import { fromFraction, toFraction } from './scale';
import { mean } from './stats';
import type { ScoreSheet, ScoringInput } from './types';
import { zScoreConsolidate, type JurorFraction } from './zscore';

/**
 * One stage's consolidation: per-juror totals, every method side by side, ranks per category
 * with the tie-break chain, disagreement flags, reliability, the cut-off, and chart data.
 * Pure: the same input always gives the same result.
 */
export function consolidate(input: ScoringInput, partialOptions?: Partial<ConsolidationOptions>): ConsolidationResult {
  const options = withDefaults(partialOptions);
  const sheetsByEntry = groupSheets(input.sheets);
  const drafts: EntryDraft[] = input.entries.map((entry) => aggregateEntry(entry, sheetsByEntry.get(entry.id) ?? [], input.criteria, options));

  const fractions: JurorFraction[] = drafts.flatMap((d) => countedFractions(d.totals, d.scale));
  const z = zScoreConsolidate(fractions);
  for (const d of drafts) {
    const f = z.byEntry.get(d.entryId);
    d.values.zscore = f === undefined ? null : fromFraction(f, d.scale);
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

  const reliabilityUnits = drafts.map((d) => countedFractions(d.totals, d.scale).map((f) => f.fraction));
  const jurors = jurorStats(input.jurors, entries, new Set(z.zeroVarianceJurors));
  return {
    options,
    cutoff: input.cutoff,
    entries,
    categories,
    jurors,
    criteria: criterionStats(input.criteria, sheetsByEntry),
    reliability: krippendorffAlphaInterval(reliabilityUnits),
    overallMeanPct: overallMean(entries),
    zeroVarianceJurors: z.zeroVarianceJurors,
    passCount: entries.filter((e) => e.passes === true).length,
    disagreementCount: entries.filter((e) => e.disagreement).length,
    unresolvedTies: categories.some((c) => c.rankings.some((r) => r.unresolved)),
  };
}

function groupSheets(sheets: readonly ScoreSheet[]): Map<number, ScoreSheet[]> {
  const map = new Map<number, ScoreSheet[]>();
  for (const s of sheets) {
    const list = map.get(s.entryId);
    if (list) list.push(s);
    else map.set(s.entryId, [s]);
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

/** Mean of every counted total, as % of its scale: the reference line of the leniency chart. */
function overallMean(entries: readonly EntryResult[]): number | null {
  const values: number[] = [];
  for (const e of entries) for (const t of e.totals) if (t.total !== null) values.push(100 * toFraction(t.total, e.scale));
  return mean(values);
}
