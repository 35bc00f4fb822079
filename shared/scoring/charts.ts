import { SCORED, type SheetColumns } from './columns';
import { alphaOfRuns } from './krippendorff';
import type { CountedTotals } from './entries';
import type { CriterionStats, EntryResult, JurorStats } from './result';
import { extent, mean, populationSd, quantile, sortedAscending, spread } from './stats';
import type { ScoringCriterion, ScoringJuror } from './types';

/**
 * Each juror's distribution of totals (as % of scale) and leniency — the data behind the
 * results screen's leniency chart. Leniency compares a juror with the *other* jurors on the
 * same entries (leave-one-out), so a juror who happened to get strong entries is not called
 * generous, and the juror's own score does not pull the reference towards them.
 */
export function jurorStats(
  jurors: readonly ScoringJuror[],
  entries: readonly EntryResult[],
  counted: CountedTotals,
  zeroVariance: ReadonlySet<number>,
): JurorStats[] {
  const pct = new Map<number, number[]>(jurors.map((j) => [j.id, []]));
  const deviations = new Map<number, number[]>(jurors.map((j) => [j.id, []]));
  const statusCounts = new Map<number, { abstained: number; recused: number; incomplete: number }>(jurors.map((j) => [j.id, { abstained: 0, recused: 0, incomplete: 0 }]));
  for (const e of entries) {
    for (const t of e.totals) {
      const c = statusCounts.get(t.jurorId);
      if (c && (t.status === 'abstained' || t.status === 'recused' || t.status === 'incomplete')) c[t.status] += 1;
    }
  }
  // The counted totals, entry by entry in sheet order: p = the total as % of its scale.
  const { jurorIds, fractions, ends } = counted;
  for (let i = 0, start = 0; i < ends.length; start = ends[i] as number, i++) {
    const end = ends[i] as number;
    let all = 0;
    for (let k = start; k < end; k++) all += 100 * (fractions[k] as number);
    for (let k = start; k < end; k++) {
      const p = 100 * (fractions[k] as number);
      pct.get(jurorIds[k] as number)?.push(p);
      if (end - start > 1) deviations.get(jurorIds[k] as number)?.push(p - (all - p) / (end - start - 1));
    }
  }
  return jurors.map((j) => {
    const values = sortedAscending(pct.get(j.id) ?? []);
    const [lo, hi] = extent(values);
    return {
      jurorId: j.id,
      name: j.name,
      counted: values.length,
      ...(statusCounts.get(j.id) as { abstained: number; recused: number; incomplete: number }),
      valuesPct: values,
      meanPct: mean(values),
      medianPct: quantile(values, 0.5),
      sdPct: populationSd(values),
      minPct: values.length ? lo : null,
      maxPct: values.length ? hi : null,
      leniency: mean(deviations.get(j.id) ?? []),
      zeroVariance: zeroVariance.has(j.id),
    };
  });
}

/**
 * Per-criterion spread (box-plot numbers on the criterion's own scale) and its own α, from the
 * columns: `groups` are the sheet indexes of each entry (the units), in order of first
 * appearance. Each criterion's values are laid end to end, unit after unit, in one buffer.
 */
export function criterionStats(criteria: readonly ScoringCriterion[], sheets: SheetColumns, groups: Iterable<readonly number[]>): CriterionStats[] {
  const units = [...groups];
  const width = criteria.length;
  const buffer = new Float64Array(sheets.count);
  return criteria.map((c, i) => {
    let n = 0;
    const ends: number[] = [];
    let spreadSum = 0;
    let spreads = 0;
    for (const rows of units) {
      const start = n;
      for (const s of rows) {
        const v = sheets.values[s * width + i] as number;
        if (sheets.status[s] === SCORED && !Number.isNaN(v)) buffer[n++] = v;
      }
      if (n === start) continue;
      ends.push(n);
      const sp = spread(buffer, start, n);
      if (sp !== null) {
        spreadSum += sp;
        spreads += 1;
      }
    }
    const sorted = sortedAscending(buffer.subarray(0, n));
    return {
      criterionId: c.id,
      name: c.name,
      independent: c.independent,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
      count: sorted.length,
      mean: mean(sorted),
      sd: populationSd(sorted),
      min: sorted[0] ?? null,
      q1: quantile(sorted, 0.25),
      median: quantile(sorted, 0.5),
      q3: quantile(sorted, 0.75),
      max: sorted[sorted.length - 1] ?? null,
      meanSpread: spreads === 0 ? null : spreadSum / spreads,
      reliability: alphaOfRuns(buffer, ends),
    };
  });
}
