import type { ConsolidationResult } from './result';

/** What `results.compute` returns: the pure result plus the names the screens and files need. */
export interface ConsolidationReport {
  editionId: number;
  editionName: string;
  stageId: number;
  stageName: string;
  /** Scores are read-only: the ranking is final unless a sheet is reopened. */
  stageClosed: boolean;
  categories: { id: number | null; name: string }[];
  criteria: { id: number; name: string; weight: number; scaleMin: number; scaleMax: number; independent: boolean }[];
  jurors: { id: number; name: string; institution: string; cargo: string }[];
  /** Assigned sheets not yet submitted: the consolidation leaves them out. */
  pendingSheets: number;
  /** Submitted sheets of a juror whose conflict of interest with the entry is in force: left out. */
  conflictedSheets: number;
  decisions: TieDecisionRecord[];
  result: ConsolidationResult;
}

export interface TieDecisionRecord {
  id: number;
  stageId: number;
  categoryId: number | null;
  orderedEntryIds: number[];
  reason: string;
  decidedAt: string;
}
