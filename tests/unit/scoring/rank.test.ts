import { describe, expect, it } from 'vitest';
import { rankEntries, type RankCandidate, type TieRule } from '../../../shared/scoring';

function c(entryId: number, value: number | null, keys: Partial<Omit<RankCandidate, 'entryId' | 'value' | 'criterionMeans'>> & { crit?: number | null } = {}): RankCandidate {
  return {
    entryId,
    code: `P-${entryId}`,
    value,
    median: keys.median ?? value,
    mean: keys.mean ?? value,
    spread: keys.spread === undefined ? 1 : keys.spread,
    criterionMeans: new Map([[10, keys.crit === undefined ? 3 : keys.crit]]),
  };
}

const CHAIN: TieRule[] = [{ kind: 'priorityCriterion', criterionId: 10 }, { kind: 'higherMedian' }, { kind: 'smallerSpread' }, { kind: 'organizerDecision' }];

describe('ranking with a tie-break chain', () => {
  it('without ties: highest first, unscored entries unranked', () => {
    const r = rankEntries([c(1, 5), c(2, 9), c(3, null), c(4, 7)], CHAIN);
    expect(r.order).toEqual([2, 4, 1]);
    expect([...r.rankOf]).toEqual([[2, 1], [4, 2], [1, 3]]);
    expect(r.ties).toEqual([]);
  });

  it('a priority criterion breaks the tie, and the report says which rule with which values', () => {
    const r = rankEntries([c(1, 7, { crit: 3.0 }), c(2, 7, { crit: 3.5 })], CHAIN);
    expect(r.order).toEqual([2, 1]);
    expect(r.ties).toEqual([
      { value: 7, entryIds: [2, 1], steps: [{ aboveEntryId: 2, belowEntryId: 1, rule: { kind: 'priorityCriterion', criterionId: 10 }, aboveValue: 3.5, belowValue: 3 }] },
    ]);
  });

  it('falls through to the median, then to the smaller spread', () => {
    const median = rankEntries([c(1, 7, { median: 6 }), c(2, 7, { median: 8 })], CHAIN);
    expect(median.order).toEqual([2, 1]);
    expect(median.ties[0]?.steps[0]?.rule).toEqual({ kind: 'higherMedian' });
    // same criterion mean and median; spreads 4 and 1: the jurors agree more on entry 1
    const spread = rankEntries([c(1, 7, { spread: 1 }), c(2, 7, { spread: 4 })], CHAIN);
    expect(spread.order).toEqual([1, 2]);
    expect(spread.ties[0]?.steps[0]).toMatchObject({ rule: { kind: 'smallerSpread' }, aboveValue: 1, belowValue: 4 });
  });

  it('ties the chain cannot break share a rank, are reported unresolved, and the next rank skips', () => {
    const r = rankEntries([c(1, 9), c(3, 7), c(2, 7), c(4, 5)], CHAIN);
    // display order inside the tie is by code (P-2 before P-3); both rank 2, the next is 4
    expect(r.order).toEqual([1, 2, 3, 4]);
    expect(r.rankOf.get(2)).toBe(2);
    expect(r.rankOf.get(3)).toBe(2);
    expect(r.rankOf.get(4)).toBe(4);
    expect(r.unresolved).toBe(true);
    expect(r.ties[0]?.steps).toEqual([{ aboveEntryId: 2, belowEntryId: 3, rule: { kind: 'unresolved' }, aboveValue: null, belowValue: null }]);
  });

  it('ends with the organizer’s recorded decision; the latest decision covering the tie wins', () => {
    // three-way tie at 7: the criterion puts 1 first (4 vs 3, 3); 2 and 3 tie on everything else
    const candidates = [c(1, 7, { crit: 4 }), c(2, 7), c(3, 7)];
    const decisions = [
      { id: 1, orderedEntryIds: [2, 3], reason: 'Primera decisión' },
      { id: 2, orderedEntryIds: [3, 2], reason: 'Acta de la sesión del 12/11' },
      { id: 3, orderedEntryIds: [5, 6], reason: 'Otro empate' },
    ];
    const r = rankEntries(candidates, CHAIN, decisions);
    expect(r.order).toEqual([1, 3, 2]);
    expect([r.rankOf.get(1), r.rankOf.get(3), r.rankOf.get(2)]).toEqual([1, 2, 3]);
    expect(r.unresolved).toBe(false);
    expect(r.ties[0]?.steps).toEqual([
      { aboveEntryId: 1, belowEntryId: 3, rule: { kind: 'priorityCriterion', criterionId: 10 }, aboveValue: 4, belowValue: 3 },
      { aboveEntryId: 3, belowEntryId: 2, rule: { kind: 'organizerDecision', decisionId: 2 }, aboveValue: null, belowValue: null },
    ]);
  });

  it('a decision that does not name every tied entry does not apply', () => {
    const r = rankEntries([c(1, 7), c(2, 7), c(3, 7)], CHAIN, [{ id: 1, orderedEntryIds: [3, 1], reason: 'x' }]);
    expect(r.unresolved).toBe(true);
  });

  it('a rule that cannot compare every tied entry is skipped (single-juror entries have no spread)', () => {
    const chain: TieRule[] = [{ kind: 'smallerSpread' }, { kind: 'higherMean' }];
    const r = rankEntries([c(1, 7, { spread: null, mean: 6 }), c(2, 7, { spread: 0, mean: 8 })], chain);
    expect(r.order).toEqual([2, 1]);
    expect(r.ties[0]?.steps[0]?.rule).toEqual({ kind: 'higherMean' });
  });

  it('steps after organizerDecision are never reached', () => {
    const chain: TieRule[] = [{ kind: 'organizerDecision' }, { kind: 'higherMedian' }];
    const r = rankEntries([c(1, 7, { median: 6 }), c(2, 7, { median: 8 })], chain);
    expect(r.unresolved).toBe(true);
  });

  it('values equal up to floating-point noise are a tie', () => {
    // 0.1 + 0.2 = 0.30000000000000004 in binary floating point
    const r = rankEntries([c(1, 0.1 + 0.2, { median: 1 }), c(2, 0.3, { median: 2 })], CHAIN);
    expect(r.ties).toHaveLength(1);
    expect(r.order).toEqual([2, 1]);
  });

  it('is deterministic: input order does not change the ranking', () => {
    const a = [c(1, 7), c(2, 7, { crit: 4 }), c(3, 8), c(4, 7, { median: 9 })];
    const forward = rankEntries(a, CHAIN);
    const backward = rankEntries([...a].reverse(), CHAIN);
    expect(backward.order).toEqual(forward.order);
    expect(backward.ties).toEqual(forward.ties);
  });
});
