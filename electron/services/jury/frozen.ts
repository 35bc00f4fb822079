import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { queryOne } from '../../db/query';

/**
 * A closed stage is a frozen record: everything its results are computed from must stay as it
 * was when it was closed, or the "closed" ranking would silently change (a weight moved from 30
 * to 35 re-orders it; a criterion added leaves every entry incomplete). Changing any of it takes
 * reopening the stage, with a reason, which the audit log keeps.
 *
 * Criteria, categories and consolidation rules belong to the edition, so one closed stage
 * freezes them for the whole edition; panels, assignments and the cut-off belong to one stage.
 */

function firstClosedStage(db: Db, editionId: number): string | undefined {
  return queryOne<{ name: string }>(
    db,
    `SELECT s.name FROM stage s JOIN stage_jury_state j ON j.stage_id = s.id
         WHERE s.edition_id = ? AND j.closed_at IS NOT NULL ORDER BY s.position, s.id LIMIT 1`,
    editionId,
  )?.name;
}

/** Refuses a change to the edition's categories, criteria (weights, scales, rubrics) or consolidation rules. */
export function assertEditionNotFrozen(db: Db, editionId: number): void {
  const stage = firstClosedStage(db, editionId);
  if (stage !== undefined) throw new AppError('jury.frozen.edition', { stage });
}

/** Refuses a change to one stage's panel, assignments or cut-off while it is closed. */
export function assertStageNotFrozen(db: Db, stageId: number): void {
  const row = queryOne<{ name: string }>(
    db,
    `SELECT s.name FROM stage s JOIN stage_jury_state j ON j.stage_id = s.id WHERE s.id = ? AND j.closed_at IS NOT NULL`,
    stageId,
  );
  if (row) throw new AppError('jury.frozen.stage', { stage: row.name });
}

/**
 * Refuses deleting an entry, or changing what places it in a ranking or decides its conflicts
 * (category, IGED, region), while a closed stage counts a sheet for it.
 */
export function assertEntryNotFrozen(db: Db, entryId: number): void {
  const row = queryOne<{ stage: string; entry: string }>(
    db,
    `SELECT s.name AS stage, e.code AS entry FROM score_sheet h
       JOIN stage_jury_state c ON c.stage_id = h.stage_id AND c.closed_at IS NOT NULL
       JOIN stage s ON s.id = h.stage_id JOIN entry e ON e.id = h.entry_id
       WHERE h.entry_id = ? AND h.submitted_at IS NOT NULL ORDER BY s.position LIMIT 1`,
    entryId,
  );
  if (row) throw new AppError('jury.frozen.entry', row);
}

/**
 * Refuses a change to a juror's conflicts with an entry, or to the juror's affiliations (which
 * decide their conflicts), while a closed stage counts a sheet they submitted: the conflict
 * decides whether that sheet is in the closed ranking. entryId null: any entry.
 */
export function assertJurorSheetsNotFrozen(db: Db, jurorId: number, entryId: number | null): void {
  const row = queryOne<{ stage: string; juror: string; entry: string }>(
    db,
    `SELECT s.name AS stage, j.name AS juror, e.code AS entry
       FROM score_sheet h JOIN stage_jury_state c ON c.stage_id = h.stage_id AND c.closed_at IS NOT NULL
       JOIN stage s ON s.id = h.stage_id JOIN juror j ON j.id = h.juror_id JOIN entry e ON e.id = h.entry_id
       WHERE h.juror_id = ? AND (? IS NULL OR h.entry_id = ?) AND h.submitted_at IS NOT NULL
       ORDER BY s.position LIMIT 1`,
    jurorId, entryId, entryId,
  );
  if (row) throw new AppError('jury.frozen.juror', row);
}
