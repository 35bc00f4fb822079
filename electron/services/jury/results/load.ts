import type { ColumnarInput, ConsolidationReport, ScoringCriterion, ScoringEntry } from '../../../../shared/scoring';
import { t } from '../../../../shared/i18n';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { queryAll, queryOne } from '../../../db/query';
import { entriesInStage, loadStage, stageClosedAt, type StageRow } from '../lookup';
import { loadSheetColumns } from './sheets';

/** Everything about a stage the consolidation reads, plus the names the report carries. */
export interface StageData {
  stage: StageRow;
  meta: Omit<ConsolidationReport, 'result' | 'decisions'>;
  input: Omit<ColumnarInput, 'decisions'>;
}

export function loadStageForEdition(db: Db, editionId: number, stageId: number): StageRow {
  const stage = loadStage(db, stageId);
  if (stage.edition_id !== editionId) throw new AppError('results.error.stageForeign');
  return stage;
}

/** Reads a stage into the pure scoring input, its sheets in columns (see loadSheetColumns). */
export function loadStageData(db: Db, editionId: number, stageId: number): StageData {
  const stage = loadStageForEdition(db, editionId, stageId);
  const editionName = queryOne<{ name: string }>(db, `SELECT name FROM edition WHERE id = ?`, editionId)!.name;
  const categories = queryAll<{ id: number; name: string }>(db, `SELECT id, name FROM category WHERE edition_id = ? ORDER BY position, id`, editionId);
  const criteria = loadCriteria(db, editionId);
  const entries = sortByCategory(
    entriesInStage(db, stage).map((e) => ({ id: e.id, code: e.code, title: e.title, categoryId: e.category_id })),
    categories,
  );
  // Jurors assigned in the stage or with a sheet in it: one index seek per juror, where a UNION
  // of the stage's 15,000 assignments and sheets built a temporary b-tree of them all.
  const jurors = queryAll<{ id: number; name: string; institution: string; cargo: string }>(
    db,
    `SELECT id, name, institution, cargo FROM juror j
     WHERE EXISTS (SELECT 1 FROM assignment a WHERE a.stage_id = ? AND a.juror_id = j.id)
        OR EXISTS (SELECT 1 FROM score_sheet s WHERE s.stage_id = ? AND s.juror_id = j.id)
     ORDER BY name_key, id`,
    stageId, stageId,
  );
  const { sheets, conflictedSheets, pendingSheets } = loadSheetColumns(db, stageId, criteria);

  return {
    stage,
    meta: {
      editionId,
      editionName,
      stageId,
      stageName: stage.name,
      stageClosed: stageClosedAt(db, stageId) !== null,
      categories: [...categories, ...(entries.some((e) => e.categoryId === null) ? [{ id: null, name: t('results.noCategory') }] : [])],
      criteria: criteria.map(({ categoryIds: _c, ...c }) => c),
      jurors,
      pendingSheets,
      conflictedSheets,
    },
    input: { criteria, entries, jurors: jurors.map((j) => ({ id: j.id, name: j.name })), sheets, cutoff: stageCutoff(db, stageId) },
  };
}

function loadCriteria(db: Db, editionId: number): ScoringCriterion[] {
  const rows = queryAll<{ id: number; name: string; weight: number; scale_min: number; scale_max: number; independent: number }>(
    db,
    `SELECT id, name, weight, scale_min, scale_max, independent FROM criterion WHERE edition_id = ? ORDER BY position, id`,
    editionId,
  );
  const links = queryAll<{ criterion_id: number; category_id: number }>(
    db,
    `SELECT cc.criterion_id, cc.category_id FROM criterion_category cc JOIN criterion c ON c.id = cc.criterion_id WHERE c.edition_id = ?`,
    editionId,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    weight: r.weight,
    scaleMin: r.scale_min,
    scaleMax: r.scale_max,
    independent: r.independent === 1,
    categoryIds: links.filter((l) => l.criterion_id === r.id).map((l) => l.category_id),
  }));
}

function stageCutoff(db: Db, stageId: number): number | null {
  return queryOne<{ cutoff: number | null }>(db, `SELECT cutoff FROM stage WHERE id = ?`, stageId)!.cutoff;
}

/**
 * Category order of the edition, entries without category last, by code within each. One
 * collator for the whole sort: localeCompare(…, 'es') builds one per comparison.
 */
function sortByCategory(entries: ScoringEntry[], categories: readonly { id: number }[]): ScoringEntry[] {
  const position = new Map(categories.map((c, i) => [c.id, i]));
  const pos = (e: ScoringEntry) => (e.categoryId === null ? Number.MAX_SAFE_INTEGER : (position.get(e.categoryId) ?? Number.MAX_SAFE_INTEGER - 1));
  const collator = new Intl.Collator('es');
  return entries.sort((a, b) => pos(a) - pos(b) || collator.compare(a.code, b.code));
}
