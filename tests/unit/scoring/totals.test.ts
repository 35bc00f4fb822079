import { describe, expect, it } from 'vitest';
import { applicableCriteria, consolidate, jurorTotal, totalScale, type EntryResult } from '../../../shared/scoring';
import { criterion, entry, juror, sheet } from './fixtures';

// A: weight 30, 0–4 · B: weight 20, 0–4 · C: weight 50, 1–5 · I: independent, 0–4 · D: only category 2
const A = criterion(1, { weight: 30, scaleMax: 4 });
const B = criterion(2, { weight: 20, scaleMax: 4 });
const C = criterion(3, { weight: 50, scaleMin: 1, scaleMax: 5 });
const I = criterion(4, { weight: 10, scaleMax: 4, independent: true });
const D = criterion(5, { weight: 10, scaleMax: 4, categoryIds: [2] });
const all = [A, B, C, I, D];
const weighted = [A, B, C];

describe('a juror’s weighted total', () => {
  it('only criteria of the entry’s category apply; independent ones are reported apart', () => {
    expect(applicableCriteria(all, 1).map((c) => c.id)).toEqual([1, 2, 3, 4]);
    expect(applicableCriteria(all, 2).map((c) => c.id)).toEqual([1, 2, 3, 4, 5]);
    expect(applicableCriteria(all, null).map((c) => c.id)).toEqual([1, 2, 3, 4]);
    // scale: min 30·0 + 20·0 + 50·1 = 50; max 30·4 + 20·4 + 50·5 = 120 + 80 + 250 = 450
    expect(totalScale(weighted)).toEqual({ min: 50, max: 450 });
  });

  it('Σ weight × score over the weighted criteria; the independent score is not added', () => {
    // 30·3 + 20·2 + 50·4 = 90 + 40 + 200 = 330 (I = 4 would add 40 if it counted)
    const total = jurorTotal(sheet(7, 1, { 1: 3, 2: 2, 3: 4, 4: 4, 5: 4 }), weighted, [I], 'incomplete', 0.5);
    expect(total).toEqual({ jurorId: 7, entryId: 1, status: 'complete', total: 330, missingCriterionIds: [], independent: [{ criterionId: 4, value: 4 }] });
  });

  it('a missing criterion makes the total incomplete under the default rule', () => {
    const total = jurorTotal(sheet(7, 1, { 1: 3, 3: 4 }), weighted, [I], 'incomplete', 0.5);
    expect(total.status).toBe('incomplete');
    expect(total.total).toBeNull();
    expect(total.missingCriterionIds).toEqual([2]);
  });

  it('rule "rescale": the scored criteria’s share of their range is carried to the full range', () => {
    // B missing. Scored A = 3 (of 0–4), C = 4 (of 1–5).
    // Σ w(x − min) = 30·3 + 50·3 = 240; Σ w(max − min) over scored = 30·4 + 50·4 = 320 → 0.75
    // total = 50 + (450 − 50)·0.75 = 50 + 300 = 350; coverage 320 / 400 = 0.8 ≥ 0.5
    const total = jurorTotal(sheet(7, 1, { 1: 3, 3: 4 }), weighted, [], 'rescale', 0.5);
    expect(total.status).toBe('rescaled');
    expect(total.total).toBeCloseTo(350, 10);
    expect(total.missingCriterionIds).toEqual([2]);
  });

  it('rule "rescale" refuses when the scored criteria cover too little of the range', () => {
    // only A scored: coverage 120 / 400 = 0.3 < 0.5
    const total = jurorTotal(sheet(7, 1, { 1: 4 }), weighted, [], 'rescale', 0.5);
    expect(total.status).toBe('incomplete');
    expect(total.total).toBeNull();
  });

  it('rescaling a complete sheet changes nothing', () => {
    const complete = jurorTotal(sheet(7, 1, { 1: 1, 2: 4, 3: 2 }), weighted, [], 'rescale', 0.5);
    // 30·1 + 20·4 + 50·2 = 30 + 80 + 100 = 210
    expect(complete).toMatchObject({ status: 'complete', total: 210 });
  });

  it('abstention and recusal are excluded, not zero', () => {
    expect(jurorTotal(sheet(7, 1, 'abstained'), weighted, [], 'incomplete', 0.5)).toMatchObject({ status: 'abstained', total: null });
    expect(jurorTotal(sheet(7, 1, 'recused'), weighted, [], 'incomplete', 0.5)).toMatchObject({ status: 'recused', total: null });
  });

  it('an entry whose applicable criteria are all independent has no total', () => {
    expect(jurorTotal(sheet(7, 1, { 4: 3 }), [], [I], 'incomplete', 0.5)).toMatchObject({ status: 'noCriteria', total: null, independent: [{ criterionId: 4, value: 3 }] });
  });

  it('independent values: each sheet reports its own, −0 included; lists that may be shared cannot be changed', () => {
    const input = {
      criteria: [A, I],
      entries: [entry(1), entry(2)],
      jurors: [juror(1), juror(2), juror(3)],
      sheets: [sheet(1, 1, { 1: 3, 4: 0 }), sheet(2, 1, { 1: 2, 4: -0 }), sheet(3, 1, { 1: 2, 4: 0 }), sheet(1, 2, { 1: 1, 4: 2.5 }), sheet(2, 2, { 1: 1 })],
      cutoff: null,
    };
    const [first, second] = consolidate(input).entries as [EntryResult, EntryResult];
    const independent = [...first.totals, ...second.totals].map((t) => t.independent);
    expect(independent).toEqual([[{ criterionId: 4, value: 0 }], [{ criterionId: 4, value: -0 }], [{ criterionId: 4, value: 0 }], [{ criterionId: 4, value: 2.5 }], []]);
    expect(Object.is(independent[1]?.[0]?.value, -0)).toBe(true);
    expect(Object.is(independent[0]?.[0]?.value, 0)).toBe(true);
    // Sheets with the same single value may share one list: it must be impossible to change it for all.
    for (const list of [independent[0], independent[2], independent[3], independent[4]]) expect(() => list?.push({ criterionId: 9, value: 1 })).toThrow(TypeError);
    for (const list of [independent[0], independent[3]]) expect(() => ((list?.[0] as { value: number }).value = 4)).toThrow(TypeError);
    expect(consolidate(input).entries[0]?.totals[0]?.independent).toEqual([{ criterionId: 4, value: 0 }]);
  });
});
