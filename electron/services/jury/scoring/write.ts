import { normalizeScore, scoreIssue } from '../../../../shared/domain/jury-schemas';
import type { AbstentionKind } from '../../../../shared/domain/jury-types';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { appendAudit } from '../audit/chain';
import { declareConflict } from '../conflicts/store';
import { loadSheetRefs, stageClosedAt } from '../lookup';
import { assertAssigned } from './read';
import { assertWritable, ensureSheet, getSheet, type SheetRow } from './sheet-state';
import { applies } from '../../../../shared/scoring/scale';
import { execute, queryAll, queryOne } from '../../../db/query';
import { criterionForScoring, editionCriteria } from './views';

export interface SheetKey {
  stageId: number;
  jurorId: number;
  entryId: number;
}

/** Who typed a change: the juror in the app, the organizer for them, or the juror's offline workbook. */
export type EnteredBy = 'juror' | 'organizer' | 'workbook';

/** The audit label of whoever typed a change. */
export function actorOf(enteredBy: EnteredBy, jurorId: number): string {
  return enteredBy === 'organizer' ? 'organizer' : `${enteredBy}:${jurorId}`;
}

/**
 * Everything a juror-side write must pass: same editable edition, juror not withdrawn,
 * assigned without a conflict, sheet writable (stage open or sheet reopened, not submitted).
 * Conflicts are not re-detected here (that scans jurors × entries): every path that changes
 * their inputs in this feature refreshes them, and reads refresh them before showing anything.
 */
function openForWriting(db: Db, key: SheetKey, now: string, opts: { allowAbstained: boolean }) {
  const refs = loadSheetRefs(db, key, { editable: true });
  if (refs.juror.withdrawn_at) throw new AppError('jury.juror.withdrawn', { name: refs.juror.name });
  assertAssigned(db, refs.stage, key.jurorId, key.entryId);
  const sheet = getSheet(db, key.stageId, key.jurorId, key.entryId);
  assertWritable(db, sheet, refs.stage);
  if (sheet?.abstention && !opts.allowAbstained) throw new AppError('jury.score.abstained');
  return { ...refs, sheet: sheet ?? ensureSheet(db, key.stageId, key.jurorId, key.entryId, now) };
}

function touchSheet(db: Db, sheet: SheetRow, now: string): void {
  execute(db, `UPDATE score_sheet SET updated_at = ? WHERE id = ?`, now, sheet.id);
}

/** Why a change is made after a reopening: the organizer's reason, so the audit row explains it. */
function changeReason(sheet: SheetRow): string {
  return sheet.reopened_at ? sheet.reopen_reason : '';
}

export function setScore(
  db: Db,
  input: SheetKey & { criterionId: number; value?: number | null | undefined; comment?: string | undefined; enteredBy: EnteredBy },
  now: string,
): void {
  const { stage, entry, sheet } = openForWriting(db, input, now, { allowAbstained: false });
  const criterion = criterionForScoring(db, input.criterionId, stage.edition_id);
  if (!criterion) throw new AppError('jury.score.criterionForeign');
  if (!applies(criterion, entry.category_id)) throw new AppError('jury.score.criterionNotApplicable', { criterion: criterion.name });
  let value = input.value;
  if (value !== undefined && value !== null) {
    const issue = scoreIssue(value, criterion);
    if (issue) throw new AppError(issue.key, issue.params);
    value = normalizeScore(value, criterion);
  }
  const old = queryOne<{ value: number | null; comment: string }>(
    db,
    `SELECT value, comment FROM score WHERE stage_id = ? AND entry_id = ? AND juror_id = ? AND criterion_id = ?`,
    input.stageId, input.entryId, input.jurorId, input.criterionId,
  );
  const next = { value: value === undefined ? (old?.value ?? null) : value, comment: input.comment ?? old?.comment ?? '' };
  if (old && old.value === next.value && old.comment === next.comment) return;
  if (!old && next.value === null && next.comment === '') return;
  execute(
    db,
    `INSERT INTO score (stage_id, entry_id, juror_id, criterion_id, value, comment, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (stage_id, entry_id, juror_id, criterion_id) DO UPDATE SET value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at`,
    input.stageId, input.entryId, input.jurorId, input.criterionId, next.value, next.comment, now,
  );
  touchSheet(db, sheet, now);
  appendAudit(db, {
    at: now,
    actor: actorOf(input.enteredBy, input.jurorId),
    action: 'score.set',
    editionId: stage.edition_id,
    stageId: input.stageId,
    jurorId: input.jurorId,
    entryId: input.entryId,
    criterionId: input.criterionId,
    oldValue: old ?? null,
    newValue: next,
    reason: changeReason(sheet),
  });
}

