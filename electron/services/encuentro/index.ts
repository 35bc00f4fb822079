import type { Handlers } from '../../../shared/contract';
import type { Contribution } from '../../../shared/domain/encuentro-types';
import { AppError } from '../../../shared/errors';
import type { AppContext } from '../context';
import { seedDemo } from '../demo';
import type { EventBus } from '../events';
import { attendanceHandlers } from './attendance-handlers';
import {
  contributionHistory,
  getContribution,
  insertContribution,
  listContributions,
  moveContribution,
  reorderContributions,
  resolveSala,
  restoreContributionVersion,
  setContributionDeleted,
  updateContributionText,
  cellContributions,
  saveBaseOf,
} from './contributions';
import { findDemoEdition, findDemoEncuentro, seedEncuentroDemo } from './demo';
import { exportEncuentroReport } from './export-report';
import { exportEncuentroXlsx } from './export-xlsx';
import { practiceMatrix } from './matrix';
import { setupHandlers } from './setup-handlers';
import { synthesisHandlers } from './synthesis-handlers';

type EncuentroMethod = Extract<keyof Handlers, `encuentro.${string}`>;

/**
 * Encuentro services. Writes run in their own transaction (durable on return: synchronous=FULL),
 * then push an `encuentro.*` event so projectors and second screens update live.
 */
export function encuentroHandlers(ctx: AppContext, events?: EventBus): Pick<Handlers, EncuentroMethod> {
  const now = () => ctx.now().toISOString();
  const tx = <T>(fn: () => T): T => ctx.db().transaction(fn)();
  const emitContribution = (contribution: Contribution, action: 'created' | 'updated' | 'moved' | 'deleted' | 'restored') =>
    events?.emit('encuentro.contribution', {
      encuentroId: contribution.encuentroId,
      practiceId: contribution.practiceId,
      salaId: contribution.salaId,
      action,
      contribution,
    });

  return {
    ...setupHandlers(ctx),
    'encuentro.ensureDemo': () => {
      const db = ctx.db();
      const existing = findDemoEncuentro(db);
      if (existing !== null) return { encuentroId: existing };
      const editionId = findDemoEdition(db);
      // Without the demo edition, seeding it also seeds its Encuentro.
      if (editionId === null) seedDemo(ctx, 'ensure');
      else tx(() => seedEncuentroDemo(db, editionId, now()));
      const created = findDemoEncuentro(db);
      if (created === null) throw new AppError('encuentro.demo.missingEdition');
      return { encuentroId: created };
    },

    'encuentro.matrix': ({ practiceId, salaId }) => practiceMatrix(ctx.db(), practiceId, salaId),
    'encuentro.contributions.list': (filter) => listContributions(ctx.db(), filter),
    'encuentro.contributions.create': (input) => {
      const { id, created } = tx(() => insertContribution(ctx.db(), input, now()));
      const contribution = getContribution(ctx.db(), id);
      if (created) emitContribution(contribution, 'created');
      return contribution;
    },
    'encuentro.contributions.updateText': ({ id, text, revision, baseRevision, editor }) => {
      const saved = tx(() => updateContributionText(ctx.db(), id, text, revision, now(), saveBaseOf(baseRevision, editor)));
      if (saved.applied) emitContribution(saved.contribution, 'updated');
      return saved;
    },
    'encuentro.contributions.move': ({ id, block, level, afterId }) => {
      tx(() => moveContribution(ctx.db(), id, block, level, afterId, now()));
      const contribution = getContribution(ctx.db(), id);
      emitContribution(contribution, 'moved');
      return contribution;
    },
    'encuentro.contributions.reorder': ({ practiceId, salaId, block, level, orderedIds }) => {
      const db = ctx.db();
      const cell = { practiceId, salaId: resolveSala(db, practiceId, salaId), block, level };
      tx(() => reorderContributions(db, cell, orderedIds));
      const list = cellContributions(db, cell);
      for (const c of list) emitContribution(c, 'moved');
      return list;
    },
    'encuentro.contributions.delete': ({ id }) => {
      tx(() => setContributionDeleted(ctx.db(), id, true, now()));
      const contribution = getContribution(ctx.db(), id);
      emitContribution(contribution, 'deleted');
      return contribution;
    },
    'encuentro.contributions.restore': ({ id }) => {
      tx(() => setContributionDeleted(ctx.db(), id, false, now()));
      const contribution = getContribution(ctx.db(), id);
      emitContribution(contribution, 'restored');
      return contribution;
    },
    'encuentro.contributions.history': ({ id }) => contributionHistory(ctx.db(), id),
    'encuentro.contributions.restoreVersion': ({ id, versionId }) => {
      tx(() => restoreContributionVersion(ctx.db(), id, versionId, now()));
      const contribution = getContribution(ctx.db(), id);
      emitContribution(contribution, 'updated');
      return contribution;
    },

    ...synthesisHandlers(ctx, events),
    ...attendanceHandlers(ctx, events),

    'encuentro.export.xlsx': ({ encuentroId }) => exportEncuentroXlsx(ctx.db(), encuentroId),
    'encuentro.export.report': ({ encuentroId }) => exportEncuentroReport(ctx.db(), encuentroId),
  };
}
