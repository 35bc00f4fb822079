import type { Handlers } from '../../../shared/contract';
import type { AppContext } from '../context';
import { getEje, getEncuentro, getPanel, getPractice, getSala, listEjes, listEncuentros, listPractices } from './setup-read';
import { getNarrative, saveNarrative } from './narrative';
import * as write from './setup-write';

type SetupMethod =
  | 'encuentro.list'
  | 'encuentro.get'
  | 'encuentro.create'
  | 'encuentro.update'
  | `encuentro.narrative.${'get' | 'save'}`
  | `encuentro.ejes.${'create' | 'update' | 'delete' | 'reorder'}`
  | `encuentro.practices.${'addFromEntry' | 'create' | 'update' | 'delete' | 'reorder'}`
  | `encuentro.panels.${'create' | 'update' | 'delete'}`
  | `encuentro.salas.${'create' | 'update' | 'delete'}`;

/** Event set-up: each write in one transaction, touching the Encuentro's updated_at. */
export function setupHandlers(ctx: AppContext): Pick<Handlers, SetupMethod> {
  const now = () => ctx.now().toISOString();
  const db = () => ctx.db();
  /** Runs a write that returns the Encuentro it changed, and marks that Encuentro updated. */
  const change = <T>(fn: () => { encuentroId: number; value: T }): T =>
    db().transaction(() => {
      const { encuentroId, value } = fn();
      write.touch(db(), encuentroId, now());
      return value;
    })();

  return {
    'encuentro.list': ({ editionId }) => listEncuentros(db(), editionId),
    'encuentro.get': ({ id }) => getEncuentro(db(), id),
    'encuentro.create': ({ editionId, fields }) => getEncuentro(db(), db().transaction(() => write.insertEncuentro(db(), editionId, fields, now()))()),
    'encuentro.update': ({ id, fields }) => {
      db().transaction(() => write.updateEncuentro(db(), id, fields, now()))();
      return getEncuentro(db(), id);
    },

    'encuentro.narrative.get': ({ encuentroId }) => getNarrative(db(), encuentroId),
    'encuentro.narrative.save': ({ encuentroId, texts }) => {
      change(() => ({ encuentroId, value: saveNarrative(db(), encuentroId, texts, now()) }));
      return getNarrative(db(), encuentroId);
    },

    'encuentro.ejes.create': ({ encuentroId, fields }) => getEje(db(), change(() => ({ encuentroId, value: write.insertEje(db(), encuentroId, fields.name) }))),
    'encuentro.ejes.update': ({ id, fields }) => {
      change(() => ({ encuentroId: write.updateEje(db(), id, fields.name), value: null }));
      return getEje(db(), id);
    },
    'encuentro.ejes.delete': ({ id }) => {
      change(() => ({ encuentroId: write.deleteEje(db(), id), value: null }));
      return { deleted: true };
    },
    'encuentro.ejes.reorder': ({ encuentroId, orderedIds }) => {
      change(() => ({ encuentroId, value: write.reorderEjes(db(), encuentroId, orderedIds) }));
      return listEjes(db(), encuentroId);
    },

    'encuentro.practices.addFromEntry': ({ encuentroId, entryId, ejeId, year }) =>
      getPractice(db(), change(() => ({ encuentroId, value: write.insertPracticeFromEntry(db(), encuentroId, entryId, ejeId, year) }))),
    'encuentro.practices.create': ({ encuentroId, fields }) =>
      getPractice(db(), change(() => ({ encuentroId, value: write.insertPractice(db(), encuentroId, fields) }))),
    'encuentro.practices.update': ({ id, fields }) => {
      change(() => ({ encuentroId: write.updatePractice(db(), id, fields), value: null }));
      return getPractice(db(), id);
    },
    'encuentro.practices.delete': ({ id }) => {
      change(() => ({ encuentroId: write.deletePractice(db(), id), value: null }));
      return { deleted: true };
    },
    'encuentro.practices.reorder': ({ encuentroId, orderedIds }) => {
      change(() => ({ encuentroId, value: write.reorderPractices(db(), encuentroId, orderedIds) }));
      return listPractices(db(), encuentroId);
    },

    'encuentro.panels.create': ({ encuentroId, fields }) => getPanel(db(), change(() => ({ encuentroId, value: write.insertPanel(db(), encuentroId, fields) }))),
    'encuentro.panels.update': ({ id, fields }) => {
      change(() => ({ encuentroId: write.updatePanel(db(), id, fields), value: null }));
      return getPanel(db(), id);
    },
    'encuentro.panels.delete': ({ id }) => {
      change(() => ({ encuentroId: write.deletePanel(db(), id), value: null }));
      return { deleted: true };
    },

    'encuentro.salas.create': ({ encuentroId, fields }) => getSala(db(), change(() => ({ encuentroId, value: write.insertSala(db(), encuentroId, fields) }))),
    'encuentro.salas.update': ({ id, fields }) => {
      change(() => ({ encuentroId: write.updateSala(db(), id, fields), value: null }));
      return getSala(db(), id);
    },
    'encuentro.salas.delete': ({ id }) => {
      change(() => ({ encuentroId: write.deleteSala(db(), id), value: null }));
      return { deleted: true };
    },
  };
}
