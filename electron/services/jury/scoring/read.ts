import type { PeerSheet, ScoreCell, ScoreGrid, ScoreGridRow, ScoreProgress, ScoreSheetView, SheetStatus, Worklist, WorklistItem } from '../../../../shared/domain/jury-types';
import { AppError } from '../../../../shared/errors';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { assignmentRows } from '../assignment/status';
import { refreshConflictsForRead } from '../conflicts/store';
import { loadJuror, loadSheetRefs, loadStage, stageClosedAt, type StageRow } from '../lookup';
import { getSettings } from '../settings';
import { getSheet, readOnlyReason, statusOf, type SheetRow } from './sheet-state';
import { applies } from '../../../../shared/scoring/scale';
import { queryAll, queryOne } from '../../../db/query';
import { editionCriteria, entriesForJuror, entryCaption, withoutCategories, type EntryCaptionRow } from './views';

/** Whether a juror sees one of their assignments: conflicted ones are hidden, except their own recusals. */
const visibleToJuror = (a: { conflicted: boolean; status: SheetStatus }) => !a.conflicted || a.status === 'recused';

/** A juror's assignments that they may see. */
function visibleAssignments(db: Db, stageId: number, jurorId: number) {
  return assignmentRows(db, stageId, jurorId).filter(visibleToJuror);
}

const DONE = new Set(['submitted', 'abstained', 'recused']);

export function progressOf(items: readonly { status: string }[]): ScoreProgress {
  return { done: items.filter((i) => DONE.has(i.status)).length, total: items.length };
}

/**
 * Same count as progressOf(worklist items), without listing them: it runs after every score
 * write. Assigned and done counts come from indexes (score_sheet_done is partial: only finished
 * sheets; a sheet exists only with its assignment); the few conflicted assignments
 * (hidden from the juror unless they recused themselves) are then taken out.
 */
export function jurorProgress(db: Db, stageId: number, jurorId: number): ScoreProgress {
  const row = queryOne<{ assigned: number; done: number }>(
    db,
    `SELECT (SELECT count(*) FROM assignment WHERE stage_id = @stage AND juror_id = @juror) AS assigned,
              (SELECT count(*) FROM score_sheet
                WHERE stage_id = @stage AND juror_id = @juror AND (submitted_at IS NOT NULL OR abstention IS NOT NULL)) AS done`,
    { stage: stageId, juror: jurorId },
  )!;
  const hidden = queryOne<{ n: number; done: number }>(
    db,
    `SELECT count(*) AS n, coalesce(sum(s.submitted_at IS NOT NULL OR s.abstention IS NOT NULL), 0) AS done
       FROM assignment a
       LEFT JOIN score_sheet s ON s.stage_id = a.stage_id AND s.juror_id = a.juror_id AND s.entry_id = a.entry_id
       WHERE a.stage_id = @stage AND a.juror_id = @juror AND s.abstention IS NOT 'recuse'
         AND a.entry_id IN (SELECT entry_id FROM conflict WHERE juror_id = @juror AND dismissed_at IS NULL)`,
    { stage: stageId, juror: jurorId },
  )!;
  return { done: row.done - hidden.done, total: row.assigned - hidden.n };
}

function cellsOf(db: Db, stageId: number, jurorId: number, entryId: number): Map<number, ScoreCell> {
  const rows = queryAll<{ criterion_id: number; value: number | null; comment: string; updated_at: string }>(
    db,
    `SELECT criterion_id, value, comment, updated_at FROM score WHERE stage_id = ? AND juror_id = ? AND entry_id = ?`,
    stageId, jurorId, entryId,
  );
  return new Map(rows.map((r) => [r.criterion_id, { criterionId: r.criterion_id, value: r.value, comment: r.comment, updatedAt: r.updated_at }]));
}

interface JurorEntryRow extends EntryCaptionRow {
  entry_id: number;
  abstention: SheetRow['abstention'];
  submitted_at: string | null;
  reopened_at: string | null;
  conflicted: number;
  scored: number;
}

/**
 * What the worklist and the grid both start from: the entries the juror sees in the stage
 * (visibleToJuror), in code order, each with its sheet's status and whether the juror may write
 * it now. One query for all: a juror may have a thousand entries, and a query per entry cost
 * most of the service's share of the grid's first view.
 */
