import type { Handlers } from '../../../shared/contract';
import type { SummaryItem, SynthesisItem } from '../../../shared/domain/encuentro-types';
import { queryOne } from '../../db/query';
import type { AppContext } from '../context';
import type { EventBus } from '../events';
import { saveBaseOf } from './contributions';
import { itemConflicts } from './item-conflict';
import {
  getSummary,
  getSummaryItem,
  insertSummaryItem,
  reorderSummary,
  setSummaryItemDeleted,
  setSummarySources,
  summaryEncuentro,
  updateSummaryText,
} from './summary';
import {
  getSynthesis,
  getSynthesisItem,
  insertSynthesisItem,
  listSynthesisItems,
  moveSynthesisItem,
  promoteContribution,
  reorderSynthesis,
  setSynthesisItemDeleted,
  setSynthesisSources,
  setSynthesisStatus,
  updateSynthesisText,
} from './synthesis';

type SynthesisMethod = `encuentro.synthesis.${string}` | `encuentro.summary.${string}`;
type Names = Extract<keyof Handlers, SynthesisMethod>;

/** Sala syntheses and the cross-sala summary, each change pushed to the projector. */
export function synthesisHandlers(ctx: AppContext, events?: EventBus): Pick<Handlers, Names> {
  const now = () => ctx.now().toISOString();
  const db = () => ctx.db();
  const tx = <T>(fn: () => T): T => db().transaction(fn)();

  const emitSynthesis = (salaId: number, action: 'itemSaved' | 'itemDeleted' | 'itemRestored' | 'reordered' | 'status', item: SynthesisItem | null) => {
    if (!events) return;
    const s = queryOne<{ encuentro_id: number; synthesis_status: 'draft' | 'review' | 'final' }>(
      db(),
      `SELECT encuentro_id, synthesis_status FROM encuentro_sala WHERE id = ?`,
      salaId,
    );
    if (s) events.emit('encuentro.synthesis', { encuentroId: s.encuentro_id, salaId, action, item, status: s.synthesis_status });
  };
  const savedItem = (id: number, action: 'itemSaved' | 'itemDeleted' | 'itemRestored' = 'itemSaved'): SynthesisItem => {
    const item = getSynthesisItem(db(), id);
    emitSynthesis(item.salaId, action, item);
    return item;
  };
  const emitSummary = (encuentroId: number, action: 'itemSaved' | 'itemDeleted' | 'itemRestored' | 'reordered', item: SummaryItem | null) =>
    events?.emit('encuentro.summary', { encuentroId, action, item });
  const savedSummary = (id: number, action: 'itemSaved' | 'itemDeleted' | 'itemRestored' = 'itemSaved'): SummaryItem => {
    const item = getSummaryItem(db(), id);
    emitSummary(summaryEncuentro(db(), id), action, item);
    return item;
  };

  return {
    'encuentro.synthesis.get': ({ salaId }) => getSynthesis(db(), salaId),
    'encuentro.synthesis.promote': (input) => savedItem(tx(() => promoteContribution(db(), input, now()))),
    'encuentro.synthesis.merge': ({ salaId, contributionIds, level, axis, text }) =>
      savedItem(tx(() => insertSynthesisItem(db(), { salaId, level, axis, text, contributionIds }, now()))),
    'encuentro.synthesis.createItem': ({ salaId, level, axis, text }) =>
      savedItem(tx(() => insertSynthesisItem(db(), { salaId, level, axis, text, contributionIds: [] }, now()))),
    'encuentro.synthesis.updateItem': ({ id, text, revision, baseRevision, editor }) => {
      const saved = tx(() => updateSynthesisText(db(), id, text, revision, now(), saveBaseOf(baseRevision, editor)));
      if (saved.outcome === 'applied') return { applied: true, item: savedItem(id) };
      return { applied: false, item: getSynthesisItem(db(), id), ...(saved.outcome === 'conflict' ? { conflict: saved.conflict } : {}) };
    },
    'encuentro.synthesis.moveItem': ({ id, level, axis }) => {
      tx(() => moveSynthesisItem(db(), id, level, axis, now()));
      return savedItem(id);
    },
    'encuentro.synthesis.setSources': ({ id, contributionIds }) => {
      tx(() => setSynthesisSources(db(), id, contributionIds, now()));
      return savedItem(id);
    },
    'encuentro.synthesis.reorder': ({ salaId, level, axis, orderedIds }) => {
      tx(() => reorderSynthesis(db(), salaId, level, axis, orderedIds));
      emitSynthesis(salaId, 'reordered', null);
      return listSynthesisItems(db(), salaId, false).filter((i) => i.level === level && i.axis === axis).sort((a, b) => a.position - b.position);
    },
    'encuentro.synthesis.deleteItem': ({ id }) => {
      tx(() => setSynthesisItemDeleted(db(), id, true, now()));
      return savedItem(id, 'itemDeleted');
    },
    'encuentro.synthesis.restoreItem': ({ id }) => {
      tx(() => setSynthesisItemDeleted(db(), id, false, now()));
      return savedItem(id, 'itemRestored');
    },
    'encuentro.synthesis.setStatus': ({ salaId, status, reason }) => {
      tx(() => setSynthesisStatus(db(), salaId, status, reason, now()));
      emitSynthesis(salaId, 'status', null);
      return getSynthesis(db(), salaId);
    },

    'encuentro.summary.get': ({ encuentroId }) => getSummary(db(), encuentroId),
    'encuentro.summary.createItem': (input) => savedSummary(tx(() => insertSummaryItem(db(), input, now()))),
    'encuentro.summary.updateItem': ({ id, text, revision, baseRevision, editor }) => {
      const saved = tx(() => updateSummaryText(db(), id, text, revision, now(), saveBaseOf(baseRevision, editor)));
      if (saved.outcome === 'applied') return { applied: true, item: savedSummary(id) };
      return { applied: false, item: getSummaryItem(db(), id), ...(saved.outcome === 'conflict' ? { conflict: saved.conflict } : {}) };
    },
    'encuentro.synthesis.conflicts': ({ kind, id }) => itemConflicts(db(), kind, id),
    'encuentro.summary.setSources': ({ id, synthesisItemIds }) => {
      tx(() => setSummarySources(db(), id, synthesisItemIds, now()));
      return savedSummary(id);
    },
    'encuentro.summary.reorder': ({ encuentroId, level, axis, orderedIds }) => {
      tx(() => reorderSummary(db(), encuentroId, level, axis, orderedIds));
      emitSummary(encuentroId, 'reordered', null);
      return getSummary(db(), encuentroId).cells.find((c) => c.level === level && c.axis === axis)?.items ?? [];
    },
    'encuentro.summary.deleteItem': ({ id }) => {
      tx(() => setSummaryItemDeleted(db(), id, true, now()));
      return savedSummary(id, 'itemDeleted');
    },
    'encuentro.summary.restoreItem': ({ id }) => {
      tx(() => setSummaryItemDeleted(db(), id, false, now()));
      return savedSummary(id, 'itemRestored');
    },
  };
}
