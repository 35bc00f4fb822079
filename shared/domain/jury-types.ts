import type { RecordedActor } from './recorded-actor';
/**
 * What the jury services return: jurors, panels, conflicts, assignments, scoring views,
 * stage lock, audit log and juror workbooks. Dates are ISO strings; ids are SQLite integers.
 * The consolidation, results and acta shapes live with their own feature.
 */

export type ConflictBasis = 'iged' | 'dre' | 'region' | 'declared';
export type AbstentionKind = 'abstain' | 'recuse';
export type AssignmentSource = 'manual' | 'auto' | 'topup';
export type ConsolidationMethod = 'mean' | 'median' | 'trimmed' | 'zscore';

/** One step of the tie-break chain, applied in order until the tie is broken. Never random. */
export type TieBreakStep =
  | { kind: 'priorityCriterion'; criterionId: number }
  | { kind: 'higherMedian' }
  | { kind: 'higherMean' }
  | { kind: 'smallerSpread' }
  | { kind: 'organizerDecision' };

/** What happens to a juror's sheet with an applicable criterion left unscored (see shared/scoring/options.ts). */
export type MissingCriteriaRule = 'incomplete' | 'rescale';

export interface ConflictRules {
  /** Juror affiliated with the entry's own IGED. */
  sameIged: boolean;
  /** Juror affiliated with the DRE/GRE above the entry's UGEL. */
  parentDre: boolean;
  /** Juror affiliated with the entry's region, directly or through an IGED in it. */
  sameRegion: boolean;
}

export interface JurySettings {
  editionId: number;
  blindMode: boolean;
  conflictRules: ConflictRules;
  jurorsPerEntry: number;
  /** Fraction of the scale range (0.25 = 25 %). */
  disagreementThreshold: number;
  tieBreakChain: TieBreakStep[];
  consolidationMethod: ConsolidationMethod;
  /** Consolidation rules stored per edition (migration 004); the results, workbook and acta use them. */
  missingRule: MissingCriteriaRule;
  /** Fraction (0–1] of the total's range the scored criteria must cover to be rescaled. */
  rescaleMinCoverage: number;
  /** Fewest counted jurors for the trimmed mean (5 by default). */
  trimmedMinJurors: number;
  /** How many top places are compared between methods. */
  topPlaces: number;
  updatedAt: string;
}

export type Affiliation =
  | { id: number; kind: 'iged'; igedId: number; igedName: string; igedKind: 'dre' | 'ugel'; region: string; note: string }
  | { id: number; kind: 'region'; region: string; note: string };

export interface Juror {
  id: number;
  editionId: number;
  name: string;
  institution: string;
  cargo: string;
  email: string;
  affiliations: Affiliation[];
  withdrawn: boolean;
  withdrawnAt: string | null;
  withdrawnReason: string;
  createdAt: string;
  updatedAt: string;
}

export interface Panel {
  id: number;
  stageId: number;
  /** null: the stage's general panel (entries whose category has no panel). */
  categoryId: number | null;
  categoryName: string | null;
  name: string;
  members: { jurorId: number; name: string; withdrawn: boolean }[];
}

export interface Conflict {
  id: number;
  jurorId: number;
  jurorName: string;
  entryId: number;
  entryCode: string;
  entryTitle: string;
  basis: ConflictBasis;
  /** Why it was detected (e.g. the affiliation's IGED), in Spanish. */
  detail: string;
  declaredReason: string;
  createdAt: string;
  /** In force unless dismissed. */
  inForce: boolean;
  dismissedAt: string | null;
  dismissedReason: string;
}

export type SheetStatus = 'pending' | 'inProgress' | 'submitted' | 'abstained' | 'recused';

export interface AssignmentRow {
  id: number;
  stageId: number;
  jurorId: number;
  jurorName: string;
  entryId: number;
  entryCode: string;
  entryTitle: string;
  categoryId: number | null;
  source: AssignmentSource;
  status: SheetStatus;
  jurorWithdrawn: boolean;
  /** A conflict came into force after the assignment: it does not count and cannot be scored. */
  conflicted: boolean;
  createdAt: string;
}

export interface JurorLoad {
  jurorId: number;
  name: string;
  withdrawn: boolean;
  /** Assignments that count: juror not withdrawn, no conflict, not recused. */
  active: number;
  submitted: number;
  panelIds: number[];
}

export interface LoadsTable {
  stageId: number;
  jurors: JurorLoad[];
  /** Over jurors who are not withdrawn and sit on at least one panel of the stage. */
  min: number;
  max: number;
  /** Entries with fewer counting jurors than the edition's N. */
  shortEntries: { entryId: number; code: string; title: string; active: number; needed: number }[];
}

