import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { queryAll, queryOne } from '../../db/query';
import { assertEditable } from '../editions/write';

/** Rows every jury service needs, loaded with the edition they belong to so callers can check it matches. */

export interface StageRow {
  id: number;
  edition_id: number;
  name: string;
  position: number;
}

export interface JurorRow {
  id: number;
  edition_id: number;
  name: string;
  withdrawn_at: string | null;
}

export interface EntryRefRow {
  id: number;
  edition_id: number;
  code: string;
  title: string;
  category_id: number | null;
}

export function loadStage(db: Db, stageId: number): StageRow {
  const row = queryOne<StageRow>(db, `SELECT id, edition_id, name, position FROM stage WHERE id = ?`, stageId);
  if (!row) throw new AppError('jury.stage.notFound');
  return row;
}

export function loadJuror(db: Db, jurorId: number, editionId?: number): JurorRow {
  const row = queryOne<JurorRow>(db, `SELECT id, edition_id, name, withdrawn_at FROM juror WHERE id = ?`, jurorId);
  if (!row) throw new AppError('jury.juror.notFound');
  if (editionId !== undefined && row.edition_id !== editionId) throw new AppError('jury.juror.foreign');
  return row;
}

export function loadEntry(db: Db, entryId: number, editionId?: number): EntryRefRow {
  const row = queryOne<EntryRefRow>(db, `SELECT id, edition_id, code, title, category_id FROM entry WHERE id = ?`, entryId);
  if (!row || (editionId !== undefined && row.edition_id !== editionId)) throw new AppError('error.entry.notFound');
  return row;
}

/** Stage, juror and entry of one sheet, checked to belong to the same, editable edition. */
export function loadSheetRefs(db: Db, key: { stageId: number; jurorId: number; entryId: number }, opts: { editable: boolean }) {
  const stage = loadStage(db, key.stageId);
  if (opts.editable) assertEditable(db, stage.edition_id);
  const juror = loadJuror(db, key.jurorId, stage.edition_id);
  const entry = loadEntry(db, key.entryId, stage.edition_id);
  return { stage, juror, entry };
}

export function stageClosedAt(db: Db, stageId: number): string | null {
  const row = queryOne<{ closed_at: string | null }>(db, `SELECT closed_at FROM stage_jury_state WHERE stage_id = ?`, stageId);
  return row?.closed_at ?? null;
}

/** A conflict in force between the juror and the entry (dismissed ones do not count). */
export function hasConflict(db: Db, jurorId: number, entryId: number): boolean {
  return !!queryOne(db, `SELECT 1 FROM conflict WHERE juror_id = ? AND entry_id = ? AND dismissed_at IS NULL`, jurorId, entryId);
}

/**
 * Entries taking part in a stage: every entry of the edition, except those marked «no pasa»
 * in an earlier stage. Ordered by code.
 */
export function entriesInStage(db: Db, stage: StageRow): EntryRefRow[] {
  return queryAll<EntryRefRow>(
    db,
    `SELECT e.id, e.edition_id, e.code, e.title, e.category_id FROM entry e
       WHERE e.edition_id = ? AND NOT EXISTS (
         SELECT 1 FROM entry_stage_status s JOIN stage st ON st.id = s.stage_id
         WHERE s.entry_id = e.id AND s.status = 'notPassed' AND st.position < ?)
       ORDER BY e.code`,
    stage.edition_id, stage.position,
  );
}

export function inStage(db: Db, stage: StageRow, entryId: number): boolean {
  return !queryOne(
    db,
    `SELECT 1 FROM entry_stage_status s JOIN stage st ON st.id = s.stage_id
       WHERE s.entry_id = ? AND s.status = 'notPassed' AND st.position < ? AND st.edition_id = ?`,
    entryId, stage.position, stage.edition_id,
  );
}
