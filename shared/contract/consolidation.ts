import { z } from 'zod';
import { reason } from '../domain/jury-schemas';
import { id } from '../domain/schemas';
import type { ExportedFile } from '../domain/types';
import { t } from '../i18n';
import type { ConsolidationReport, TieDecisionRecord } from '../scoring';
import { method } from './define';

/** Issue 3, points 6 and 8: consolidation, results workbook, acta de calificación, tie decisions. */

const tieRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('priorityCriterion'), criterionId: id }),
  z.object({ kind: z.literal('higherMedian') }),
  z.object({ kind: z.literal('higherMean') }),
  z.object({ kind: z.literal('smallerSpread') }),
  z.object({ kind: z.literal('organizerDecision') }),
]);

/**
 * Overrides for one computation; anything omitted comes from the edition's jury settings
 * (method, disagreement threshold, tie-break chain) or the documented defaults.
 */
export const consolidationOptions = z
  .object({
    method: z.enum(['mean', 'median', 'trimmed', 'zscore']).optional(),
    missingRule: z.enum(['incomplete', 'rescale']).optional(),
    rescaleMinCoverage: z.number().gt(0, { error: t('consolidation.error.coverage') }).max(1, { error: t('consolidation.error.coverage') }).optional(),
    trimmedMinJurors: z.number().int().min(3, { error: t('consolidation.error.trimmedMin') }).max(50, { error: t('consolidation.error.trimmedMin') }).optional(),
    disagreementThreshold: z.number().gt(0, { error: t('consolidation.error.threshold') }).max(1, { error: t('consolidation.error.threshold') }).optional(),
    topPlaces: z.number().int().min(1, { error: t('consolidation.error.topPlaces') }).max(50, { error: t('consolidation.error.topPlaces') }).optional(),
    tieBreak: z.array(tieRule).max(10).optional(),
  })
  .default({});

const stageInput = z.object({ editionId: id, stageId: id, options: consolidationOptions });

export const consolidationMethods = {
  /** Every method side by side, ranks per category, ties, flags, reliability and chart data. */
  'consolidation.compute': method<ConsolidationReport>('read')(stageInput),
  /** Results workbook (.xlsx): ranking per category, per-juror sheets, criteria, conflicts, audit log. */
  'consolidation.exportResults': method<ExportedFile>('read')(stageInput),
  /** Acta de calificación (.docx): ranking, method, tie-breaks applied, jurors with signature lines. */
  'consolidation.exportActa': method<ExportedFile>('read')(stageInput),
  'consolidation.tieDecisions': method<TieDecisionRecord[]>('read')(z.object({ stageId: id })),
  /**
   * Records the organizer's order for entries still tied after the automatic chain (best first).
   * Append-only: a later decision naming the same entries supersedes an earlier one.
   */
  'consolidation.recordTieDecision': method<TieDecisionRecord>()(
    z.object({ stageId: id, orderedEntryIds: z.array(id).min(2, { error: t('consolidation.error.decisionTooFew') }).max(500), reason }),
  ),
};
