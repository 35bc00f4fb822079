import type { Handlers } from '../../../shared/contract';
import type { editionMethods } from '../../../shared/contract/editions';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/i18n';
import type { AppContext } from '../context';
import { getCriterion, getEdition, listCategories, listCriteria, listEditions, listStages } from './read';
import * as write from './write';

type EditionHandlerNames = keyof typeof editionMethods;

export function editionHandlers(ctx: AppContext): Pick<Handlers, EditionHandlerNames> {
  const now = () => ctx.now().toISOString();
  const tx = <T>(fn: () => T): T => ctx.db().transaction(fn)();

  return {
    'editions.list': ({ includeArchived }) => listEditions(ctx.db(), includeArchived),
    'editions.get': ({ id }) => getEdition(ctx.db(), id),
    'editions.create': (fields) => getEdition(ctx.db(), tx(() => write.insertEdition(ctx.db(), fields, now()))),
    'editions.update': ({ id, fields }) => {
      tx(() => write.updateEdition(ctx.db(), id, fields, now()));
      return getEdition(ctx.db(), id);
    },
    'editions.setArchived': ({ id, archived }) => {
      write.setArchived(ctx.db(), id, archived, now());
      return getEdition(ctx.db(), id);
    },
    'editions.copy': ({ sourceId, fields }) => {
      getEdition(ctx.db(), sourceId);
      const id = tx(() => {
        const newId = write.insertEdition(ctx.db(), fields, now(), { copiedFromId: sourceId });
        write.copyStructure(ctx.db(), sourceId, newId);
        return newId;
      });
      return getEdition(ctx.db(), id);
    },

    'categories.create': ({ editionId, fields }) => {
      const id = tx(() => write.insertCategory(ctx.db(), editionId, fields, now()));
      return findOrThrow(listCategories(ctx.db(), editionId), id);
    },
    'categories.update': ({ id, fields }) => {
      const editionId = tx(() => write.updateCategory(ctx.db(), id, fields, now()));
      return findOrThrow(listCategories(ctx.db(), editionId), id);
    },
    'categories.delete': ({ id }) => {
      tx(() => write.deleteCategory(ctx.db(), id, now()));
      return { deleted: true };
    },
    'categories.reorder': ({ editionId, orderedIds }) => {
      tx(() => write.reorder(ctx.db(), 'category', editionId, orderedIds, now()));
      return listCategories(ctx.db(), editionId);
    },

    'criteria.create': ({ editionId, fields }) => getCriterion(ctx.db(), tx(() => write.insertCriterion(ctx.db(), editionId, fields, now()))),
    'criteria.update': ({ id, fields }) => {
      tx(() => write.updateCriterion(ctx.db(), id, fields, now()));
      return getCriterion(ctx.db(), id);
    },
    'criteria.delete': ({ id }) => {
      tx(() => write.deleteCriterion(ctx.db(), id, now()));
      return { deleted: true };
    },
    'criteria.reorder': ({ editionId, orderedIds }) => {
      tx(() => write.reorder(ctx.db(), 'criterion', editionId, orderedIds, now()));
      return listCriteria(ctx.db(), editionId);
    },

    'stages.create': ({ editionId, fields }) => {
      const id = tx(() => write.insertStage(ctx.db(), editionId, fields, now()));
      return findOrThrow(listStages(ctx.db(), editionId), id);
    },
    'stages.update': ({ id, fields }) => {
      tx(() => write.updateStage(ctx.db(), id, fields, now()));
      return findOrThrow(listStages(ctx.db(), write.editionOf(ctx.db(), 'stage', id)), id);
    },
    'stages.delete': ({ id }) => {
      tx(() => write.deleteStage(ctx.db(), id, now()));
      return { deleted: true };
    },
    'stages.reorder': ({ editionId, orderedIds }) => {
      tx(() => write.reorder(ctx.db(), 'stage', editionId, orderedIds, now()));
      return listStages(ctx.db(), editionId);
    },
  };
}

function findOrThrow<T extends { id: number }>(items: T[], id: number): T {
  const found = items.find((item) => item.id === id);
  if (!found) throw new AppError('error.notFound', { what: t('error.what.item') });
  return found;
}