function jurorEntries(db: Db, stageId: number, jurorId: number, now: string) {
  const stage = loadStage(db, stageId);
  const juror = loadJuror(db, jurorId, stage.edition_id);
  refreshConflictsForRead(db, stage.edition_id, now);
  const blind = getSettings(db, stage.edition_id, now).blindMode;
  const closedAt = stageClosedAt(db, stageId);
  const rows = queryAll<JurorEntryRow>(
    db,
    `SELECT e.id AS entry_id, e.code, e.title, e.category_id, c.name AS category_name, i.name AS iged_name, e.region,
              s.abstention, s.submitted_at, s.reopened_at,
              EXISTS (SELECT 1 FROM conflict cf WHERE cf.juror_id = a.juror_id AND cf.entry_id = a.entry_id AND cf.dismissed_at IS NULL) AS conflicted,
              (SELECT count(*) FROM score sc
                WHERE sc.stage_id = a.stage_id AND sc.juror_id = a.juror_id AND sc.entry_id = a.entry_id AND sc.value IS NOT NULL) AS scored
       FROM assignment a
       JOIN entry e ON e.id = a.entry_id
       LEFT JOIN category c ON c.id = e.category_id
       LEFT JOIN iged i ON i.id = e.iged_id
       LEFT JOIN score_sheet s ON s.stage_id = a.stage_id AND s.juror_id = a.juror_id AND s.entry_id = a.entry_id
       WHERE a.stage_id = ? AND a.juror_id = ?
       ORDER BY e.code`,
    stageId, jurorId,
  );
  // One pass (a thousand rows for some jurors): no intermediate copies of every row.
  const items = [];
  for (const r of rows) {
    const status = statusOf(r, r.scored);
    if (!visibleToJuror({ conflicted: r.conflicted === 1, status })) continue;
    items.push({
      entryId: r.entry_id,
      ...entryCaption(r, blind),
      status,
      scored: r.scored,
      editable: !juror.withdrawn_at && readOnlyReason(r, stage, closedAt) === '' && r.abstention === null,
    });
  }
  return { stage, juror, blind, closedAt, criteria: editionCriteria(db, stage.edition_id), items };
}

export function worklist(db: Db, stageId: number, jurorId: number, now: string): Worklist {
  const { stage, juror, blind, closedAt, criteria, items } = jurorEntries(db, stageId, jurorId, now);
  const list: WorklistItem[] = items.map(({ scored, ...item }) => ({
    ...item,
    scoredCriteria: scored,
    criteriaCount: criteria.filter((c) => applies(c, item.categoryId)).length,
  }));
  return {
    stageId,
    stageName: stage.name,
    jurorId,
    jurorName: juror.name,
    blindMode: blind,
    stageClosed: closedAt !== null,
    progress: progressOf(list),
    items: list,
  };
}

/** Refuses unless the juror is assigned the entry in the stage and has no conflict in force (own recusal aside). */
export function assertAssigned(db: Db, stage: StageRow, jurorId: number, entryId: number): { recused: boolean } {
  const row = queryOne<{ juror: string; code: string; assigned: number; conflicted: number; abstention: string | null }>(
    db,
    `SELECT j.name AS juror, e.code,
              EXISTS (SELECT 1 FROM assignment a WHERE a.stage_id = ? AND a.juror_id = j.id AND a.entry_id = e.id) AS assigned,
              EXISTS (SELECT 1 FROM conflict c WHERE c.juror_id = j.id AND c.entry_id = e.id AND c.dismissed_at IS NULL) AS conflicted,
              (SELECT abstention FROM score_sheet s WHERE s.stage_id = ? AND s.juror_id = j.id AND s.entry_id = e.id) AS abstention
       FROM juror j, entry e WHERE j.id = ? AND e.id = ?`,
    stage.id, stage.id, jurorId, entryId,
  );
  if (!row?.assigned) throw new AppError('jury.assignment.notFound', { code: row?.code ?? '', juror: row?.juror ?? '' });
  const recused = row.abstention === 'recuse';
  if (row.conflicted && !recused) throw new AppError('jury.conflict.blocksAssignment', { juror: row.juror, code: row.code });
  return { recused };
}

/** Other jurors' submitted sheets, or null while the caller may not see them. */
function peersFor(db: Db, stageId: number, jurorId: number, entryId: number, ownSubmitted: boolean, recused: boolean): PeerSheet[] | null {
  if (!ownSubmitted || recused) return null;
  const sheets = queryAll<{ juror_id: number; name: string; abstention: PeerSheet['abstention'] }>(
    db,
    `SELECT s.juror_id, j.name, s.abstention FROM score_sheet s JOIN juror j ON j.id = s.juror_id
       WHERE s.stage_id = ? AND s.entry_id = ? AND s.juror_id <> ? AND s.submitted_at IS NOT NULL ORDER BY j.name COLLATE NOCASE`,
    stageId, entryId, jurorId,
  );
  return sheets.map((s) => ({
    jurorId: s.juror_id,
    jurorName: s.name,
    abstention: s.abstention,
    scores: queryAll(
      db,
      `SELECT criterion_id AS criterionId, value FROM score WHERE stage_id = ? AND entry_id = ? AND juror_id = ? ORDER BY criterion_id`,
      stageId, entryId, s.juror_id,
    ) as PeerSheet['scores'],
  }));
}

