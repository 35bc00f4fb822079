import type { Handlers } from '../../../../shared/contract';
import type { consolidationMethods } from '../../../../shared/contract/consolidation';
import type { AppContext } from '../../context';
import { exportActa } from '../results/acta';
import { exportResults } from '../results/workbook';
import { computeReport, computeStage } from './compute';
import { listDecisions, recordDecision, revokeDecision } from './decisions';

type ConsolidationHandlerNames = keyof typeof consolidationMethods;

/** Consolidation, results workbook, acta and tie decisions. */
export function consolidationHandlers(ctx: AppContext): Pick<Handlers, ConsolidationHandlerNames> {
  return {
    'consolidation.compute': ({ editionId, stageId, options }) => computeReport(ctx.db(), editionId, stageId, options),
    'consolidation.exportResults': ({ editionId, stageId, options }) => exportResults(ctx.db(), computeStage(ctx.db(), editionId, stageId, options), ctx.now()),
    'consolidation.exportActa': ({ editionId, stageId, options }) => exportActa(ctx.db(), computeReport(ctx.db(), editionId, stageId, options), ctx.now()),
    'consolidation.tieDecisions': ({ stageId }) => listDecisions(ctx.db(), stageId),
    'consolidation.recordTieDecision': (input) => {
      const db = ctx.db();
      return db.transaction(() => recordDecision(db, input, ctx.now().toISOString()))();
    },
    'consolidation.revokeTieDecision': (input) => {
      const db = ctx.db();
      db.transaction(() => revokeDecision(db, input, ctx.now().toISOString()))();
      return { revoked: true };
    },
  };
}
