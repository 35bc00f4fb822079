import type { AbstentionKind, SheetStatus } from '../../../../shared/domain/jury-types';
import { AppError } from '../../../../shared/errors';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { execute, queryOne } from '../../../db/query';
import { stageClosedAt, type StageRow } from '../lookup';

export interface SheetRow {
  id: number;
  stage_id: number;
  juror_id: number;
  entry_id: number;
  overall_comment: string;
  abstention: AbstentionKind | null;
  abstention_reason: string;
  submitted_at: string | null;
  reopened_at: string | null;
  reopen_reason: string;
  updated_at: string;
}

export function getSheet(db: Db, stageId: number, jurorId: number, entryId: number): SheetRow | undefined {
  return queryOne<SheetRow>(db, `SELECT * FROM score_sheet WHERE stage_id = ? AND juror_id = ? AND entry_id = ?`, stageId, jurorId, entryId);
}

/** The sheet row, created empty on first write. */
export function ensureSheet(db: Db, stageId: number, jurorId: number, entryId: number, now: string): SheetRow {
  execute(db, `INSERT OR IGNORE INTO score_sheet (stage_id, juror_id, entry_id, updated_at) VALUES (?, ?, ?, ?)`, stageId, jurorId, entryId, now);
  return getSheet(db, stageId, jurorId, entryId) as SheetRow;
}

export function statusOf(sheet: Pick<SheetRow, 'abstention' | 'submitted_at'> | undefined, scored: number): SheetStatus {
  if (sheet?.abstention === 'recuse') return 'recused';
  if (sheet?.abstention === 'abstain') return 'abstained';
  if (sheet?.submitted_at) return 'submitted';
  return scored > 0 ? 'inProgress' : 'pending';
}

/**
 * Why a sheet cannot be written now ('' when it can). A closed stage is read-only except a sheet
 * reopened after the closing and not yet submitted again; a submitted sheet is read-only until
 * reopened.
 */
export function readOnlyReason(sheet: Pick<SheetRow, 'submitted_at' | 'reopened_at'> | undefined, stage: StageRow, closedAt: string | null): string {
  if (closedAt !== null) {
    const reopenedSince = !!sheet?.reopened_at && sheet.reopened_at >= closedAt && !sheet.submitted_at;
    if (!reopenedSince) return t('jury.score.stageClosed', { stage: stage.name });
    return '';
  }
  if (sheet?.submitted_at) return t('jury.score.submitted');
  return '';
}

export function assertWritable(db: Db, sheet: SheetRow | undefined, stage: StageRow): void {
  const closedAt = stageClosedAt(db, stage.id);
  if (closedAt !== null && readOnlyReason(sheet, stage, closedAt)) throw new AppError('jury.score.stageClosed', { stage: stage.name });
  if (closedAt === null && sheet?.submitted_at) throw new AppError('jury.score.submitted');
}
