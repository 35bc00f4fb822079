import type { ScoringCriterion } from './types';

/** The scale of a weighted total: Σ wᵢ·minᵢ to Σ wᵢ·maxᵢ over the criteria that count. */
export interface TotalScale {
  min: number;
  max: number;
}

/** Criteria that apply to an entry of this category (an unrestricted criterion applies to all). */
export function applicableCriteria(criteria: readonly ScoringCriterion[], categoryId: number | null): ScoringCriterion[] {
  return criteria.filter((c) => applies(c, categoryId));
}

/** A criterion limited to some categories applies only to entries in one of them; an unrestricted one to every entry. */
export function applies(criterion: { readonly categoryIds: readonly number[] }, categoryId: number | null): boolean {
  return criterion.categoryIds.length === 0 || (categoryId !== null && criterion.categoryIds.includes(categoryId));
}

/**
 * The criteria of one category as columns of the input's criterion list — computed once per
 * category rather than once per entry or sheet.
 */
export interface Rubric {
  criteria: readonly ScoringCriterion[];
  applicable: readonly number[];
  weighted: readonly number[];
  independent: readonly number[];
  scale: TotalScale;
  /**
   * Parallel to `weighted`: each weighted criterion's weight, scale minimum and share of the
   * total's range, weight × (max − min). A total reads them for every sheet (15,000 in a large
   * stage), so they are taken out of the criterion objects once, with the same arithmetic.
   */
  weight: Float64Array;
  min: Float64Array;
  share: Float64Array;
  /** Parallel to `independent`: the shared one-value lists of sheets' totals, by value (see totals.ts). */
  independentLists: Map<number, readonly { criterionId: number; value: number }[]>[];
}

export function rubricFor(criteria: readonly ScoringCriterion[], categoryId: number | null): Rubric {
  const applicable = criteria.flatMap((c, i) => (applies(c, categoryId) ? [i] : []));
  const isIndependent = (i: number) => (criteria[i] as ScoringCriterion).independent;
  return rubricOf(
    criteria,
    applicable,
    applicable.filter((i) => !isIndependent(i)),
    applicable.filter(isIndependent),
  );
}

/** The rubric whose weighted and independent criteria are the given columns of `criteria`. */
export function rubricOf(criteria: readonly ScoringCriterion[], applicable: readonly number[], weighted: readonly number[], independent: readonly number[]): Rubric {
  const of = (f: (c: ScoringCriterion) => number) => Float64Array.from(weighted, (i) => f(criteria[i] as ScoringCriterion));
  return {
    criteria,
    applicable,
    weighted,
    independent,
    scale: totalScale(weighted.map((i) => criteria[i] as ScoringCriterion)),
    weight: of((c) => c.weight),
    min: of((c) => c.scaleMin),
    share: of((c) => c.weight * (c.scaleMax - c.scaleMin)),
    independentLists: independent.map(() => new Map()),
  };
}

export function totalScale(weighted: readonly ScoringCriterion[]): TotalScale {
  let min = 0;
  let max = 0;
  for (const c of weighted) {
    min += c.weight * c.scaleMin;
    max += c.weight * c.scaleMax;
  }
  return { min, max };
}

/** Position of a total on its scale, 0–1: lets totals of categories with different rubrics be compared. */
export function toFraction(total: number, scale: TotalScale): number {
  const range = scale.max - scale.min;
  return range > 0 ? (total - scale.min) / range : 0;
}

export function fromFraction(fraction: number, scale: TotalScale): number {
  return scale.min + fraction * (scale.max - scale.min);
}
