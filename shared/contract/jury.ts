import { z } from 'zod';
import { enteredBy, jurorFields, jurySettingsFields, reason, seed, sheetKey } from '../domain/jury-schemas';
import { AUDIT_ACTIONS, type AuditAction } from '../domain/jury-types';
import type {
  AssignmentPlan,
  AssignmentRow,
  AuditEntry,
  AuditVerification,
  Conflict,
  Juror,
  JurySettings,
  LoadsTable,
  Panel,
  SavedScore,
  ScoreGrid,
  ScoreSheetView,
  PeerSheet,
  StageJuryOverview,
  StageJuryState,
  WorkbookApplyResult,
  WorkbookPreview,
  Worklist,
} from '../domain/jury-types';
import { id, optionalText, requiredText } from '../domain/schemas';
import type { ExportedFile } from '../domain/types';
import { method, ORGANIZER, type Access } from './define';
import { uploadedFile } from './upload';

/**
 * A juror's device reaches only that juror's own work: the juror identity is the session's, so a
 * call naming another juror (or a stage or entry of another edition) is refused; what the sheet
 * shows of other jurors (peers, blind review) is the service's rule, as for the organizer.
 */
const OWN_WORK: Access = { juror: { target: 'jurorStage' } };
const OWN_SHEET: Access = { juror: { target: 'ownSheet' } };
/** A juror types as themselves: 'organizer' (transcribing a paper ficha) is the organizer's. */
const OWN_SHEET_TYPED: Access = { juror: { target: 'ownSheet', only: { enteredBy: ['juror'] } } };

