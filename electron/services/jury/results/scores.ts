import { SCORED, type ScoringCriterion, type SheetColumns } from '../../../../shared/scoring';
import type { Db } from '../../../db/open';
import { ROW_SINK, streamRows } from '../../../db/row-stream';
import { SheetsByEntry } from './by-entry';

/**
 * Fills the values of the scored sheets, streaming the stage's scores (db/row-stream.ts): each
 * value arrives as the double SQLite stores and goes straight to its cell. Scores come in the
 * primary key's order, so the sheet is looked up only when the juror or entry changes (once
 * every dozen scores or so). Scores of sheets that do not count, and of criteria that are not
 * the edition's, are skipped; NULL values are not scores.
 */
export function fillScores(db: Db, stageId: number, criteria: readonly ScoringCriterion[], sheets: SheetColumns): void {
  const rows = new SheetsByEntry(sheets, (s) => sheets.status[s] === SCORED);
  if (rows.count === 0 || criteria.length === 0) return;
  const width = criteria.length;
  const columnOf = new Int32Array(Math.max(...criteria.map((c) => c.id)) + 1).fill(-1); // criterion id → column
  criteria.forEach((c, i) => (columnOf[c.id] = i));
  const { values } = sheets;
  let lastEntry = -1;
  let lastJuror = -1;
  let offset = -1;
  streamRows(
    db,
    `SELECT count(${ROW_SINK}(entry_id, juror_id, criterion_id, value)) FROM score WHERE stage_id = ? AND value IS NOT NULL`,
    [stageId],
    (entryId, jurorId, criterionId, value) => {
      if (jurorId !== lastJuror || entryId !== lastEntry) {
        lastEntry = entryId;
        lastJuror = jurorId;
        const row = rows.find(entryId - rows.e0, jurorId);
        offset = row < 0 ? -1 : row * width;
      }
      const column = criterionId < columnOf.length ? (columnOf[criterionId] as number) : -1;
      if (offset >= 0 && column >= 0) values[offset + column] = value;
    },
  );
}
