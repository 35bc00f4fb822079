import type { MissingRule } from './options';
import { totalScale, type TotalScale } from './scale';
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
  // Built once and filled in place: this runs once per sheet (15,000 in a large stage).
  const result: JurorTotal = { jurorId: sheet.jurorId, entryId: sheet.entryId, status: 'complete', total: null, missingCriterionIds: [], independent: [] };
  if (sheet.status !== 'scored') {
    result.status = sheet.status;
    return result;
  }
  for (const c of independentCriteria) {
    const value = sheet.scores.get(c.id);
    if (value !== undefined) result.independent.push({ criterionId: c.id, value });
  }
  if (weighted.length === 0) {
    result.status = 'noCriteria';
    return result;
  }

  let weightedSum = 0;
  let scoredShare = 0;
  let fullShare = 0;
  let scoredAbove = 0;
  for (const c of weighted) {
    const share = c.weight * (c.scaleMax - c.scaleMin);
    fullShare += share;
    const value = sheet.scores.get(c.id);
    if (value === undefined) {
      result.missingCriterionIds.push(c.id);
      continue;
    }
    weightedSum += c.weight * value;
    scoredShare += share;
    scoredAbove += c.weight * (value - c.scaleMin);
  }
  if (result.missingCriterionIds.length === 0) {
    result.total = weightedSum;
  } else if (rule === 'rescale' && scoredShare > 0 && scoredShare / fullShare >= minCoverage) {
    const scale: TotalScale = totalScale(weighted);
    result.status = 'rescaled';
    result.total = scale.min + (scale.max - scale.min) * (scoredAbove / scoredShare);
  } else {
    result.status = 'incomplete';
  }
  return result;
}
