import type { AssignmentRow } from '../../../../shared/domain/jury-types';
import type { Db } from '../../../db/open';
import { queryAll } from '../../../db/query';
import { statusOf, type SheetRow } from '../scoring/sheet-state';

interface Row {
  id: number;
  stage_id: number;
  juror_id: number;
  juror_name: string;
  withdrawn: number;
  entry_id: number;
  entry_code: string;
  entry_title: string;
  category_id: number | null;
  source: AssignmentRow['source'];
  created_at: string;
  conflicted: number;
  abstention: SheetRow['abstention'];
  submitted_at: string | null;
  scored: number;
}

/**
 * Every assignment of a stage with its sheet status. One query: the loads table, the plan and
 * the worklist all start from it.
 */
export function assignmentRows(db: Db, stageId: number, jurorId?: number): AssignmentRow[] {
  const rows = queryAll<Row>(
    db,
    `SELECT a.id, a.stage_id, a.juror_id, j.name AS juror_name, j.withdrawn_at IS NOT NULL AS withdrawn,
              a.entry_id, e.code AS entry_code, e.title AS entry_title, e.category_id, a.source, a.created_at,
              EXISTS (SELECT 1 FROM conflict c WHERE c.juror_id = a.juror_id AND c.entry_id = a.entry_id AND c.dismissed_at IS NULL) AS conflicted,
              s.abstention, s.submitted_at,
              (SELECT count(*) FROM score sc WHERE sc.stage_id = a.stage_id AND sc.juror_id = a.juror_id AND sc.entry_id = a.entry_id AND sc.value IS NOT NULL) AS scored
       FROM assignment a
       JOIN juror j ON j.id = a.juror_id
       JOIN entry e ON e.id = a.entry_id
       LEFT JOIN score_sheet s ON s.stage_id = a.stage_id AND s.juror_id = a.juror_id AND s.entry_id = a.entry_id
       WHERE a.stage_id = ? ${jurorId === undefined ? '' : 'AND a.juror_id = ?'}
       ORDER BY e.code, j.name COLLATE NOCASE`,
    ...(jurorId === undefined ? [stageId] : [stageId, jurorId]),
  );
  return rows.map((r) => ({
    id: r.id,
    stageId: r.stage_id,
    jurorId: r.juror_id,
    jurorName: r.juror_name,
    entryId: r.entry_id,
    entryCode: r.entry_code,
    entryTitle: r.entry_title,
    categoryId: r.category_id,
    source: r.source,
    status: statusOf(r, r.scored),
    jurorWithdrawn: r.withdrawn === 1,
    conflicted: r.conflicted === 1,
    createdAt: r.created_at,
  }));
}

/** An assignment counts toward an entry's N and a juror's load unless withdrawn, conflicted or recused. */
export function counts(row: AssignmentRow): boolean {
  return !row.jurorWithdrawn && !row.conflicted && row.status !== 'recused';
}
