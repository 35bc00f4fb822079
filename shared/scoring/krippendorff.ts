import { sumOfSquares } from './stats';

export interface AlphaResult {
  /** null when there is no variation at all (Dₑ = 0) or fewer than two pairable values. */
  alpha: number | null;
  /** Units (entries) with at least two values — the only ones that carry information. */
  pairableUnits: number;
  /** n: values in pairable units. */
  pairableValues: number;
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
}

/**
 * Krippendorff's α with the interval metric δ²(c, k) = (c − k)², for data with gaps: each unit
 * (entry) may have any number of values (jurors) and units with a single value are dropped.
 * With mᵤ values in unit u and n = Σ mᵤ over pairable units (mᵤ ≥ 2):
 *   Dₒ = (1/n) · Σᵤ [ 1/(mᵤ − 1) · Σ_{i≠j in u} (vᵢ − vⱼ)² ]
 *   Dₑ = 1/(n(n − 1)) · Σ_{i≠j over all n values} (vᵢ − vⱼ)²
 *   α  = 1 − Dₒ / Dₑ
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011.) Over m values,
 * Σ_{i≠j} (vᵢ − vⱼ)² = 2m · SS where SS is the sum of squared deviations from their mean,
 * so both sums take one pass: Dₒ = (2/n) Σᵤ mᵤ·SSᵤ/(mᵤ − 1) and Dₑ = 2·SS_all/(n − 1).
 *
 * Chosen over ICC because jury designs here are incomplete (each entry gets N of the panel's
 * jurors, abstentions and recusals leave further gaps): ICC(2,1) needs every juror to score
 * every entry, and ICC(1,1) assumes the same number of raters per entry; α needs neither.
 */
export function krippendorffAlphaInterval(units: Iterable<readonly number[]>): AlphaResult {
  const values: number[] = [];
  const ends: number[] = [];
  for (const unit of units) {
    for (const v of unit) values.push(v);
    ends.push(values.length);
  }
  return alphaOfRuns(values, ends);
}

/**
 * The same α over units laid end to end: unit k is values[ends[k − 1] … ends[k]) — what the
 * columnar consolidation has at hand, without an array per unit.
 */
export function alphaOfRuns(values: ArrayLike<number>, ends: ArrayLike<number>): AlphaResult {
  let n = 0;
  let pairableUnits = 0;
  let within = 0;
  let pooledSum = 0;
  for (let k = 0, start = 0; k < ends.length; start = ends[k] as number, k++) {
    const end = ends[k] as number;
    const m = end - start;
    if (m < 2) continue;
    pairableUnits += 1;
    within += (m * sumOfSquares(values, start, end)) / (m - 1);
    for (let i = start; i < end; i++) pooledSum += values[i] as number;
    n += m;
  }
  if (n < 2) return { alpha: null, pairableUnits, pairableValues: n, observedDisagreement: null, expectedDisagreement: null };
  // SS of the pooled values, visiting them in the same order as the sum above (no copy of them).
  const pooledMean = pooledSum / n;
  let pooledSs = 0;
  for (let k = 0, start = 0; k < ends.length; start = ends[k] as number, k++) {
    const end = ends[k] as number;
    if (end - start < 2) continue;
    for (let i = start; i < end; i++) pooledSs += ((values[i] as number) - pooledMean) * ((values[i] as number) - pooledMean);
  }
  const observed = (2 * within) / n;
  const expected = (2 * pooledSs) / (n - 1);
  return {
    alpha: expected > 0 ? 1 - observed / expected : null,
    pairableUnits,
    pairableValues: n,
    observedDisagreement: observed,
    expectedDisagreement: expected,
  };
}
