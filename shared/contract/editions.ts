import { z } from 'zod';
import { categoryFields, criterionFields, editionFields, id, stageFields } from '../domain/schemas';
import type { Category, Criterion, Edition, EditionSummary, Stage } from '../domain/types';
import { method, ORGANIZER } from './define';

export const editionMethods = {
  'editions.list': method<EditionSummary[]>('read', ORGANIZER)(z.object({ includeArchived: z.boolean().default(false) })),
  /** A juror's screens render their own edition's categories, criteria and stages (editions.list is not granted: it names every edition). */
  'editions.get': method<Edition>('read', { juror: { target: 'edition', field: 'id' } })(z.object({ id })),
  'editions.create': method<Edition>('write', ['editions'], ORGANIZER)(editionFields),
  'editions.update': method<Edition>('write', ['editions'], ORGANIZER)(z.object({ id, fields: editionFields })),
  'editions.setArchived': method<Edition>('write', ['editions'], ORGANIZER)(z.object({ id, archived: z.boolean() })),
  /** New edition with the source's categories, criteria and stages — never its entries. */
  'editions.copy': method<Edition>('write', ['editions'], ORGANIZER)(z.object({ sourceId: id, fields: editionFields })),

  'categories.create': method<Category>('write', ['editions'], ORGANIZER)(z.object({ editionId: id, fields: categoryFields })),
  'categories.update': method<Category>('write', ['editions'], ORGANIZER)(z.object({ id, fields: categoryFields })),
  'categories.delete': method<{ deleted: true }>('write', ['editions'], ORGANIZER)(z.object({ id })),
  'categories.reorder': method<Category[]>('write', ['editions'], ORGANIZER)(z.object({ editionId: id, orderedIds: z.array(id) })),

  'criteria.create': method<Criterion>('write', ['editions'], ORGANIZER)(z.object({ editionId: id, fields: criterionFields })),
  'criteria.update': method<Criterion>('write', ['editions'], ORGANIZER)(z.object({ id, fields: criterionFields })),
  'criteria.delete': method<{ deleted: true }>('write', ['editions'], ORGANIZER)(z.object({ id })),
  'criteria.reorder': method<Criterion[]>('write', ['editions'], ORGANIZER)(z.object({ editionId: id, orderedIds: z.array(id) })),

  'stages.create': method<Stage>('write', ['editions'], ORGANIZER)(z.object({ editionId: id, fields: stageFields })),
  'stages.update': method<Stage>('write', ['editions'], ORGANIZER)(z.object({ id, fields: stageFields })),
  'stages.delete': method<{ deleted: true }>('write', ['editions'], ORGANIZER)(z.object({ id })),
  'stages.reorder': method<Stage[]>('write', ['editions'], ORGANIZER)(z.object({ editionId: id, orderedIds: z.array(id) })),
};
