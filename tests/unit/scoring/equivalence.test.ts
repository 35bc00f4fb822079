import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidate, krippendorffAlphaInterval, toColumns, toSheets, zScoreConsolidate, type ConsolidationOptions, type ScoreSheet, type ScoringInput, type TieRule } from '../../../shared/scoring';
import { consolidate as referenceConsolidate } from './reference/consolidate';
import { sortFloat64 } from '../../../shared/scoring/sort';
import { krippendorffAlphaInterval as referenceAlpha } from './reference/krippendorff';
import { zScoreConsolidate as referenceZScore } from './reference/zscore';

/**
 * The columnar consolidation (typed arrays, fixed summation orders) against the straightforward
 * one it replaced, kept verbatim in ./reference: on random stages the results must be equal to
 * the last bit (toEqual compares numbers with Object.is), not merely close.
 */

const anyValue = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 4, noNaN: true }), fc.constantFrom(0.5, 2.5, 3.1, 0.1));
const quarterValue = fc.integer({ min: 0, max: 16 }).map((q) => q / 4);

const stageOf = (size: { entries: number; jurors: number; cells: number }, value: fc.Arbitrary<number>) =>
  fc
    .record({
      criteria: fc.array(
        fc.record({
          weight: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.1, max: 3, noNaN: true })),
          scaleMin: fc.constantFrom(0, 1),
          independent: fc.boolean(),
          categoryIds: fc.subarray([1, 2]),
        }),
        { minLength: 0, maxLength: 5 },
      ),
      entries: fc.array(fc.constantFrom<number | null>(1, 2, null), { minLength: 0, maxLength: size.entries }),
      jurors: fc.integer({ min: 1, max: size.jurors }),
      cells: fc.array(fc.tuple(fc.constantFrom('none', 'scored', 'scored', 'scored', 'scored', 'abstained', 'recused'), fc.array(fc.option(value, { nil: undefined }), { maxLength: 6 })), {
        minLength: 0,
        maxLength: size.cells,
      }),
      order: fc.array(fc.nat(), { maxLength: size.cells }),
      cutoff: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      decide: fc.array(fc.nat(9), { maxLength: 6 }),
    })
    .map(({ criteria, entries, jurors, cells, order, cutoff, decide }): ScoringInput => {
      const sheets: ScoreSheet[] = [];
      // One more entry than listed: its sheets exist (like an entry left out of the stage) but it is not ranked.
      const entryIds = [...entries.map((_, e) => 100 + e), 999];
      cells.forEach(([status, values], k) => {
        const entryId = entryIds[k % entryIds.length] as number;
        const jurorId = 10 + ((k * 7) % jurors);
        if (status === 'none' || sheets.some((s) => s.entryId === entryId && s.jurorId === jurorId)) return;
        const scores = new Map<number, number>();
        // criterion ids 1…n; id 50 is not one of the stage's criteria
        values.forEach((v, i) => v !== undefined && scores.set(i < criteria.length ? i + 1 : 50, v));
        sheets.push({ entryId, jurorId, status: status as ScoreSheet['status'], scores });
      });
      // shuffle deterministically, so sheets of an entry are not contiguous
      order.forEach((o, i) => {
        const j = o % Math.max(1, sheets.length);
        if (i < sheets.length) [sheets[i], sheets[j]] = [sheets[j] as ScoreSheet, sheets[i] as ScoreSheet];
      });
      return {
        criteria: criteria.map((c, i) => ({ id: i + 1, name: `C${i + 1}`, scaleMax: 4, ...c })),
        entries: entries.map((categoryId, e) => ({ id: 100 + e, code: `P-${String(e % 4).padStart(2, '0')}${e}`, title: `Práctica ${e}`, categoryId })),
        jurors: Array.from({ length: jurors }, (_, j) => ({ id: 10 + j, name: `Jurado ${j}` })),
        sheets,
        cutoff,
        decisions: decide.length > 1 ? [{ id: 1, orderedEntryIds: decide.map((d) => 100 + d), reason: 'acta' }] : [],
      };
    });

