import { z } from 'zod';
import { ENTRY_STATUSES, entryFields, id, optionalText } from '../domain/schemas';
import type { SimilarEntry } from '../domain/import-types';
import type { Entry, EntryRow, ExportedFile } from '../domain/types';
import { method, ORGANIZER } from './define';

export const entryMethods = {
  /** All entries of an edition; sorting, filtering and search happen in the table. */
  'entries.list': method<EntryRow[]>('read', ORGANIZER)(z.object({ editionId: id })),
  'entries.get': method<Entry>('read', ORGANIZER)(z.object({ id })),
  /** Entries of the IGED, in any edition, with a very similar title (a possible duplicate; the form warns). */
  'entries.similar': method<SimilarEntry[]>('read', ORGANIZER)(z.object({ igedId: id, title: z.string().max(500), exceptId: id.optional() })),
  'entries.create': method<Entry>('write', ['entries'], ORGANIZER)(z.object({ editionId: id, fields: entryFields })),
  'entries.update': method<Entry>('write', ['entries'], ORGANIZER)(z.object({ id, fields: entryFields })),
  'entries.delete': method<{ deleted: true }>('write', ['entries'], ORGANIZER)(z.object({ id })),
  'entries.setStatus': method<Entry>('write', ['entries'], ORGANIZER)(
    z.object({ entryId: id, stageId: id, status: z.enum(ENTRY_STATUSES), reason: optionalText(2000) }),
  ),
  /** The list as a file; `ids` limits it to the rows the user sees (filters applied). */
  'entries.export': method<ExportedFile>('read', ORGANIZER)(
    z.object({ editionId: id, format: z.enum(['xlsx', 'csv']), ids: z.array(id).optional() }),
  ),
};
