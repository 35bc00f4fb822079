import type { ScoringCriterion } from './types';

/** The scale of a weighted total: Σ wᵢ·minᵢ to Σ wᵢ·maxᵢ over the criteria that count. */
export interface TotalScale {
  min: number;
  max: number;
}

/** Criteria that apply to an entry of this category (an unrestricted criterion applies to all). */
export function applicableCriteria(criteria: readonly ScoringCriterion[], categoryId: number | null): ScoringCriterion[] {
  return criteria.filter((c) => c.categoryIds.length === 0 || (categoryId !== null && c.categoryIds.includes(categoryId)));
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
