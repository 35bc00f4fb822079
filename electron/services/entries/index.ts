import type { Handlers } from '../../../shared/contract';
import type { entryMethods } from '../../../shared/contract/entries';
import type { AppContext } from '../context';
import { exportEntries } from './export';
import { getEntry, listEntries } from './read';
import { similarEntries } from './similar';
import { deleteEntry, insertEntry, setEntryStatus, updateEntry } from './write';

type EntryHandlerNames = keyof typeof entryMethods;

export function entryHandlers(ctx: AppContext): Pick<Handlers, EntryHandlerNames> {
  const now = () => ctx.now().toISOString();
  const tx = <T>(fn: () => T): T => ctx.db().transaction(fn)();
  return {
    'entries.list': ({ editionId }) => listEntries(ctx.db(), editionId),
    'entries.get': ({ id }) => getEntry(ctx.db(), id),
    'entries.similar': ({ igedId, title, exceptId }) => similarEntries(ctx.db(), igedId, title, exceptId ?? null),
    'entries.create': ({ editionId, fields }) => getEntry(ctx.db(), tx(() => insertEntry(ctx.db(), editionId, fields, now(), 'manual'))),
    'entries.update': ({ id, fields }) => {
      tx(() => updateEntry(ctx.db(), id, fields, now()));
      return getEntry(ctx.db(), id);
    },
    'entries.delete': ({ id }) => {
      tx(() => deleteEntry(ctx.db(), id, now()));
      return { deleted: true };
    },
    'entries.setStatus': ({ entryId, stageId, status, reason }) => {
      tx(() => setEntryStatus(ctx.db(), entryId, stageId, status, reason, now()));
      return getEntry(ctx.db(), entryId);
    },
    'entries.export': ({ editionId, format, ids }) => exportEntries(ctx.db(), editionId, format, ids),
  };
}