const stage = stageOf({ entries: 10, jurors: 7, cells: 120 }, anyValue);
// Enough scores per criterion (≥ 64) for the long-array paths: the typed-array sort, and the
// counting sort when every value is in quarter steps.
const largeStages = fc.oneof(stageOf({ entries: 40, jurors: 12, cells: 480 }, anyValue), stageOf({ entries: 40, jurors: 12, cells: 480 }, quarterValue));

const rule: fc.Arbitrary<TieRule> = fc.oneof(
  fc.constant({ kind: 'higherMedian' as const }),
  fc.constant({ kind: 'higherMean' as const }),
  fc.constant({ kind: 'smallerSpread' as const }),
  fc.constant({ kind: 'organizerDecision' as const }),
  fc.integer({ min: 1, max: 3 }).map((criterionId) => ({ kind: 'priorityCriterion' as const, criterionId })),
);

const options: fc.Arbitrary<Partial<ConsolidationOptions>> = fc.record(
  {
    method: fc.constantFrom('mean', 'median', 'trimmed', 'zscore'),
    missingRule: fc.constantFrom('incomplete', 'rescale'),
    rescaleMinCoverage: fc.constantFrom(0.3, 0.5, 1),
    trimmedMinJurors: fc.integer({ min: 3, max: 6 }),
    disagreementThreshold: fc.constantFrom(0.1, 0.25, 0.5),
    topPlaces: fc.integer({ min: 1, max: 4 }),
    tieBreak: fc.array(rule, { maxLength: 4 }),
  },
  { requiredKeys: [] },
);

describe('columnar consolidation = the straightforward one', () => {
  it('gives the same result, bit for bit, on random stages', () => {
    fc.assert(
      fc.property(stage, options, (input, opts) => {
        expect(consolidate(input, opts)).toEqual(referenceConsolidate(input, opts));
      }),
      { numRuns: 400, seed: 20241015 },
    );
  });

  it('and on larger random stages', () => {
    fc.assert(
      fc.property(largeStages, options, (input, opts) => {
        expect(consolidate(input, opts)).toEqual(referenceConsolidate(input, opts));
      }),
      { numRuns: 30, seed: 4242 },
    );
  });

  it('the counting sort orders exactly as Float64Array#sort', () => {
    const element = fc.oneof(fc.integer({ min: 0, max: 16 }).map((q) => q / 4), fc.constantFrom(-0, 0, -1, 2.1, 1023.75, 1024, NaN, 4096), fc.double());
    fc.assert(
      fc.property(fc.array(element, { maxLength: 300 }), (values) => {
        const expected = Float64Array.from(values).sort();
        expect([...sortFloat64(Float64Array.from(values))]).toEqual([...expected]);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('z-scores and α keep their public results', () => {
    const fraction = fc.record({ jurorId: fc.integer({ min: 1, max: 5 }), entryId: fc.integer({ min: 1, max: 8 }), fraction: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(fraction, { maxLength: 40 }), (values) => {
        const ours = zScoreConsolidate(values);
        const theirs = referenceZScore(values);
        expect(ours.zeroVarianceJurors).toEqual(theirs.zeroVarianceJurors);
        expect([...ours.byEntry]).toEqual([...theirs.byEntry]);
      }),
      { numRuns: 300, seed: 7 },
    );
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { maxLength: 6 }), { maxLength: 12 }), (units) => {
        expect(krippendorffAlphaInterval(units)).toEqual(referenceAlpha(units));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('columns hold the same sheets as the objects they came from', () => {
    fc.assert(
      fc.property(stage, (input) => {
        const known = new Set(input.criteria.map((c) => c.id));
        const expected = input.sheets.map((s) => ({
          ...s,
          scores: new Map(s.status === 'scored' ? [...s.scores].filter(([id]) => known.has(id)).sort(([a], [b]) => a - b) : []),
        }));
        expect(toSheets(input.criteria, toColumns(input.criteria, input.sheets))).toEqual(expected);
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});
