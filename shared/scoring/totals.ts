import { ABSTAINED, RECUSED, SCORED } from './columns';
import type { MissingRule } from './options';
import { rubricOf, type Rubric } from './scale';
import type { ScoreSheet, ScoringCriterion } from './types';

export type TotalStatus = 'complete' | 'rescaled' | 'incomplete' | 'abstained' | 'recused' | 'noCriteria';

/** One juror's weighted total for one entry, with why it does or does not count. */
export interface JurorTotal {
  jurorId: number;
  entryId: number;
  status: TotalStatus;
  /** On the total's scale; null unless status is complete or rescaled. */
  total: number | null;
  /** Weighted criteria the juror left empty. */
  missingCriterionIds: number[];
  /** Independent criteria: reported, never added. */
  independent: { criterionId: number; value: number }[];
}

export function counts(total: JurorTotal): total is JurorTotal & { total: number } {
  return total.total !== null;
}

/**
 * The weighted total Σ wᵢ·xᵢ over the weighted criteria (pretalx's weighted sum). With a
 * criterion missing and rule 'rescale', each scored criterion's share of its range is
 * averaged with weights wᵢ·(maxᵢ − minᵢ) — its share of the total's range — and mapped back:
 *   total = Tmin + (Tmax − Tmin) · Σₛ wᵢ(xᵢ − minᵢ) / Σₛ wᵢ(maxᵢ − minᵢ)
 * which equals Σ wᵢ·xᵢ when nothing is missing, so both rules agree on complete sheets.
 */
export function jurorTotal(
  sheet: ScoreSheet,
  weighted: readonly ScoringCriterion[],
  independentCriteria: readonly ScoringCriterion[],
  rule: MissingRule,
  minCoverage: number,
): JurorTotal {
  const criteria = [...weighted, ...independentCriteria];
  const rubric = rubricOf(
    criteria,
    criteria.map((_, i) => i),
    weighted.map((_, i) => i),
    independentCriteria.map((_, i) => weighted.length + i),
  );
  const row = criteria.map((c) => sheet.scores.get(c.id) ?? NaN);
  return rowTotal(sheet.jurorId, sheet.entryId, STATUS_CODE[sheet.status], row, 0, rubric, rule, minCoverage);
}

const STATUS_CODE = { scored: SCORED, abstained: ABSTAINED, recused: RECUSED } as const;

/**
 * jurorTotal over one row of the columnar scores (values[offset + column], NaN = not scored).
 * Runs once per sheet (15,000 in a large stage), so it allocates only what the result keeps:
 * the object, built once at the end, and arrays of exactly their length.
 */
export function rowTotal(
  jurorId: number,
  entryId: number,
  status: number,
  values: ArrayLike<number>,
  offset: number,
  rubric: Rubric,
  rule: MissingRule,
  minCoverage: number,
): JurorTotal {
  if (status !== SCORED) return made(jurorId, entryId, status === ABSTAINED ? 'abstained' : 'recused', null, NONE_MISSING, NO_INDEPENDENT);
  const independent = independentValues(values, offset, rubric);
  const { weighted, weight, min, share } = rubric;
  if (weighted.length === 0) return made(jurorId, entryId, 'noCriteria', null, NONE_MISSING, independent);

  let weightedSum = 0;
  let scoredShare = 0;
  let fullShare = 0;
  let scoredAbove = 0;
  let missing: number[] | null = null;
  for (let k = 0; k < weighted.length; k++) {
    const column = weighted[k] as number;
    const w = weight[k] as number;
    fullShare += share[k] as number;
    const value = values[offset + column] as number;
    if (Number.isNaN(value)) {
      (missing ??= []).push((rubric.criteria[column] as ScoringCriterion).id);
      continue;
    }
    weightedSum += w * value;
    scoredShare += share[k] as number;
    scoredAbove += w * (value - (min[k] as number));
  }
  if (missing === null) return made(jurorId, entryId, 'complete', weightedSum, NONE_MISSING, independent);
  if (rule === 'rescale' && scoredShare > 0 && scoredShare / fullShare >= minCoverage) {
    const { scale } = rubric;
    return made(jurorId, entryId, 'rescaled', scale.min + (scale.max - scale.min) * (scoredAbove / scoredShare), missing, independent);
  }
  return made(jurorId, entryId, 'incomplete', null, missing, independent);
}

