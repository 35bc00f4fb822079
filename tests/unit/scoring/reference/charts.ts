import { krippendorffAlphaInterval } from './krippendorff';
import type { CriterionStats, EntryResult, JurorStats } from './result';
import { toFraction } from './scale';
import { extent, mean, populationSd, quantile, sortedAscending, spread, sum } from './stats';
import type { ScoreSheet, ScoringCriterion, ScoringJuror } from './types';

/**
 * Each juror's distribution of totals (as % of scale) and leniency — the data behind the
 * results screen's leniency chart. Leniency compares a juror with the *other* jurors on the
 * same entries (leave-one-out), so a juror who happened to get strong entries is not called
 * generous, and the juror's own score does not pull the reference towards them.
 */
export function jurorStats(jurors: readonly ScoringJuror[], entries: readonly EntryResult[], zeroVariance: ReadonlySet<number>): JurorStats[] {
  const pct = new Map<number, number[]>(jurors.map((j) => [j.id, []]));
  const deviations = new Map<number, number[]>(jurors.map((j) => [j.id, []]));
  const statusCounts = new Map<number, { abstained: number; recused: number; incomplete: number }>(jurors.map((j) => [j.id, { abstained: 0, recused: 0, incomplete: 0 }]));
  for (const e of entries) {
    const counted: { jurorId: number; p: number }[] = [];
    for (const t of e.totals) {
      const c = statusCounts.get(t.jurorId);
      if (c && (t.status === 'abstained' || t.status === 'recused' || t.status === 'incomplete')) c[t.status] += 1;
      if (t.total !== null) counted.push({ jurorId: t.jurorId, p: 100 * toFraction(t.total, e.scale) });
    }
    const all = sum(counted.map((c) => c.p));
    for (const c of counted) {
      pct.get(c.jurorId)?.push(c.p);
      if (counted.length > 1) deviations.get(c.jurorId)?.push(c.p - (all - c.p) / (counted.length - 1));
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

/** Per-criterion spread (box-plot numbers on the criterion's own scale) and its own α. One pass over the sheets. */
export function criterionStats(criteria: readonly ScoringCriterion[], sheetsByEntry: ReadonlyMap<number, readonly ScoreSheet[]>): CriterionStats[] {
  const all = criteria.map(() => [] as number[]);
  const units = criteria.map(() => [] as number[][]);
  const spreads = criteria.map(() => [] as number[]);
  for (const sheets of sheetsByEntry.values()) {
    const unit = criteria.map(() => [] as number[]);
    for (const s of sheets) {
      if (s.status !== 'scored') continue;
      criteria.forEach((c, i) => {
        const v = s.scores.get(c.id);
        if (v !== undefined) (unit[i] as number[]).push(v);
      });
    }
    unit.forEach((values, i) => {
      if (values.length === 0) return;
      for (const v of values) (all[i] as number[]).push(v);
      (units[i] as number[][]).push(values);
      const sp = spread(values);
      if (sp !== null) (spreads[i] as number[]).push(sp);
    });
  }
  return criteria.map((c, i) => {
    const sorted = sortedAscending(all[i] as number[]);
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
      meanSpread: mean(spreads[i] as number[]),
      reliability: krippendorffAlphaInterval(units[i] as number[][]),
    };
  });
}
