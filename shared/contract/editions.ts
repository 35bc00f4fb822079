import { z } from 'zod';
import { categoryFields, criterionFields, editionFields, id, stageFields } from '../domain/schemas';
import type { Category, Criterion, Edition, EditionSummary, Stage } from '../domain/types';
import { method } from './define';

export const editionMethods = {
  'editions.list': method<EditionSummary[]>('read')(z.object({ includeArchived: z.boolean().default(false) })),
  'editions.get': method<Edition>('read')(z.object({ id })),
  'editions.create': method<Edition>()(editionFields),
  'editions.update': method<Edition>()(z.object({ id, fields: editionFields })),
  'editions.setArchived': method<Edition>()(z.object({ id, archived: z.boolean() })),
  /** New edition with the source's categories, criteria and stages — never its entries. */
  'editions.copy': method<Edition>()(z.object({ sourceId: id, fields: editionFields })),

  'categories.create': method<Category>()(z.object({ editionId: id, fields: categoryFields })),
  'categories.update': method<Category>()(z.object({ id, fields: categoryFields })),
  'categories.delete': method<{ deleted: true }>()(z.object({ id })),
  'categories.reorder': method<Category[]>()(z.object({ editionId: id, orderedIds: z.array(id) })),

  'criteria.create': method<Criterion>()(z.object({ editionId: id, fields: criterionFields })),
  'criteria.update': method<Criterion>()(z.object({ id, fields: criterionFields })),
  'criteria.delete': method<{ deleted: true }>()(z.object({ id })),
  'criteria.reorder': method<Criterion[]>()(z.object({ editionId: id, orderedIds: z.array(id) })),

  'stages.create': method<Stage>()(z.object({ editionId: id, fields: stageFields })),
  'stages.update': method<Stage>()(z.object({ id, fields: stageFields })),
  'stages.delete': method<{ deleted: true }>()(z.object({ id })),
  'stages.reorder': method<Stage[]>()(z.object({ editionId: id, orderedIds: z.array(id) })),
};
