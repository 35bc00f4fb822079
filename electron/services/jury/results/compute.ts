import { consolidateColumns, toSheets, type ConsolidationOptions, type ConsolidationReport, type ScoreSheet } from '../../../../shared/scoring';
import type { Db } from '../../../db/open';
import { asTieDecisions, listDecisions } from './decisions';
import { loadStageData } from './load';
import { resolveOptions } from './options';

/** The report plus the sheets it was computed from (the workbook's per-juror sheets reuse them). */
export interface ComputedStage {
  report: ConsolidationReport;
  sheets: readonly ScoreSheet[];
}

/** Reads the stage and consolidates it: what the results screen, the workbook and the acta share. */
export function computeStage(db: Db, editionId: number, stageId: number, overrides: Partial<ConsolidationOptions> = {}): ComputedStage {
  const { report, input } = compute(db, editionId, stageId, overrides);
  return { report, sheets: toSheets(input.criteria, input.sheets) };
}

/** The report alone: the sheets stay in columns, never turned into an object per sheet. */
export function computeReport(db: Db, editionId: number, stageId: number, overrides: Partial<ConsolidationOptions> = {}): ConsolidationReport {
  return compute(db, editionId, stageId, overrides).report;
}

function compute(db: Db, editionId: number, stageId: number, overrides: Partial<ConsolidationOptions>) {
  const { meta, input } = loadStageData(db, editionId, stageId);
  const options = resolveOptions(db, editionId, overrides);
  const decisions = listDecisions(db, stageId);
  const result = consolidateColumns({ ...input, decisions: asTieDecisions(decisions) }, options);
  return { report: { ...meta, decisions, result }, input };
}
