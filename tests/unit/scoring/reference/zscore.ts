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
  const byJuror = groupBy(values, (v) => v.jurorId);
  const zeroVarianceJurors: number[] = [];
  const zByEntry = new Map<number, number[]>();
  const rawByEntry = new Map<number, number[]>();
  for (const [jurorId, own] of byJuror) {
    const fractions = own.map((v) => v.fraction);
    const mu = mean(fractions) as number;
    const sigma = populationSd(fractions) as number;
    // Relative to the scale (fractions are 0–1): rounding noise in equal totals is not variance.
    const flat = sigma < 1e-12;
    if (flat) zeroVarianceJurors.push(jurorId);
    for (const v of own) {
      push(zByEntry, v.entryId, flat ? 0 : (v.fraction - mu) / sigma);
      push(rawByEntry, v.entryId, v.fraction);
    }
  }

  const normalised = new Map<number, number>();
  const raw = new Map<number, number>();
  for (const [entryId, zs] of zByEntry) {
    normalised.set(entryId, mean(zs) as number);
    raw.set(entryId, mean(rawByEntry.get(entryId) ?? []) as number);
  }
  const n = [...normalised.values()];
  const s = [...raw.values()];
  const [minN, maxN] = extent(n);
  const [minS, maxS] = extent(s);
  const byEntry = new Map<number, number>();
  const flatN = n.length === 0 || nearlyEqual(minN, maxN);
  const meanS = mean(s) ?? 0;
  for (const [entryId, value] of normalised) {
    byEntry.set(entryId, flatN ? meanS : minS + ((value - minN) * (maxS - minS)) / (maxN - minN));
  }
  return { byEntry, zeroVarianceJurors: zeroVarianceJurors.sort((a, b) => a - b) };
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) push(groups, key(item), item);
  return groups;
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