/** Jury scoring: settings, jurors, panels, conflicts, assignments, scores, stages, audit. Consolidation, results and acta are declared by their own feature. */
export const juryMethods = {
  // --- Settings (per edition) ---
  'jury.settings.get': method<JurySettings>('read', ORGANIZER)(z.object({ editionId: id })),
  /** Saves blind mode, conflict rules, N, method, consolidation rules (missing criteria, trimmed-mean minimum, top places, disagreement threshold) and tie-break chain; re-detects conflicts. */
  'jury.settings.update': method<JurySettings>('write', ['jury'], ORGANIZER)(z.object({ editionId: id, fields: jurySettingsFields })),

  // --- Jurors ---
  'jurors.list': method<Juror[]>('read', ORGANIZER)(z.object({ editionId: id })),
  'jurors.get': method<Juror>('read', ORGANIZER)(z.object({ id })),
  'jurors.create': method<Juror>('write', ['jury'], ORGANIZER)(z.object({ editionId: id, fields: jurorFields })),
  /** Replaces the juror's data and affiliations; conflicts are re-detected. */
  'jurors.update': method<Juror>('write', ['jury'], ORGANIZER)(z.object({ id, fields: jurorFields })),
  /** Only a juror with no assignment and no score; otherwise withdraw. */
  'jurors.delete': method<{ deleted: true }>('write', ['jury'], ORGANIZER)(z.object({ id })),
  /** Keeps the juror's past work; their open assignments stop counting (top up to replace them). */
  'jurors.withdraw': method<Juror>('write', ['jury'], ORGANIZER)(z.object({ id, reason })),
  'jurors.reinstate': method<Juror>('write', ['jury'], ORGANIZER)(z.object({ id })),

  // --- Panels (per stage and category) ---
  'panels.list': method<Panel[]>('read', ORGANIZER)(z.object({ stageId: id })),
  /** Creates or replaces the panel of (stage, category); categoryId null is the stage's general panel. */
  'panels.save': method<Panel>('write', ['jury'], ORGANIZER)(
    z.object({ stageId: id, categoryId: id.nullable(), name: optionalText(200), jurorIds: z.array(id).max(500) }),
  ),
  'panels.delete': method<{ deleted: true }>('write', ['jury'], ORGANIZER)(z.object({ id })),

  // --- Conflicts of interest ---
  /** Detected (kept current with affiliations, entries and rules) and declared conflicts. */
  'conflicts.list': method<Conflict[]>('read', ORGANIZER)(
    z.object({ editionId: id, jurorId: id.optional(), entryId: id.optional(), includeDismissed: z.boolean().default(true) }),
  ),
  'conflicts.declare': method<Conflict>('write', ['jury'], ORGANIZER)(z.object({ jurorId: id, entryId: id, reason })),
  /** Organizer only; the reason is kept with the conflict and in the audit log. */
  'conflicts.dismiss': method<Conflict>('write', ['jury'], ORGANIZER)(z.object({ id, reason })),
  'conflicts.reinstate': method<Conflict>('write', ['jury'], ORGANIZER)(z.object({ id, reason })),

  // --- Assignment ---
  'assignments.list': method<AssignmentRow[]>('read', ORGANIZER)(z.object({ stageId: id, jurorId: id.optional() })),
  /** Loads per juror and entries short of N (the edition's N unless given). */
  'assignments.loads': method<LoadsTable>('read', ORGANIZER)(z.object({ stageId: id, jurorsPerEntry: z.number().int().min(1).max(50).optional() })),
  /** Manual assignment; refused for a conflicted or withdrawn juror. */
  'assignments.add': method<AssignmentRow>('write', ['jury'], ORGANIZER)(z.object({ stageId: id, jurorId: id, entryId: id })),
  /** Refused once the juror has scored or submitted the entry. */
  'assignments.remove': method<{ removed: true }>('write', ['jury'], ORGANIZER)(z.object({ stageId: id, jurorId: id, entryId: id })),
  /**
   * What automatic assignment would add: every entry completed to N counting jurors from its
   * category's panel, conflicts respected, loads balanced, deterministic for the seed. Writes nothing.
   */
  'assignments.plan': method<AssignmentPlan>('read', ORGANIZER)(
    z.object({ stageId: id, jurorsPerEntry: z.number().int().min(1).max(50).optional(), seed }),
  ),
  /**
   * Applies the same plan (also the "top up" after a withdrawal: existing assignments are kept).
   * Refused when some entry cannot get N jurors, unless allowPartial.
   */
  'assignments.auto': method<AssignmentPlan>('write', ['jury'], ORGANIZER)(
    z.object({ stageId: id, jurorsPerEntry: z.number().int().min(1).max(50).optional(), seed, allowPartial: z.boolean().default(false) }),
  ),

  // --- Scoring (juror side) ---
  /** The juror's assigned entries with status and progress (n of m); blind mode applied. */
  'scores.worklist': method<Worklist>('read', OWN_WORK)(z.object({ stageId: id, jurorId: id })),
  /** One sheet: entry, rubric with level descriptors, own scores and comments; peers only after submitting. */
  'scores.sheet': method<ScoreSheetView>('read', OWN_SHEET)(sheetKey),
  /** Entries × criteria for jurors who score many entries. */
  'scores.grid': method<ScoreGrid>('read', OWN_WORK)(z.object({ stageId: id, jurorId: id })),
  /**
   * Sets one criterion's score and/or comment (omit a field to keep it; value null clears it).
   * Refused outside the scale or off its step. Durable (synchronous=FULL) before it returns.
   */
  'scores.set': method<SavedScore>('write', ['scores'], OWN_SHEET_TYPED)(
    sheetKey.extend({
      criterionId: id,
      value: z.number().nullable().optional(),
      comment: z.string().trim().max(4000).optional(),
      enteredBy,
    }),
  ),
  /** Other jurors' submitted sheets for an entry: refused until the caller has submitted their own. */
  'scores.peers': method<PeerSheet[]>('read', OWN_SHEET)(sheetKey),
  'sheets.setComment': method<ScoreSheetView>('write', ['scores'], OWN_SHEET_TYPED)(sheetKey.extend({ comment: optionalText(8000), enteredBy })),
  'sheets.abstain': method<ScoreSheetView>('write', ['scores'], OWN_SHEET_TYPED)(sheetKey.extend({ kind: z.enum(['abstain', 'recuse']), reason, enteredBy })),
  'sheets.clearAbstention': method<ScoreSheetView>('write', ['scores'], OWN_SHEET_TYPED)(sheetKey.extend({ enteredBy })),
  /** Requires every applicable criterion scored (or an abstention); then read-only. */
  'sheets.submit': method<ScoreSheetView>('write', ['scores'], OWN_SHEET_TYPED)(sheetKey.extend({ enteredBy })),
  /** Organizer: makes a submitted sheet, or one sheet of a closed stage, editable again. */
  'sheets.reopen': method<ScoreSheetView>('write', ['scores'], ORGANIZER)(sheetKey.extend({ reason })),

  // --- Stage lock ---
  'juryStages.state': method<StageJuryState>('read', ORGANIZER)(z.object({ stageId: id })),
  /** Every stage of the edition with its state, who closed it and the sheets reopened with their reason. */
  'juryStages.list': method<StageJuryOverview[]>('read', ORGANIZER)(z.object({ editionId: id })),
  'juryStages.close': method<StageJuryState>('write', ['jury'], ORGANIZER)(z.object({ stageId: id, reason: optionalText(2000) })),
  'juryStages.reopen': method<StageJuryState>('write', ['jury'], ORGANIZER)(z.object({ stageId: id, reason })),

  // --- Audit log ---
  'audit.list': method<{ total: number; rows: AuditEntry[] }>('read', ORGANIZER)(
    z.object({
      editionId: id.optional(),
      stageId: id.optional(),
      jurorId: id.optional(),
      entryId: id.optional(),
      action: z.enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]]).optional(),
      limit: z.number().int().min(1).max(5000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
  ),
  /**
   * Recomputes the whole keyed chain and checks every score against its last audit row: ok, or
   * the first row (or score) that was altered, or that this computer lacks the database's key.
   */
  'audit.verify': method<AuditVerification>('read', ORGANIZER)(z.object({})),
  /** Whether this computer holds the key of the open database (docs/seguridad.md). */
  'audit.keyStatus': method<{ keyId: string; present: boolean }>('read', ORGANIZER)(z.object({})),
  /** The key as a file, to carry to another computer together with the database. */
  'audit.exportKey': method<ExportedFile>('read', ORGANIZER)(z.object({})),
  /** Installs the key exported on another computer; refused unless it is this database's. */
  'audit.importKey': method<AuditVerification>('write', ['jury', 'results'], ORGANIZER)(uploadedFile),
  /** Organizer, when the key is lost: the chain goes on under a new key from an audited marker row (with the old final hash and the reason). */
  'audit.restartKey': method<AuditVerification>('write', ['jury', 'results'], ORGANIZER)(z.object({ reason })),

  // --- Offline juror workbooks ---
  'juryWorkbooks.export': method<ExportedFile>('read', OWN_WORK)(z.object({ stageId: id, jurorId: id })),
  /** Parses (off the main thread), checks identity and structure, and compares with the app. Writes nothing. */
  'juryWorkbooks.preview': method<WorkbookPreview>('read', OWN_WORK)(uploadedFile.extend({ stageId: id, jurorId: id })),
  /** Applies a preview in one transaction; conflicting cells keep the app's value unless 'workbook'. */
  'juryWorkbooks.apply': method<WorkbookApplyResult>('write', ['scores', 'backups'], { juror: { target: 'workbookPreview' } })(
    z.object({ token: requiredText(100), conflicts: z.enum(['keepApp', 'workbook']).default('keepApp') }),
  ),
};
