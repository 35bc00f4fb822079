import type { WorkbookApplyResult } from '../../../../shared/domain/jury-types';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { queryOne } from '../../../db/query';
import { getSheet } from '../scoring/sheet-state';
import { setOverallComment, setScore } from '../scoring/write';
import type { PendingImport } from './preview';

/**
 * Applies a preview's changes. Must run inside one transaction (the caller's): every write goes
 * through the same checks as typing in the app, and if the app changed any of these cells since
 * the preview, nothing is applied. Conflicting cells keep the app's value unless asked otherwise.
 */
export function applyWorkbook(db: Db, pending: PendingImport, conflicts: 'keepApp' | 'workbook', now: string): WorkbookApplyResult {
  let applied = 0;
  let skippedConflicts = 0;
  for (const change of pending.changes) {
    const inApp = change.criterionId === null
      ? (getSheet(db, pending.stageId, pending.jurorId, change.entryId)?.overall_comment ?? '')
      : (queryOne<{ value: number | null }>(
        db,
        `SELECT value FROM score WHERE stage_id = ? AND juror_id = ? AND entry_id = ? AND criterion_id = ?`,
        pending.stageId, pending.jurorId, change.entryId, change.criterionId,
      )?.value ?? null);
    if (inApp !== change.appValue) throw new AppError('jury.workbook.changedSincePreview');
    if (change.conflicting && conflicts === 'keepApp') {
      skippedConflicts++;
      continue;
    }
    const key = { stageId: pending.stageId, jurorId: pending.jurorId, entryId: change.entryId };
    if (change.criterionId === null) setOverallComment(db, { ...key, comment: String(change.workbookValue ?? ''), enteredBy: 'workbook' }, now);
    else setScore(db, { ...key, criterionId: change.criterionId, value: change.workbookValue as number | null, enteredBy: 'workbook' }, now);
    applied++;
  }
  return { applied, skippedConflicts, unchanged: pending.unchanged };
}