export interface AssignmentPlanInput {
  stageId: number;
  jurorsPerEntry?: number | undefined;
  seed: number;
}

/** Why an entry could not be given N jurors, in Spanish. */
export interface AssignmentShortfall {
  entryId: number;
  code: string;
  needed: number;
  possible: number;
  message: string;
}

export interface AssignmentPlan {
  stageId: number;
  seed: number;
  jurorsPerEntry: number;
  additions: { entryId: number; entryCode: string; jurorId: number; jurorName: string }[];
  shortfalls: AssignmentShortfall[];
  /** Per panel, max − min of the members' loads after the plan. */
  panels: { panelId: number; name: string; min: number; max: number; balanced: boolean }[];
  /** Spanish explanations of what could not be done (empty when everything fits). */
  problems: string[];
  feasible: boolean;
}

export interface ScoreProgress {
  /** Sheets submitted or abstained/recused. */
  done: number;
  total: number;
}

/** An entry as a juror receives it: in blind mode, igedName and region are null. */
export interface JurorEntryView {
  entryId: number;
  code: string;
  title: string;
  categoryId: number | null;
  categoryName: string;
  igedName: string | null;
  region: string | null;
}

export interface WorklistItem extends JurorEntryView {
  status: SheetStatus;
  scoredCriteria: number;
  criteriaCount: number;
  editable: boolean;
}

export interface Worklist {
  stageId: number;
  stageName: string;
  jurorId: number;
  jurorName: string;
  blindMode: boolean;
  stageClosed: boolean;
  progress: ScoreProgress;
  items: WorklistItem[];
}

export interface ScoreCell {
  criterionId: number;
  value: number | null;
  comment: string;
  updatedAt: string | null;
}

export interface PeerSheet {
  jurorId: number;
  jurorName: string;
  abstention: AbstentionKind | null;
  scores: { criterionId: number; value: number | null }[];
}

export interface SheetCriterion {
  id: number;
  name: string;
  description: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
  scaleStep: number;
  independent: boolean;
  levels: { value: number; label: string; descriptor: string }[];
}

export interface ScoreSheetView {
  stageId: number;
  jurorId: number;
  entry: JurorEntryView & { summary: string; problem: string; results: string; evidenceLinks: string[] };
  criteria: SheetCriterion[];
  scores: ScoreCell[];
  overallComment: string;
  abstention: AbstentionKind | null;
  abstentionReason: string;
  status: SheetStatus;
  submittedAt: string | null;
  editable: boolean;
  /** Why it is read-only, in Spanish ('' when editable). */
  readOnlyReason: string;
  /** Other jurors' submitted sheets: null until this juror has submitted (or abstained on) their own. */
  peers: PeerSheet[] | null;
  /** The next assigned entry in the worklist, for "guardar y siguiente". */
  nextEntryId: number | null;
}

export interface SavedScore {
  cell: ScoreCell;
  status: SheetStatus;
  progress: ScoreProgress;
}

/** A criterion as the grid uses it: its column header and the scale a typed score is checked against. */
export interface GridCriterion {
  id: number;
  name: string;
  scaleMin: number;
  scaleMax: number;
  scaleStep: number;
}

/**
 * One entry's row in the grid, compact: a thousand rows travel at once, so the scores are one
 * array per row rather than an object per cell, and only what the grid shows is sent.
 */
export interface ScoreGridRow {
  entryId: number;
  code: string;
  title: string;
  /** In blind mode, igedName and region are null. */
  igedName: string | null;
  region: string | null;
  status: SheetStatus;
  editable: boolean;
  /** The juror's scores, aligned with ScoreGrid.criteria; null: not scored (always null where the criterion does not apply). */
  values: (number | null)[];
  /** Positions in ScoreGrid.criteria of the criteria that do not apply to this entry's category; absent when all apply. */
  notApplicable?: number[];
}

export interface ScoreGrid {
  stageId: number;
  jurorId: number;
  blindMode: boolean;
  criteria: GridCriterion[];
  rows: ScoreGridRow[];
  progress: ScoreProgress;
}

export interface StageJuryState {
  stageId: number;
  closed: boolean;
  closedAt: string | null;
  closedReason: string;
  sheets: { total: number; submitted: number; abstained: number; pending: number };
}

/** One stage of the edition with its jury state, for the list on the stages screen. */
export interface StageJuryOverview extends StageJuryState {
  stageName: string;
  position: number;
  /** Who closed it, in Spanish ('' while open or when the log has no closing row). */
  closedBy: string;
  /** Every sheet reopening of the stage, oldest first, from the audit log. */
  reopenedSheets: { at: string; byLabel: string; jurorName: string; entryCode: string; entryTitle: string; reason: string }[];
}

