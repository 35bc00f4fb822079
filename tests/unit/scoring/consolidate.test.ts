import { describe, expect, it } from 'vitest';
import { consolidate } from '../../../shared/scoring';
import { criterion, entry, juror, oneCriterionInput, sheet } from './fixtures';

// One criterion, weight 1, scale 0–10: a juror's total is their score. Rows: entries; columns: jurors.

describe('consolidating one stage', () => {
  it('mean, median and trimmed mean side by side; trimmed only with 5 jurors', () => {
    const result = consolidate(
      oneCriterionInput([
        [6, 8, 7, 9, 2], // 5 jurors
        [5, 6, 7, 8], //    4 jurors
      ]),
    );
    const [e1, e2] = result.entries;
    // e1: mean (6 + 8 + 7 + 9 + 2)/5 = 32/5 = 6.4; sorted 2 6 7 8 9 → median 7;
    //     trimmed drops 2 and 9 → (6 + 7 + 8)/3 = 7
    expect(e1?.values.mean).toBeCloseTo(6.4, 12);
    expect(e1?.values.median).toBe(7);
    expect(e1?.values.trimmed).toBe(7);
    expect(e1?.trimmedNotApplicable).toBe(false);
    // e2: mean (5 + 6 + 7 + 8)/4 = 6.5; median (6 + 7)/2 = 6.5; trimmed not applicable with 4
    expect(e2?.values.mean).toBe(6.5);
    expect(e2?.values.median).toBe(6.5);
    expect(e2?.values.trimmed).toBeNull();
    expect(e2?.trimmedNotApplicable).toBe(true);
    // the trimmed ranking is not applicable in a category where an entry lacks it
    const trimmed = result.categories[0]?.rankings.find((r) => r.method === 'trimmed');
    expect(trimmed).toMatchObject({ applicable: false, order: [] });
    expect(e1?.ranks.trimmed).toBeNull();
  });

  it('abstentions and recusals are left out, not counted as zero', () => {
    const result = consolidate(oneCriterionInput([[8, 8, 'A', 'R']]));
    const e = result.entries[0];
    // mean over the two who scored: (8 + 8)/2 = 8 — a zero for each would give 16/4 = 4
    expect(e?.values.mean).toBe(8);
    expect(e).toMatchObject({ counted: 2, abstained: 1, recused: 1, incomplete: 0 });
    expect(result.jurors.map((j) => [j.abstained, j.recused])).toEqual([[0, 0], [0, 0], [1, 0], [0, 1]]);
  });

  it('a single juror: every method is that score; no spread, no disagreement', () => {
    const result = consolidate(oneCriterionInput([[5], [3]]));
    const e = result.entries[0];
    expect(e?.values).toEqual({ mean: 5, median: 5, trimmed: null, zscore: 5 });
    expect(e?.spread).toBeNull();
    expect(e?.disagreement).toBe(false);
    // z-scores of a single juror: μ = 4, σ = 1 → z = +1, −1; raw means 5 and 3 span 3…5,
    // so f = 3 + (z + 1)·(5 − 3)/2 → 5 and 3: the same numbers as the mean
    expect(result.entries[1]?.values.zscore).toBeCloseTo(3, 12);
    // α needs two values in a unit
    expect(result.reliability.alpha).toBeNull();
  });

  it('z-scores correct a lenient and a harsh juror in an incomplete design; a flat juror is neutral', () => {
    // J1 (lenient) scores E1 = 9, E2 = 7 → μ 8, σ 1 → z: E1 +1, E2 −1
    // J2 (harsh)   scores E2 = 3, E3 = 5 → μ 4, σ 1 → z: E2 −1, E3 +1
    // J3 gives 6 to E1 and E3            → σ = 0 → z = 0 for both (no division by zero)
    const result = consolidate(
      oneCriterionInput([
        [9, null, 6],
        [7, 3, null],
        [null, 5, 6],
      ]),
    );
    // N (mean z): E1 (1 + 0)/2 = 0.5; E2 (−1 − 1)/2 = −1; E3 (1 + 0)/2 = 0.5
    // S (raw mean): E1 (9 + 6)/2 = 7.5; E2 (7 + 3)/2 = 5; E3 (5 + 6)/2 = 5.5 → spans 5 … 7.5
    // f = 5 + (N + 1)·(7.5 − 5)/(0.5 + 1): E1 = 5 + 1.5·2.5/1.5 = 7.5; E2 = 5; E3 = 7.5
    expect(result.entries.map((e) => e.values.zscore)).toEqual([7.5, 5, 7.5].map((v) => expect.closeTo(v, 10)));
    expect(result.entries.map((e) => e.values.mean)).toEqual([7.5, 5, 5.5]);
    expect(result.zeroVarianceJurors).toEqual([3]);
    expect(result.jurors.find((j) => j.jurorId === 3)?.zeroVariance).toBe(true);
    // Under z-scores E1 and E3 tie at 7.5; the default chain's median (7.5 vs 5.5) puts E1 first.
    const z = result.categories[0]?.rankings.find((r) => r.method === 'zscore');
    expect(z?.order).toEqual([1, 3, 2]);
    expect(z?.ties[0]?.steps[0]).toMatchObject({ aboveEntryId: 1, belowEntryId: 3, rule: { kind: 'higherMedian' }, aboveValue: 7.5, belowValue: 5.5 });
  });

  it('a juror who gives everyone the same score, alone: every z is 0 and all entries get the mean of the raw means', () => {
    const result = consolidate(oneCriterionInput([[6], [6], [6]]));
    expect(result.entries.map((e) => e.values.zscore)).toEqual([6, 6, 6]);
    expect(result.zeroVarianceJurors).toEqual([1]);
  });

  it('flags the disagreement when the spread reaches the threshold (25 % of the range by default)', () => {
    // range 10 → threshold 2.5: spreads 2 (no), 2.5 (yes, "less than 25 %" is averaged), 3 (yes)
    const result = consolidate(oneCriterionInput([[6, 8], [5, 7.5], [4, 7]]));
    expect(result.entries.map((e) => e.spread)).toEqual([2, 2.5, 3]);
    expect(result.entries.map((e) => e.disagreement)).toEqual([false, true, true]);
    expect(result.disagreementCount).toBe(2);
    // a configured 40 % → 4: none
    expect(consolidate(oneCriterionInput([[6, 8], [5, 7.5], [4, 7]]), { disagreementThreshold: 0.4 }).disagreementCount).toBe(0);
  });

  it('flags a category whose top places differ between methods', () => {
    // E1: 10, 4, 4 → mean 6, median 4; E2: 5, 5, 5 → mean 5, median 5
    const result = consolidate(oneCriterionInput([[10, 4, 4], [5, 5, 5]]), { topPlaces: 1 });
    const category = result.categories[0];
    expect(category?.top.find((t) => t.method === 'mean')?.entryIds).toEqual([1]);
    expect(category?.top.find((t) => t.method === 'median')?.entryIds).toEqual([2]);
    expect(category?.topDiffers).toBe(true);
    expect(result.entries[0]?.ranks).toMatchObject({ mean: 1, median: 2 });
    // when every method agrees the flag stays down
    expect(consolidate(oneCriterionInput([[9, 9, 8], [5, 5, 6]])).categories[0]?.topDiffers).toBe(false);
  });

  it('weights, independent criteria and category-limited criteria', () => {
    // A weight 2 (0–5), B weight 1 (0–5), I independent; X applies to category 9 only
    const input = {
      criteria: [criterion(1, { weight: 2, scaleMax: 5 }), criterion(2, { scaleMax: 5 }), criterion(3, { independent: true, scaleMax: 5 }), criterion(4, { categoryIds: [9] })],
      entries: [entry(1)],
      jurors: [juror(1), juror(2)],
      sheets: [sheet(1, 1, { 1: 5, 2: 2, 3: 1 }), sheet(2, 1, { 1: 3, 2: 5, 3: 5 })],
      cutoff: null,
    };
    const e = consolidate(input).entries[0];
    // J1: 2·5 + 1·2 = 12; J2: 2·3 + 1·5 = 11 → mean 11.5 on a 0–15 scale; X is not missing
    expect(e?.totals.map((t) => t.total)).toEqual([12, 11]);
    expect(e?.values.mean).toBe(11.5);
    expect(e?.scale).toEqual({ min: 0, max: 15 });
    // the independent criterion is reported: mean (1 + 5)/2 = 3
    expect(e?.criterionMeans.find((c) => c.criterionId === 3)).toEqual({ criterionId: 3, mean: 3, count: 2 });
    expect(e?.criterionMeans.map((c) => c.criterionId)).toEqual([1, 2, 3]);
  });

  it('missing criteria: excluded as incomplete by default, or rescaled when configured', () => {
    const input = {
      criteria: [criterion(1), criterion(2)],
      entries: [entry(1)],
      jurors: [juror(1), juror(2)],
      sheets: [sheet(1, 1, { 1: 8, 2: 6 }), sheet(2, 1, { 1: 4 })],
      cutoff: null,
    };
    // default: J2 is incomplete → mean is J1's 8 + 6 = 14
    const strict = consolidate(input).entries[0];
    expect(strict).toMatchObject({ counted: 1, incomplete: 1, values: { mean: 14 } });
    expect(strict?.totals[1]).toMatchObject({ status: 'incomplete', missingCriterionIds: [2] });
    // rescale: J2's 4/10 on half the range → 0.4 of 0–20 = 8; mean (14 + 8)/2 = 11
    const rescaled = consolidate(input, { missingRule: 'rescale' }).entries[0];
    expect(rescaled?.totals[1]).toMatchObject({ status: 'rescaled', total: 8 });
    expect(rescaled?.values.mean).toBe(11);
  });

  it('cut-off: the official method’s value must reach it; unscored entries do not pass', () => {
    const base = oneCriterionInput([[7, 8], [6, 7], [null, null]], { cutoff: 7 });
    const result = consolidate({ ...base, sheets: [...base.sheets, sheet(1, 3, 'abstained')] });
    // means 7.5 (passes), 6.5 (no), none (no)
    expect(result.entries.map((e) => e.passes)).toEqual([true, false, false]);
    expect(result.passCount).toBe(1);
    // exactly at the cut-off passes; the official method decides (median of 6, 7, 9 is 7, mean 7.33)
    expect(consolidate(oneCriterionInput([[6, 7, 9]], { cutoff: 7 }), { method: 'median' }).entries[0]?.passes).toBe(true);
    expect(consolidate(oneCriterionInput([[6, 7, 9]], { cutoff: 7.5 }), { method: 'mean' }).entries[0]?.passes).toBe(false);
    // no cut-off → null, not false
    expect(consolidate(oneCriterionInput([[7, 8]])).entries[0]?.passes).toBeNull();
  });

  it('ranks per category, each with its own scale', () => {
    const input = {
      criteria: [criterion(1), criterion(2, { categoryIds: [2], weight: 3 })],
      entries: [entry(1, 1), entry(2, 2), entry(3, 1), entry(4, 2)],
      jurors: [juror(1)],
      sheets: [sheet(1, 1, { 1: 5 }), sheet(1, 2, { 1: 5, 2: 5 }), sheet(1, 3, { 1: 9 }), sheet(1, 4, { 1: 1, 2: 1 })],
      cutoff: null,
    };
    const result = consolidate(input);
    expect(result.categories.map((c) => [c.categoryId, c.scale, c.rankings[0]?.order])).toEqual([
      [1, { min: 0, max: 10 }, [3, 1]],
      [2, { min: 0, max: 40 }, [2, 4]],
    ]);
  });

  it('leniency compares a juror with the other jurors on the same entries', () => {
    // E1: J1 8, J2 6 · E2: J1 6, J2 4 (scale 0–10 → %) → J1 is +20 points each time, J2 −20
    const result = consolidate(oneCriterionInput([[8, 6], [6, 4]]));
    const [j1, j2] = result.jurors;
    expect(j1).toMatchObject({ counted: 2, meanPct: 70, leniency: 20, minPct: 60, maxPct: 80 });
    expect(j1?.valuesPct).toEqual([60, 80]);
    expect(j2?.leniency).toBe(-20);
    // overall mean (80 + 60 + 60 + 40)/4 = 60 %
    expect(result.overallMeanPct).toBe(60);
  });

  it('per-criterion statistics for the spread chart, with their own α', () => {
    const result = consolidate(oneCriterionInput([[1, 2], [3, 4]]));
    const c = result.criteria[0];
    // values 1 2 3 4: mean 2.5, quartiles 1.75 / 2.5 / 3.25; within-entry spreads 1 and 1
    expect(c).toMatchObject({ count: 4, mean: 2.5, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4, meanSpread: 1 });
    // the α of the tiny hand example (0.7) — on totals as fractions of 0–10 it is the same
    expect(c?.reliability.alpha).toBeCloseTo(0.7, 12);
    expect(result.reliability.alpha).toBeCloseTo(0.7, 12);
  });

  it('a tie under the official method, settled by a recorded decision', () => {
    // E1 and E2: same mean 7, same median 7, same spread 2 → the organizer decides E2 first
    const input = oneCriterionInput([[6, 8], [8, 6]], { decisions: [{ id: 4, orderedEntryIds: [2, 1], reason: 'Deliberación del jurado' }] });
    const result = consolidate(input);
    const mean = result.categories[0]?.rankings.find((r) => r.method === 'mean');
    expect(mean?.order).toEqual([2, 1]);
    expect(mean?.ties[0]?.steps[0]?.rule).toEqual({ kind: 'organizerDecision', decisionId: 4 });
    expect(result.unresolvedTies).toBe(false);
    expect(consolidate(oneCriterionInput([[6, 8], [8, 6]])).unresolvedTies).toBe(true);
  });
});
