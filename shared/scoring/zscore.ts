import { extent, mean, nearlyEqual, populationSd } from './stats';

/** One counted total, as a fraction (0–1) of its scale so that different rubrics can be pooled. */
export interface JurorFraction {
  jurorId: number;
  entryId: number;
  fraction: number;
}

export interface ZScoreResult {
  /** entry id → normalised score, as a fraction of the entry's total scale. */
  byEntry: Map<number, number>;
  /** Jurors whose scores all coincide: their z is 0 for every entry (see below). */
  zeroVarianceJurors: number[];
}

/**
 * Per-juror z-score normalisation over one stage (Evalato's "score normalization", per round):
 *   zⱼₑ = (xⱼₑ − μⱼ) / σⱼ           μⱼ, σⱼ: mean and population SD of juror j's totals in the stage
 *   Nₑ  = mean over j of zⱼₑ          Sₑ = mean over j of xⱼₑ (the raw mean)
 *   fₑ  = min S + (Nₑ − min N) · (max S − min S) / (max N − min N)
 * The last step maps the normalised means back onto the range the raw means span, so the
 * numbers stay on the rubric's scale and comparable with the cut-off (mapping to the scale's
 * nominal ends would give the last entry 0 and the first 100 whatever their quality).
 *
 * Zero variance: a juror who gives every entry the same total expresses no preference, so each
 * of their z is 0 — neutral, never a division by zero. When every Nₑ coincides, fₑ is the mean of
 * the raw means (nothing distinguishes the entries).
 */
export function zScoreConsolidate(values: readonly JurorFraction[]): ZScoreResult {
  const slots = new Map<number, number>();
  const entryIds: number[] = [];
  const entries = values.map((v) => {
    let slot = slots.get(v.entryId);
    if (slot === undefined) slots.set(v.entryId, (slot = entryIds.push(v.entryId) - 1));
    return slot;
  });
  const z = zScoreColumns(
    values.map((v) => v.jurorId),
    entries,
    values.map((v) => v.fraction),
    entryIds.length,
  );
  const byEntry = new Map<number, number>();
  for (const slot of z.order) byEntry.set(entryIds[slot] as number, z.byEntry[slot] as number);
  return { byEntry, zeroVarianceJurors: z.zeroVarianceJurors };
}

/**
 * zScoreConsolidate over parallel columns, without an object per total: total k is juror
 * jurorIds[k]'s on entry slot entries[k] (0 … entryCount − 1), as fraction fractions[k].
 * byEntry[slot] is NaN for a slot without totals; `order` lists the slots that have one.
 *
 * Sums run in a fixed order so the result does not depend on how it is computed: a juror's
 * totals in input order; an entry's z (and raw fractions) juror by juror, jurors in order of
 * first appearance; the raw means over entries in the order they were first reached that way.
 */
export function zScoreColumns(
  jurorIds: ArrayLike<number>,
  entries: ArrayLike<number>,
  fractions: ArrayLike<number>,
  entryCount: number,
): { byEntry: Float64Array; order: number[]; zeroVarianceJurors: number[] } {
  const runs = byJuror(jurorIds);
  const grouped = new Float64Array(runs.index.length);
  for (let g = 0; g < grouped.length; g++) grouped[g] = fractions[runs.index[g] as number] as number;
  const zeroVarianceJurors: number[] = [];
  const zSum = new Float64Array(entryCount);
  const rawSum = new Float64Array(entryCount);
  const perEntry = new Float64Array(entryCount);
  const order: number[] = [];
  runs.ids.forEach((jurorId, j) => {
    const start = runs.starts[j] as number;
    const end = runs.starts[j + 1] as number;
    const mu = mean(grouped, start, end) as number;
    const sigma = populationSd(grouped, start, end) as number;
    // Relative to the scale (fractions are 0–1): rounding noise in equal totals is not variance.
    const flat = sigma < 1e-12;
    if (flat) zeroVarianceJurors.push(jurorId);
    for (let g = start; g < end; g++) {
      const e = entries[runs.index[g] as number] as number;
      const f = grouped[g] as number;
      const seen = perEntry[e] as number;
      if (seen === 0) order.push(e);
      perEntry[e] = seen + 1;
      zSum[e] = (zSum[e] as number) + (flat ? 0 : (f - mu) / sigma);
      rawSum[e] = (rawSum[e] as number) + f;
    }
  });

  const normalised = order.map((e) => (zSum[e] as number) / (perEntry[e] as number));
  const raw = order.map((e) => (rawSum[e] as number) / (perEntry[e] as number));
  const [minN, maxN] = extent(normalised);
  const [minS, maxS] = extent(raw);
  const flatN = order.length === 0 || nearlyEqual(minN, maxN);
  const meanS = mean(raw) ?? 0;
  const byEntry = new Float64Array(entryCount).fill(NaN);
  order.forEach((e, i) => {
    byEntry[e] = flatN ? meanS : minS + (((normalised[i] as number) - minN) * (maxS - minS)) / (maxN - minN);
  });
  return { byEntry, order, zeroVarianceJurors: zeroVarianceJurors.sort((a, b) => a - b) };
}

/**
 * Indexes 0 … n − 1 grouped by juror, jurors in order of first appearance and input order
 * within each (a counting sort): juror ids[j]'s run is index[starts[j] … starts[j + 1]).
 */
function byJuror(jurorIds: ArrayLike<number>): { ids: number[]; starts: Int32Array; index: Int32Array } {
  const rankOf = new Map<number, number>();
  const ids: number[] = [];
  const rank = new Int32Array(jurorIds.length);
  for (let k = 0; k < rank.length; k++) {
    const id = jurorIds[k] as number;
    let r = rankOf.get(id);
    if (r === undefined) rankOf.set(id, (r = ids.push(id) - 1));
    rank[k] = r;
  }
  const starts = new Int32Array(ids.length + 1);
  for (let k = 0; k < rank.length; k++) starts[(rank[k] as number) + 1] = (starts[(rank[k] as number) + 1] as number) + 1;
  for (let j = 1; j <= ids.length; j++) starts[j] = (starts[j] as number) + (starts[j - 1] as number);
  const next = starts.slice(0, ids.length);
  const index = new Int32Array(rank.length);
  for (let k = 0; k < rank.length; k++) {
    const r = rank[k] as number;
    index[next[r] as number] = k;
    next[r] = (next[r] as number) + 1;
  }
  return { ids, starts, index };
}
