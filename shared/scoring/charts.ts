import { SCORED, type SheetColumns, type SheetGroups } from './columns';
import { alphaOfRuns } from './krippendorff';
import type { CountedTotals } from './entries';
import type { CriterionStats, EntryResult, JurorStats } from './result';
import { extent, mean, populationSd, quantile, sortedAscending, sortedInPlace, spread } from './stats';
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
  // Per juror (by id): the counted totals as % of scale in typed arrays sized up front, and a
  // running sum for the leniency — 15,000 totals, without growing an array per juror.
  const slotOf = new Map<number, number>();
  for (const j of jurors) if (!slotOf.has(j.id)) slotOf.set(j.id, slotOf.size);
  const statusCounts = [...slotOf.keys()].map(() => ({ abstained: 0, recused: 0, incomplete: 0 }));
  for (let i = 0; i < entries.length; i++) {
    const { totals } = entries[i] as EntryResult;
    for (let k = 0; k < totals.length; k++) {
      const t = totals[k] as EntryResult['totals'][number];
      const c = statusCounts[slotOf.get(t.jurorId) ?? -1];
      if (c && (t.status === 'abstained' || t.status === 'recused' || t.status === 'incomplete')) c[t.status] += 1;
    }
  }
  const { jurorIds, fractions, ends } = counted;
  const sizes = new Int32Array(slotOf.size);
  for (let k = 0; k < jurorIds.length; k++) {
    const slot = slotOf.get(jurorIds[k] as number);
    if (slot !== undefined) sizes[slot] = (sizes[slot] as number) + 1;
  }
  const pct = Array.from(sizes, (n) => new Float64Array(n));
  const filled = new Int32Array(slotOf.size);
  const deviationSum = new Float64Array(slotOf.size);
  const deviationCount = new Int32Array(slotOf.size);
  // Entry by entry, in sheet order: p = the total as % of its scale.
  for (let i = 0, start = 0; i < ends.length; start = ends[i] as number, i++) {
    const end = ends[i] as number;
    let all = 0;
    for (let k = start; k < end; k++) all += 100 * (fractions[k] as number);
    for (let k = start; k < end; k++) {
      const slot = slotOf.get(jurorIds[k] as number);
      if (slot === undefined) continue;
      const p = 100 * (fractions[k] as number);
      (pct[slot] as Float64Array)[filled[slot] as number] = p;
      filled[slot] = (filled[slot] as number) + 1;
      if (end - start === 1) continue;
      deviationSum[slot] = (deviationSum[slot] as number) + (p - (all - p) / (end - start - 1));
      deviationCount[slot] = (deviationCount[slot] as number) + 1;
    }
  }
  return jurors.map((j) => {
    const slot = slotOf.get(j.id) as number;
    const values = sortedAscending(pct[slot] as Float64Array);
    const [lo, hi] = extent(values);
    const deviations = deviationCount[slot] as number;
    return {
      jurorId: j.id,
      name: j.name,
      counted: values.length,
      ...(statusCounts[slot] as { abstained: number; recused: number; incomplete: number }),
      valuesPct: values,
      meanPct: mean(values),
      medianPct: quantile(values, 0.5),
      sdPct: populationSd(values),
      minPct: values.length ? lo : null,
      maxPct: values.length ? hi : null,
      leniency: deviations === 0 ? null : (deviationSum[slot] as number) / deviations,
      zeroVariance: zeroVariance.has(j.id),
    };
  });
}

/**
 * Per-criterion spread (box-plot numbers on the criterion's own scale) and its own α, from the
 * columns: the units are the entries' sheet groups, in order. Each criterion's values are laid
 * end to end, unit after unit, in one buffer reused from criterion to criterion (a buffer per
 * criterion would allocate the whole score matrix again, off the JS heap, on every computation).
 */
export function criterionStats(criteria: readonly ScoringCriterion[], sheets: SheetColumns, groups: SheetGroups): CriterionStats[] {
  const width = criteria.length;
  const buffer = new Float64Array(sheets.count);
  const ends = new Int32Array(groups.count);
  return criteria.map((c, i) => {
    let n = 0;
    let units = 0;
    let spreadSum = 0;
    let spreads = 0;
    for (let g = 0; g < groups.count; g++) {
      const start = n;
      for (let r = groups.starts[g] as number; r < (groups.starts[g + 1] as number); r++) {
        const s = groups.rows[r] as number;
        const v = sheets.values[s * width + i] as number;
        if (sheets.status[s] === SCORED && !Number.isNaN(v)) buffer[n++] = v;
      }
      if (n === start) continue;
      ends[units++] = n;
      const sp = spread(buffer, start, n);
      if (sp !== null) {
        spreadSum += sp;
        spreads += 1;
      }
    }
    const reliability = alphaOfRuns(buffer, ends.subarray(0, units));
    // After α, which needs the values unit by unit: the buffer is sorted where it is.
    const sorted = sortedInPlace(buffer.subarray(0, n));
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
      reliability,
    };
  });
}
