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
 * columns: the units are the entries' sheet groups, in order. In one pass over the sheets,
 * criterion i's values are laid end to end, unit after unit, in its own region of one buffer
 * (region i starts at i × sheet count): reading the score matrix a criterion at a time would
 * walk all of it once per criterion.
 */
export function criterionStats(criteria: readonly ScoringCriterion[], sheets: SheetColumns, groups: SheetGroups): CriterionStats[] {
  const width = criteria.length;
  const n = sheets.count;
  const buffer = new Float64Array(width * n);
  const filled = new Int32Array(width); // values of criterion i so far
  const ends = new Int32Array(width * groups.count); // criterion i's units end at ends[i × groups.count …], relative to its region
  const units = new Int32Array(width);
  const spreadSum = new Float64Array(width);
  const spreads = new Int32Array(width);
  for (let g = 0; g < groups.count; g++) {
    const from = groups.starts[g] as number;
    const to = groups.starts[g + 1] as number;
    for (let i = 0; i < width; i++) {
      const base = i * n;
      const start = filled[i] as number;
      let m = start;
      for (let r = from; r < to; r++) {
        const s = groups.rows[r] as number;
        const v = sheets.values[s * width + i] as number;
        if (sheets.status[s] === SCORED && !Number.isNaN(v)) buffer[base + m++] = v;
      }
      if (m === start) continue;
      filled[i] = m;
      ends[i * groups.count + (units[i] as number)] = m;
      units[i] = (units[i] as number) + 1;
      const sp = spread(buffer, base + start, base + m);
      if (sp !== null) {
        spreadSum[i] = (spreadSum[i] as number) + sp;
        spreads[i] = (spreads[i] as number) + 1;
      }
    }
  }
  return criteria.map((c, i) => {
    const values = buffer.subarray(i * n, i * n + (filled[i] as number));
    const reliability = alphaOfRuns(values, ends.subarray(i * groups.count, i * groups.count + (units[i] as number)));
    // After α, which needs the values unit by unit: the region is sorted where it is.
    const sorted = sortedInPlace(values);
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
      meanSpread: (spreads[i] as number) === 0 ? null : (spreadSum[i] as number) / (spreads[i] as number),
      reliability,
    };
  });
}
