import type { z } from 'zod';
import type { categoryFields, criterionFields, editionFields, stageFields } from '../../../shared/domain/schemas';

export type EditionFields = z.output<typeof editionFields>;
export type CategoryFields = z.output<typeof categoryFields>;
export type CriterionFields = z.output<typeof criterionFields>;
export type StageFields = z.output<typeof stageFields>;
