import type { Handlers } from '../../../../shared/contract';
import type { resultsMethods } from '../../../../shared/contract/results';
import type { AppContext } from '../../context';
import { exportActa } from './acta';
import { exportResultsWorkbook } from './workbook';
import { computeReport, computeStage } from './compute';
import { listDecisions, recordDecision, revokeDecision } from './decisions';

type ResultsHandlerNames = keyof typeof resultsMethods;

/** Consolidation, results workbook, acta and tie decisions. */
export function resultsHandlers(ctx: AppContext): Pick<Handlers, ResultsHandlerNames> {
  return {
    'results.compute': ({ editionId, stageId, options }) => computeReport(ctx.db(), editionId, stageId, options),
    'results.exportWorkbook': ({ editionId, stageId, options }) => exportResultsWorkbook(ctx.db(), computeStage(ctx.db(), editionId, stageId, options), ctx.now()),
    'results.exportActa': ({ editionId, stageId, options }) => exportActa(ctx.db(), computeReport(ctx.db(), editionId, stageId, options), ctx.now()),
    'results.tieDecisions': ({ stageId }) => listDecisions(ctx.db(), stageId),
    'results.recordTieDecision': (input) => {
      const db = ctx.db();
      return db.transaction(() => recordDecision(db, input, ctx.now().toISOString()))();
    },
    'results.revokeTieDecision': (input) => {
      const db = ctx.db();
      db.transaction(() => revokeDecision(db, input, ctx.now().toISOString()))();
      return { revoked: true };
    },
  };
}
