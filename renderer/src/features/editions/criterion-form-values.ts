import type { z } from 'zod';
import type { criterionFields } from '../../../../shared/domain/schemas';
import type { Criterion } from '../../../../shared/domain/types';

export type CriterionInput = z.input<typeof criterionFields>;
export type CriterionOutput = z.output<typeof criterionFields>;

/** A new criterion starts with the usual 1–4 scale of the contest's rubrics. */
export function criterionFormValues(criterion: Criterion | null): CriterionInput {
  return {
    name: criterion?.name ?? '',
    description: criterion?.description ?? '',
    weight: criterion?.weight ?? 1,
    scaleMin: criterion?.scaleMin ?? 1,
    scaleMax: criterion?.scaleMax ?? 4,
    scaleStep: criterion?.scaleStep ?? 1,
    independent: criterion?.independent ?? false,
    categoryIds: criterion?.categoryIds ?? [],
    levels: criterion?.levels.map((level) => ({ ...level })) ?? [],
  };
}
