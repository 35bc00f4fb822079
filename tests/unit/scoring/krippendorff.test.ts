import { describe, expect, it } from 'vitest';
import { krippendorffAlphaInterval } from '../../../shared/scoring';

describe('Krippendorff’s α, interval metric', () => {
  it('reproduces Krippendorff’s own worked example with missing data (α interval = 0.849)', () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", reliability data matrix:
    // 4 observers × 12 units, values 1–5, gaps as null. Published: nominal .743, ordinal .815,
    // interval .849, ratio .797. Unit 12 has a single value and carries no information.
    const N = null;
    const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N];
    const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3];
    const C = [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N];
    const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N];
    const units = A.map((_, i) => [A[i], B[i], C[i], D[i]].filter((v): v is number => v !== null && v !== undefined));
    const result = krippendorffAlphaInterval(units);
    expect(result.alpha).toBeCloseTo(0.849, 3);
    expect(result.pairableUnits).toBe(11);
    expect(result.pairableValues).toBe(40);
  });

  it('a tiny set by hand', () => {
    // units {1, 2} and {3, 4}: each mᵤ = 2, SSᵤ = 0.5 → mᵤ·SSᵤ/(mᵤ − 1) = 1; n = 4
    // Dₒ = (2/n)·Σ = (2/4)·2 = 1
    // pooled 1, 2, 3, 4: mean 2.5, SS = 2.25 + 0.25 + 0.25 + 2.25 = 5 → Dₑ = 2·5/(4 − 1) = 10/3
    // α = 1 − 1/(10/3) = 1 − 0.3 = 0.7
    const result = krippendorffAlphaInterval([[1, 2], [3, 4]]);
    expect(result.observedDisagreement).toBeCloseTo(1, 12);
    expect(result.expectedDisagreement).toBeCloseTo(10 / 3, 12);
    expect(result.alpha).toBeCloseTo(0.7, 12);
  });

  it('perfect agreement is 1; no variation at all is undefined (null), not NaN', () => {
    expect(krippendorffAlphaInterval([[2, 2, 2], [5, 5], [1, 1]]).alpha).toBe(1);
    expect(krippendorffAlphaInterval([[3, 3], [3, 3]]).alpha).toBeNull();
  });

  it('units with a single value are dropped; fewer than two pairable values give null', () => {
    expect(krippendorffAlphaInterval([[4], [2]]).alpha).toBeNull();
    expect(krippendorffAlphaInterval([[1, 2], [3, 4], [9]]).alpha).toBeCloseTo(0.7, 12);
  });

  it('systematic disagreement goes below zero', () => {
    // {1, 5} and {5, 1}: Dₒ = (2/4)·(2·8 + 2·8) = 16; pooled SS = 4·4 = 16 → Dₑ = 32/3; α = 1 − 16·3/32 = −0.5
    expect(krippendorffAlphaInterval([[1, 5], [5, 1]]).alpha).toBeCloseTo(-0.5, 12);
  });
});
