import { describe, expect, it } from 'vitest';
import { mean, median, populationSd, quantile, spread, trimmedMean } from '../../../shared/scoring';

describe('descriptive statistics', () => {
  it('mean and median; empty input is null, never NaN', () => {
    expect(mean([2, 4, 9])).toBe(5); // (2 + 4 + 9) / 3 = 15 / 3
    expect(median([9, 2, 4])).toBe(4); // sorted 2, 4, 9 → middle
    expect(median([1, 2, 3, 10])).toBe(2.5); // (2 + 3) / 2
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(populationSd([])).toBeNull();
  });

  it('population standard deviation divides by n', () => {
    // mean 5; squared deviations 9, 1, 1, 9 → 20 / 4 = 5 → √5
    expect(populationSd([2, 4, 6, 8])).toBeCloseTo(Math.sqrt(5), 12);
    expect(populationSd([7, 7, 7])).toBe(0);
  });

  it('trimmed mean: drops one highest and one lowest, only with at least N values', () => {
    // 5 values: drop 1 and 10 → (4 + 6 + 8) / 3 = 6
    expect(trimmedMean([10, 4, 1, 8, 6], 5)).toBe(6);
    // 4 values with N = 5: not applicable — null, not the plain mean
    expect(trimmedMean([10, 4, 1, 8], 5)).toBeNull();
    // a configured N below 3 still needs 3 values to leave something after trimming
    expect(trimmedMean([1, 9], 2)).toBeNull();
    expect(trimmedMean([1, 5, 9], 2)).toBe(5);
  });

  it('quartiles interpolate like Excel CUARTIL.INC (type 7)', () => {
    const sorted = [1, 2, 3, 4];
    // position (4 − 1)·0.25 = 0.75 → 1 + 0.75·(2 − 1) = 1.75
    expect(quantile(sorted, 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile(sorted, 0.75)).toBeCloseTo(3.25, 12);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('spread needs two values', () => {
    expect(spread([3, 9, 5])).toBe(6);
    expect(spread([3])).toBeNull();
  });
});
