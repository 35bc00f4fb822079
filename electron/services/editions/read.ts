import type { Category, Criterion, Edition, EditionSummary, Stage } from '../../../shared/domain/types';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/i18n';
import type { Db } from '../../db/open';
import { queryAll, queryOne } from '../../db/query';

interface EditionRow {
  id: number;
  year: number;
  name: string;
  lema: string;
  legal_reference: string;
  start_date: string;
  end_date: string;
  archived: number;
  is_demo: number;
  copied_from_id: number | null;
  created_at: string;
  updated_at: string;
  entry_count: number;
  category_count: number;
  criterion_count: number;
  stage_count: number;
}

const SUMMARY_SQL = `
  SELECT e.*,
    (SELECT count(*) FROM entry WHERE edition_id = e.id) AS entry_count,
    (SELECT count(*) FROM category WHERE edition_id = e.id) AS category_count,
    (SELECT count(*) FROM criterion WHERE edition_id = e.id) AS criterion_count,
    (SELECT count(*) FROM stage WHERE edition_id = e.id) AS stage_count
  FROM edition e`;

function toSummary(row: EditionRow): EditionSummary {
  return {
    id: row.id,
    year: row.year,
    name: row.name,
    lema: row.lema,
    archived: row.archived === 1,
    isDemo: row.is_demo === 1,
    entryCount: row.entry_count,
    categoryCount: row.category_count,
    criterionCount: row.criterion_count,
    stageCount: row.stage_count,
  };
}

export function listEditions(db: Db, includeArchived: boolean): EditionSummary[] {
  const rows = queryAll<EditionRow>(db, `${SUMMARY_SQL} ${includeArchived ? '' : 'WHERE e.archived = 0'} ORDER BY e.year DESC, e.name`);
  return rows.map(toSummary);
}

export function getEdition(db: Db, id: number): Edition {
  const row = queryOne<EditionRow>(db, `${SUMMARY_SQL} WHERE e.id = ?`, id);
  if (!row) throw new AppError('error.edition.notFound');
  return {
    ...toSummary(row),
    legalReference: row.legal_reference,
    startDate: row.start_date,
    endDate: row.end_date,
    copiedFromId: row.copied_from_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    categories: listCategories(db, id),
    criteria: listCriteria(db, id),
    stages: listStages(db, id),
  };
}

export function listCategories(db: Db, editionId: number): Category[] {
  return queryAll<Category>(
    db,
    `SELECT c.id, c.name, c.description, c.position,
              (SELECT count(*) FROM entry WHERE category_id = c.id) AS entryCount
       FROM category c WHERE c.edition_id = ? ORDER BY c.position, c.id`,
    editionId,
  );
}

/** A criterion as stored. */
export interface CriterionRow {
  id: number;
  name: string;
  name_key: string;
  description: string;
  weight: number;
  scale_min: number;
  scale_max: number;
  scale_step: number;
  independent: number;
  position: number;
}

export function listCriteria(db: Db, editionId: number): Criterion[] {
  const rows = queryAll<CriterionRow>(db, `SELECT * FROM criterion WHERE edition_id = ? ORDER BY position, id`, editionId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    weight: r.weight,
    scaleMin: r.scale_min,
    scaleMax: r.scale_max,
    scaleStep: r.scale_step,
    independent: r.independent === 1,
    position: r.position,
    levels: queryAll<Criterion['levels'][number]>(db, `SELECT value, label, descriptor FROM criterion_level WHERE criterion_id = ? ORDER BY value`, r.id),
    categoryIds: queryAll<{ id: number }>(
      db,
      `SELECT category_id AS id FROM criterion_category WHERE criterion_id = ? ORDER BY category_id`,
      r.id,
    ).map((c) => c.id),
  }));
}

export function getCriterion(db: Db, id: number): Criterion {
  const row = queryOne<{ edition_id: number }>(db, `SELECT edition_id FROM criterion WHERE id = ?`, id);
  const found = row ? listCriteria(db, row.edition_id).find((c) => c.id === id) : undefined;
  if (!found) throw new AppError('error.notFound', { what: t('error.what.criterion') });
  return found;
}

export function listStages(db: Db, editionId: number): Stage[] {
  return queryAll<Stage>(db, `SELECT id, name, position, cutoff FROM stage WHERE edition_id = ? ORDER BY position, id`, editionId);
}
