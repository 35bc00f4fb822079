import { sortFloat64 } from './sort';

/**
 * Small descriptive statistics used by the consolidation. Pure functions over plain
 * number arrays; an empty input gives null rather than NaN so callers must decide what
 * "no data" means instead of printing NaN in an acta.
 */

/** Relative tolerance for "the same score": sums of products in floating point differ in the last bits. */
const EPSILON = 1e-9;

export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The functions below take any array-like (plain arrays, or typed arrays and ranges of them in
 * the columnar consolidation) and always add in index order, so both give the same bits.
 */
export function sum(values: ArrayLike<number>, start = 0, end = values.length): number {
  let total = 0;
  for (let i = start; i < end; i++) total += values[i] as number;
  return total;
}

export function mean(values: ArrayLike<number>, start = 0, end = values.length): number | null {
  return end <= start ? null : sum(values, start, end) / (end - start);
}

/** Sum of squared deviations from the mean (0 for fewer than two values). */
export function sumOfSquares(values: ArrayLike<number>, start = 0, end = values.length): number {
  const m = mean(values, start, end);
  if (m === null) return 0;
  let ss = 0;
  for (let i = start; i < end; i++) ss += ((values[i] as number) - m) * ((values[i] as number) - m);
  return ss;
}

/**
 * Population standard deviation (divides by n). Used for juror z-scores: a juror's scores
 * are the whole population being standardised, not a sample of some larger set.
 */
export function populationSd(values: ArrayLike<number>, start = 0, end = values.length): number | null {
  return end <= start ? null : Math.sqrt(sumOfSquares(values, start, end) / (end - start));
}

/**
 * A sorted copy. For long arrays (a criterion's 15,000 scores) a numeric typed-array sort is
 * several times faster than a comparator; for a handful of jurors creating it costs more than it saves.
 */
export function sortedAscending(values: ArrayLike<number>): number[] {
  if (values.length < 64) return insertionSorted(Array.from(values));
  const sorted = sortFloat64(Float64Array.from(values));
  // Copied by index: Array.from(typedArray) walks the iterator protocol, several times slower.
  const out = new Array<number>(sorted.length);
  for (let i = 0; i < sorted.length; i++) out[i] = sorted[i] as number;
  return out;
}

/** sortedAscending without the copies: a long array is sorted where it is (and returned). */
export function sortedInPlace(values: Float64Array): ArrayLike<number> {
  return values.length < 64 ? insertionSorted(Array.from(values)) : sortFloat64(values);
}

/**
 * values[0 … length) sorted where they are, in the order sortedAscending gives: the columnar
 * consolidation sorts each entry's totals in one reused buffer.
 */
export function sortPrefix(values: Float64Array, length: number): void {
  if (length < 64) insertionSorted(values, length);
  else sortFloat64(values.subarray(0, length));
}

/**
 * Stable, so it orders exactly as sort((a, b) => a − b) does; for a handful of jurors' totals
 * it also avoids calling (and boxing every number for) a comparator.
 */
function insertionSorted<T extends number[] | Float64Array>(values: T, length = values.length): T {
  for (let i = 1; i < length; i++) {
    const v = values[i] as number;
    let j = i - 1;
    for (; j >= 0 && (values[j] as number) > v; j--) values[j + 1] = values[j] as number;
    values[j + 1] = v;
  }
  return values;
}

export function median(values: readonly number[]): number | null {
  return quantile(sortedAscending(values), 0.5);
}

/**
 * Quantile of already sorted values by linear interpolation between order statistics
 * (type 7, the default of R and of spreadsheet QUARTIL.INC), so the exported quartiles match
 * what an organizer gets recomputing them in Excel. Of sorted[0 … length) when given.
 */
export function quantile(sorted: ArrayLike<number>, q: number, length = sorted.length): number | null {
  if (length === 0) return null;
  const position = (length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

/**
 * Mean after dropping the single highest and the single lowest value (LiveJudge's rule).
 * Only meaningful with enough values left: below `minCount` it is not applicable (null),
 * never silently replaced by the plain mean.
 */
export function trimmedMean(values: readonly number[], minCount: number): number | null {
  return values.length < Math.max(3, minCount) ? null : trimmedMeanOfSorted(sortedAscending(values), minCount);
}

/** trimmedMean of values already sorted ascending (sorted[0 … length) when given). */
export function trimmedMeanOfSorted(sorted: ArrayLike<number>, minCount: number, length = sorted.length): number | null {
  return length < Math.max(3, minCount) ? null : mean(sorted, 1, length - 1);
}

/** max − min; null with fewer than two values (a single score has no disagreement to measure). */
export function spread(values: ArrayLike<number>, start = 0, end = values.length): number | null {
  if (end - start < 2) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = start; i < end; i++) {
    const v = values[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi - lo;
}

/** [min, max] without spreading into Math.min (which overflows the stack on large arrays). */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