/**
 * Empty lists shared by every total that has nothing to list: a large stage has 15,000 totals,
 * and allocating two empty arrays for each (then keeping them alive in the result) cost a
 * noticeable share of the consolidation in garbage collection. Frozen, so no caller can add to
 * every total's list at once; the result is read-only data (it crosses IPC as JSON).
 */
const NONE_MISSING: number[] = Object.freeze([]) as unknown as number[];
const NO_INDEPENDENT: JurorTotal['independent'] = Object.freeze([]) as unknown as JurorTotal['independent'];

function made(
  jurorId: number,
  entryId: number,
  status: TotalStatus,
  total: number | null,
  missingCriterionIds: number[],
  independent: JurorTotal['independent'],
): JurorTotal {
  return new TotalRecord(jurorId, entryId, status, total, missingCriterionIds, independent);
}

/**
 * The JurorTotal objects the consolidation builds: built by a constructor rather than as an
 * object literal, for the garbage collector's sake. V8 "pretenures" an object literal — makes
 * every later object of that literal start in the old generation — once a scavenge finds
 * nearly all of them still alive, and a consolidation's 15,000 totals all live until the result
 * is returned, so any scavenge that falls inside one does that (in the benchmark, from the first
 * computation on). Each computation's totals then filled the old generation, whose incremental
 * marking ran inside the next computations, and which only a full collection empties. Objects
 * made by `new` carry no such allocation site and always start young, where a result that is
 * sent and dropped costs least. Own data fields only: JSON, IPC's structured clone and deep
 * equality see exactly the literal it replaces.
 */
class TotalRecord implements JurorTotal {
  constructor(
    public jurorId: number,
    public entryId: number,
    public status: TotalStatus,
    public total: number | null,
    public missingCriterionIds: number[],
    public independent: JurorTotal['independent'],
  ) {}
}

/**
 * The independent criteria's values, in an array of exactly their number (push() would reserve
 * 17). A sheet with a single independent value gets the rubric's shared, frozen list for that
 * criterion and value: a stage has 15,000 sheets but a rubric scale only a handful of values, and
 * an array and an object per sheet kept alive in the result cost more in garbage collection
 * than the rest of the totals. (−0 is never shared: the cache would give it +0's list.)
 */
function independentValues(values: ArrayLike<number>, offset: number, rubric: Rubric): JurorTotal['independent'] {
  const columns = rubric.independent;
  let count = 0;
  let only = -1;
  for (let k = 0; k < columns.length; k++) {
    if (Number.isNaN(values[offset + (columns[k] as number)] as number)) continue;
    count += 1;
    only = k;
  }
  if (count === 0) return NO_INDEPENDENT;
  if (count === 1) {
    const column = columns[only] as number;
    const value = values[offset + column] as number;
    if (value !== 0 || 1 / value > 0) {
      const cache = rubric.independentLists[only] as Map<number, JurorTotal['independent']>;
      let list = cache.get(value);
      if (!list) cache.set(value, (list = Object.freeze([Object.freeze({ criterionId: (rubric.criteria[column] as ScoringCriterion).id, value })]) as JurorTotal['independent']));
      return list;
    }
  }
  const out: JurorTotal['independent'] = new Array(count);
  let k = 0;
  for (const i of columns) {
    const value = values[offset + i] as number;
    if (!Number.isNaN(value)) out[k++] = { criterionId: (rubric.criteria[i] as ScoringCriterion).id, value };
  }
  return out;
}
