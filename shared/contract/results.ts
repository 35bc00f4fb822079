import { z } from 'zod';
import { jurySettingsFields, reason } from '../domain/jury-schemas';
import { id } from '../domain/schemas';
import type { ExportedFile } from '../domain/types';
import { t } from '../i18n';
import type { ConsolidationReport, TieDecisionRecord } from '../scoring';
import { method, ORGANIZER } from './define';

/** Consolidation, results workbook, acta de calificación, tie decisions. */

/**
 * Overrides for one computation; anything omitted comes from the edition's jury settings
 * (method, missing-criteria rule, trimmed-mean minimum, top places, disagreement threshold,
 * tie-break chain). Same fields and Spanish messages as the settings form.
 */
export const consolidationOptions = z
  .object({
    method: jurySettingsFields.shape.consolidationMethod.optional(),
    missingRule: jurySettingsFields.shape.missingRule.optional(),
    rescaleMinCoverage: jurySettingsFields.shape.rescaleMinCoverage.optional(),
    trimmedMinJurors: jurySettingsFields.shape.trimmedMinJurors.optional(),
    disagreementThreshold: jurySettingsFields.shape.disagreementThreshold.optional(),
    topPlaces: jurySettingsFields.shape.topPlaces.optional(),
    tieBreak: jurySettingsFields.shape.tieBreakChain.optional(),
  })
  .default({});

const stageInput = z.object({ editionId: id, stageId: id, options: consolidationOptions });

export const resultsMethods = {
  /** Every method side by side, ranks per category, ties, flags, reliability and chart data. */
  'results.compute': method<ConsolidationReport>('read', ORGANIZER)(stageInput),
  /** Results workbook (.xlsx): ranking per category, per-juror sheets, criteria, conflicts, audit log. */
  'results.exportWorkbook': method<ExportedFile>('read', ORGANIZER)(stageInput),
  /** Acta de calificación (.docx): ranking, method, tie-breaks applied, jurors with signature lines. */
  'results.exportActa': method<ExportedFile>('read', ORGANIZER)(stageInput),
  'results.tieDecisions': method<TieDecisionRecord[]>('read', ORGANIZER)(z.object({ stageId: id })),
  /**
   * Records the organizer's order for entries still tied after the automatic chain (best first).
   * A later decision naming the same entries supersedes an earlier one. Written to the audit
   * log ('tie.decide') in the same transaction.
   */
  'results.recordTieDecision': method<TieDecisionRecord>('write', ['results'], ORGANIZER)(
    z.object({ stageId: id, orderedEntryIds: z.array(id).min(2, { error: t('results.error.decisionTooFew') }).max(500), reason }),
  ),
  /** Withdraws a decision (kept, marked revoked, with the reason; audit action 'tie.revoke'). */
  'results.revokeTieDecision': method<{ revoked: true }>('write', ['results'], ORGANIZER)(z.object({ id, reason })),
};