export function setOverallComment(db: Db, input: SheetKey & { comment: string; enteredBy: EnteredBy }, now: string): void {
  const { stage, sheet } = openForWriting(db, input, now, { allowAbstained: true });
  if (sheet.overall_comment === input.comment) return;
  execute(db, `UPDATE score_sheet SET overall_comment = ?, updated_at = ? WHERE id = ?`, input.comment, now, sheet.id);
  appendAudit(db, {
    at: now,
    actor: actorOf(input.enteredBy, input.jurorId),
    action: 'sheet.comment',
    editionId: stage.edition_id,
    stageId: input.stageId,
    jurorId: input.jurorId,
    entryId: input.entryId,
    oldValue: sheet.overall_comment,
    newValue: input.comment,
    reason: changeReason(sheet),
  });
}

/**
 * Abstention and recusal end the sheet (it counts as done, with its reason). A recusal is also
 * a declared conflict of interest, so the juror stops seeing the entry's scores at once.
 */
export function abstain(db: Db, input: SheetKey & { kind: AbstentionKind; reason: string; enteredBy: EnteredBy }, now: string): void {
  const { stage, sheet } = openForWriting(db, input, now, { allowAbstained: true });
  const actor = actorOf(input.enteredBy, input.jurorId);
  execute(
    db,
    `UPDATE score_sheet SET abstention = ?, abstention_reason = ?, submitted_at = ?, updated_at = ? WHERE id = ?`,
    input.kind, input.reason, now, now, sheet.id,
  );
  appendAudit(db, {
    at: now,
    actor,
    action: 'sheet.abstain',
    editionId: stage.edition_id,
    stageId: input.stageId,
    jurorId: input.jurorId,
    entryId: input.entryId,
    oldValue: sheet.abstention,
    newValue: input.kind,
    reason: input.reason,
  });
  if (input.kind === 'recuse') declareConflict(db, stage.edition_id, input.jurorId, input.entryId, input.reason, now, actor);
}

export function clearAbstention(db: Db, input: SheetKey & { enteredBy: EnteredBy }, now: string): void {
  const { stage, sheet } = openForWriting(db, input, now, { allowAbstained: true });
  if (!sheet.abstention) throw new AppError('jury.sheet.notAbstained');
  execute(db, `UPDATE score_sheet SET abstention = NULL, abstention_reason = '', updated_at = ? WHERE id = ?`, now, sheet.id);
  appendAudit(db, {
    at: now,
    actor: actorOf(input.enteredBy, input.jurorId),
    action: 'sheet.clearAbstention',
    editionId: stage.edition_id,
    stageId: input.stageId,
    jurorId: input.jurorId,
    entryId: input.entryId,
    oldValue: sheet.abstention,
    newValue: null,
    reason: changeReason(sheet),
  });
}

export function submitSheet(db: Db, input: SheetKey & { enteredBy: EnteredBy }, now: string): void {
  const { stage, entry, sheet } = openForWriting(db, input, now, { allowAbstained: true });
  if (!sheet.abstention) {
    const values = queryAll<{ criterion_id: number; value: number | null }>(
      db,
      `SELECT criterion_id, value FROM score WHERE stage_id = ? AND juror_id = ? AND entry_id = ?`,
      input.stageId, input.jurorId, input.entryId,
    );
    const scored = new Set(values.filter((v) => v.value !== null).map((v) => v.criterion_id));
    const missing = editionCriteria(db, stage.edition_id).filter((c) => applies(c, entry.category_id) && !scored.has(c.id));
    if (missing.length > 0) throw new AppError('jury.score.missing', { criteria: missing.map((c) => c.name).join(', ') });
  }
  execute(db, `UPDATE score_sheet SET submitted_at = ?, updated_at = ? WHERE id = ?`, now, now, sheet.id);
  appendAudit(db, {
    at: now,
    actor: actorOf(input.enteredBy, input.jurorId),
    action: 'sheet.submit',
    editionId: stage.edition_id,
    stageId: input.stageId,
    jurorId: input.jurorId,
    entryId: input.entryId,
    reason: changeReason(sheet),
  });
}

/** Organizer: a submitted sheet, or any sheet of a closed stage, becomes editable again. */
export function reopenSheet(db: Db, input: SheetKey & { reason: string }, now: string): void {
  const { stage } = loadSheetRefs(db, input, { editable: true });
  assertAssigned(db, stage, input.jurorId, input.entryId);
  const sheet = ensureSheet(db, input.stageId, input.jurorId, input.entryId, now);
  const closed = stageClosedAt(db, stage.id) !== null;
  if (!sheet.submitted_at && !closed) throw new AppError('jury.sheet.notSubmitted');
  execute(db, `UPDATE score_sheet SET submitted_at = NULL, reopened_at = ?, reopen_reason = ?, updated_at = ? WHERE id = ?`, now, input.reason, now, sheet.id);
  appendAudit(db, {
    at: now,
    actor: 'organizer',
    action: 'sheet.reopen',
    editionId: stage.edition_id,
    stageId: input.stageId,
    jurorId: input.jurorId,
    entryId: input.entryId,
    oldValue: { submittedAt: sheet.submitted_at },
    newValue: { submittedAt: null },
    reason: input.reason,
  });
}