export function peers(db: Db, key: { stageId: number; jurorId: number; entryId: number }, now: string): PeerSheet[] {
  const { stage } = loadSheetRefs(db, key, { editable: false });
  refreshConflictsForRead(db, stage.edition_id, now);
  const { recused } = assertAssigned(db, stage, key.jurorId, key.entryId);
  const sheet = getSheet(db, key.stageId, key.jurorId, key.entryId);
  const list = peersFor(db, key.stageId, key.jurorId, key.entryId, !!sheet?.submitted_at, recused);
  if (!list) throw new AppError('jury.score.peersHidden');
  return list;
}

export function sheetView(db: Db, key: { stageId: number; jurorId: number; entryId: number }, now: string): ScoreSheetView {
  const { stage, juror } = loadSheetRefs(db, key, { editable: false });
  refreshConflictsForRead(db, stage.edition_id, now);
  const { recused } = assertAssigned(db, stage, key.jurorId, key.entryId);
  const blind = getSettings(db, stage.edition_id, now).blindMode;
  const entry = entriesForJuror(db, [key.entryId], blind).get(key.entryId);
  if (!entry) throw new AppError('error.entry.notFound');
  const sheet = getSheet(db, key.stageId, key.jurorId, key.entryId);
  const criteria = editionCriteria(db, stage.edition_id).filter((c) => applies(c, entry.categoryId));
  const cells = cellsOf(db, key.stageId, key.jurorId, key.entryId);
  const scoredCount = criteria.filter((c) => cells.get(c.id)?.value != null).length;
  let reason = readOnlyReason(sheet, stage, stageClosedAt(db, stage.id));
  if (juror.withdrawn_at) reason = reason || t('jury.juror.withdrawn', { name: juror.name });
  const list = visibleAssignments(db, key.stageId, key.jurorId);
  const index = list.findIndex((a) => a.entryId === key.entryId);
  const after = [...list.slice(index + 1), ...list.slice(0, Math.max(index, 0))];
  const next = after.find((a) => !DONE.has(a.status)) ?? list[index + 1];
  return {
    stageId: key.stageId,
    jurorId: key.jurorId,
    entry,
    criteria: criteria.map(withoutCategories),
    scores: criteria.map((c) => cells.get(c.id) ?? { criterionId: c.id, value: null, comment: '', updatedAt: null }),
    overallComment: sheet?.overall_comment ?? '',
    abstention: sheet?.abstention ?? null,
    abstentionReason: sheet?.abstention_reason ?? '',
    status: statusOf(sheet, scoredCount),
    submittedAt: sheet?.submitted_at ?? null,
    editable: reason === '' && !sheet?.abstention,
    readOnlyReason: reason,
    peers: peersFor(db, key.stageId, key.jurorId, key.entryId, !!sheet?.submitted_at, recused),
    nextEntryId: next && next.entryId !== key.entryId ? next.entryId : null,
  };
}

/** The compact grid (see ScoreGridRow): the juror's entries, plus one query for all their scores. */
export function grid(db: Db, stageId: number, jurorId: number, now: string): ScoreGrid {
  const { blind, criteria, items } = jurorEntries(db, stageId, jurorId, now);
  const position = new Map(criteria.map((c, index) => [c.id, index]));
  const values = new Map(items.map((item) => [item.entryId, criteria.map((): number | null => null)]));
  const scores = queryAll<{ entry_id: number; criterion_id: number; value: number }>(
    db,
    `SELECT entry_id, criterion_id, value FROM score WHERE stage_id = ? AND juror_id = ? AND value IS NOT NULL`,
    stageId, jurorId,
  );
  for (const score of scores) {
    const row = values.get(score.entry_id);
    const c = position.get(score.criterion_id);
    if (row && c !== undefined) row[c] = score.value;
  }
  // Which criteria do not apply depends on the category only: worked out once per category, not per entry.
  const notApplicableIn = new Map<number | null, number[]>();
  const notApplicableFor = (categoryId: number | null): number[] => {
    let list = notApplicableIn.get(categoryId);
    if (!list) notApplicableIn.set(categoryId, (list = criteria.flatMap((c, index) => (applies(c, categoryId) ? [] : [index]))));
    return list;
  };
  return {
    stageId,
    jurorId,
    blindMode: blind,
    criteria: criteria.map(({ id, name, scaleMin, scaleMax, scaleStep }) => ({ id, name, scaleMin, scaleMax, scaleStep })),
    progress: progressOf(items),
    rows: items.map((item) => {
      const row: ScoreGridRow = {
        entryId: item.entryId,
        code: item.code,
        title: item.title,
        igedName: item.igedName,
        region: item.region,
        status: item.status,
        editable: item.editable,
        values: values.get(item.entryId) ?? [],
      };
      const notApplicable = notApplicableFor(item.categoryId);
      if (notApplicable.length > 0) {
        for (const index of notApplicable) row.values[index] = null;
        row.notApplicable = notApplicable;
      }
      return row;
    }),
  };
}
