import type { ConsolidationOptions } from './options';
import type { CriterionMean, EntryResult } from './result';
import { applicableCriteria, toFraction, totalScale, type TotalScale } from './scale';
import { mean, median, nearlyEqual, spread, trimmedMean } from './stats';
import { counts, jurorTotal, type JurorTotal } from './totals';
import type { ScoreSheet, ScoringCriterion, ScoringEntry } from './types';
import type { JurorFraction } from './zscore';

/** An entry's totals and plain aggregates, before z-scores, ranks and the cut-off are known. */
export type EntryDraft = Omit<EntryResult, 'ranks' | 'passes'>;

/**
 * Everything about one entry that needs only its own sheets: per-juror totals, mean, median,
 * trimmed mean, spread and the disagreement flag, and criterion means for tie-breaks.
 */
export function aggregateEntry(entry: ScoringEntry, sheets: readonly ScoreSheet[], criteria: readonly ScoringCriterion[], options: ConsolidationOptions): EntryDraft {
  const applicable = applicableCriteria(criteria, entry.categoryId);
  const weighted = applicable.filter((c) => !c.independent);
  const independent = applicable.filter((c) => c.independent);
  const scale = totalScale(weighted);
  const totals = sheets.map((s) => jurorTotal(s, weighted, independent, options.missingRule, options.rescaleMinCoverage));
  const values = totals.filter(counts).map((t) => t.total);
  const spreadValue = spread(values);
  return {
    entryId: entry.id,
    code: entry.code,
    title: entry.title,
    categoryId: entry.categoryId,
    scale,
    totals,
    counted: values.length,
    abstained: totals.filter((t) => t.status === 'abstained').length,
    recused: totals.filter((t) => t.status === 'recused').length,
    incomplete: totals.filter((t) => t.status === 'incomplete').length,
    values: {
      mean: mean(values),
      median: median(values),
      trimmed: trimmedMean(values, options.trimmedMinJurors),
      zscore: null,
    },
    trimmedNotApplicable: values.length < Math.max(3, options.trimmedMinJurors),
    spread: spreadValue,
    disagreement: spreadValue !== null && atLeast(spreadValue, options.disagreementThreshold * (scale.max - scale.min)),
    criterionMeans: criterionMeans(applicable, sheets),
  };
}

function criterionMeans(applicable: readonly ScoringCriterion[], sheets: readonly ScoreSheet[]): CriterionMean[] {
  return applicable.map((c) => {
    const values: number[] = [];
    for (const s of sheets) {
      const v = s.status === 'scored' ? s.scores.get(c.id) : undefined;
      if (v !== undefined) values.push(v);
    }
    return { criterionId: c.id, mean: mean(values), count: values.length };
  });
}

/** The counted totals of one entry as fractions of its scale, the input of the z-score step. */
export function countedFractions(totals: readonly JurorTotal[], scale: TotalScale): JurorFraction[] {
  return totals.filter(counts).map((t) => ({ jurorId: t.jurorId, entryId: t.entryId, fraction: toFraction(t.total, scale) }));
}

/**
 * The EFQM practice (docs/consolidacion.md, «Discrepancia»): jurors who differ by *less* than the
 * threshold are averaged, otherwise they discuss — so a spread exactly at the threshold is flagged.
 */
function atLeast(value: number, threshold: number): boolean {
  return value > threshold || nearlyEqual(value, threshold);
}