export interface AuditEntry {
  id: number;
  at: string;
  /** 'organizer', 'juror:<id>' or 'workbook:<juror id>'. */
  actor: string;
  /** Display label for actor, in Spanish. */
  actorLabel: string;
  /** The device the change was made on (null: rows written before devices were recorded). */
  device: RecordedActor | null;
  /** «Registrado por»: the device's name, or the organizer's own computer; '' for older rows. */
  recordedBy: string;
  action: AuditAction;
  editionId: number | null;
  stageId: number | null;
  jurorId: number | null;
  entryId: number | null;
  criterionId: number | null;
  /** The stored values (JSON), kept for the detail view. */
  oldValue: unknown;
  newValue: unknown;
  reason: string;
  hash: string;
  /** For people: the action, the names behind the ids and the values, in Spanish ('' when the row has none). */
  actionLabel: string;
  jurorName: string;
  entryCode: string;
  entryTitle: string;
  criterionName: string;
  oldText: string;
  newText: string;
}

export type AuditAction =
  | 'score.set'
  | 'sheet.comment'
  | 'sheet.abstain'
  | 'sheet.clearAbstention'
  | 'sheet.submit'
  | 'sheet.reopen'
  | 'stage.close'
  | 'stage.reopen'
  | 'conflict.declare'
  | 'conflict.dismiss'
  | 'conflict.reinstate'
  | 'assignment.add'
  | 'assignment.remove'
  | 'assignment.auto'
  | 'juror.withdraw'
  | 'juror.reinstate'
  | 'workbook.import'
  | 'tie.decide'
  | 'tie.revoke'
  | 'category.create'
  | 'category.update'
  | 'category.delete'
  | 'criterion.create'
  | 'criterion.update'
  | 'criterion.delete'
  | 'stage.create'
  | 'stage.update'
  | 'stage.delete'
  | 'settings.update'
  | 'panel.save'
  | 'panel.delete'
  | 'juror.create'
  | 'juror.update'
  | 'juror.delete'
  | 'config.seal'
  | 'entry.delete'
  | 'audit.keyRestart';

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'score.set',
  'sheet.comment',
  'sheet.abstain',
  'sheet.clearAbstention',
  'sheet.submit',
  'sheet.reopen',
  'stage.close',
  'stage.reopen',
  'conflict.declare',
  'conflict.dismiss',
  'conflict.reinstate',
  'assignment.add',
  'assignment.remove',
  'assignment.auto',
  'juror.withdraw',
  'juror.reinstate',
  'workbook.import',
  'tie.decide',
  'tie.revoke',
  'category.create',
  'category.update',
  'category.delete',
  'criterion.create',
  'criterion.update',
  'criterion.delete',
  'stage.create',
  'stage.update',
  'stage.delete',
  'settings.update',
  'panel.save',
  'panel.delete',
  'juror.create',
  'juror.update',
  'juror.delete',
  'config.seal',
  'entry.delete',
  'audit.keyRestart',
];

export type AuditVerification =
  | { ok: true; rows: number; headHash: string; /** The chain restarted under a new key at this row; earlier rows are not verifiable with it. */ restartedAt?: number }
  /**
   * hash: a row edited in place; link: a row removed or inserted; score: a score that differs
   * from its last audit row (brokenAtId that row, or null when it has none); key: this
   * computer does not have the database's key (brokenAtId null), so nothing can be verified.
   */
  | { ok: false; rows: number; brokenAtId: number | null; problem: 'hash' | 'link' | 'score' | 'sheet' | 'config' | 'key'; message: string };

export type WorkbookCellChange = 'new' | 'changed' | 'unchanged' | 'conflicting' | 'invalid';

export interface WorkbookPreviewRow {
  /** 1-based row in the workbook's scores sheet. */
  row: number;
  entryId: number;
  entryCode: string;
  /** null for the overall comment. */
  criterionId: number | null;
  field: string;
  change: WorkbookCellChange;
  appValue: number | string | null;
  workbookValue: number | string | null;
  message: string;
}

export interface WorkbookPreview {
  token: string;
  fileName: string;
  jurorId: number;
  jurorName: string;
  stageId: number;
  stageName: string;
  counts: Record<WorkbookCellChange, number>;
  /** Only rows that are not 'unchanged', in sheet order. */
  rows: WorkbookPreviewRow[];
  warnings: string[];
  canApply: boolean;
  /** Why «Aplicar» is refused (the service's own message), null when it can be applied. */
  applyBlockedReason: string | null;
}

export interface WorkbookApplyResult {
  applied: number;
  skippedConflicts: number;
  unchanged: number;
}
