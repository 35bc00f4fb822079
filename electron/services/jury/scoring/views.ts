import type { JurorEntryView, SheetCriterion } from '../../../../shared/domain/jury-types';
import type { Criterion } from '../../../../shared/domain/types';
import type { Scale } from '../../../../shared/domain/jury-schemas';
import type { Db } from '../../../db/open';
import { queryAll, queryOne } from '../../../db/query';
import { listCriteria } from '../../editions/read';

/** Entry data a juror may receive. Contact and team are never sent; IGED and region only when not blind. */
export interface EntryForJuror extends JurorEntryView {
  summary: string;
  problem: string;
  results: string;
  evidenceLinks: string[];
}

/** The entry columns a juror's views read (SELECT … c.name AS category_name, i.name AS iged_name). */
export interface EntryCaptionRow {
  code: string;
  title: string;
  category_id: number | null;
  category_name: string | null;
  iged_name: string | null;
  region: string;
}

/** How a juror sees an entry named: in blind mode without its IGED and region. */
export function entryCaption(r: EntryCaptionRow, blind: boolean): Omit<JurorEntryView, 'entryId'> {
  return {
    code: r.code,
    title: r.title,
    categoryId: r.category_id,
    categoryName: r.category_name ?? '',
    igedName: blind ? null : (r.iged_name ?? ''),
    region: blind ? null : r.region,
  };
}

interface Row extends EntryCaptionRow {
  id: number;
  summary: string;
  problem: string;
  results: string;
  evidence_links: string;
}

export function entriesForJuror(db: Db, entryIds: readonly number[], blind: boolean): Map<number, EntryForJuror> {
  const map = new Map<number, EntryForJuror>();
  if (entryIds.length === 0) return map;
  for (const r of queryAll<Row>(
    db,
    `SELECT e.id, e.code, e.title, e.category_id, c.name AS category_name, i.name AS iged_name, e.region,
            e.summary, e.problem, e.results, e.evidence_links
     FROM entry e LEFT JOIN category c ON c.id = e.category_id LEFT JOIN iged i ON i.id = e.iged_id
     WHERE e.id IN (SELECT value FROM json_each(?))`,
    JSON.stringify(entryIds),
  )) {
    map.set(r.id, {
      entryId: r.id,
      ...entryCaption(r, blind),
      summary: r.summary,
      problem: r.problem,
      results: r.results,
      evidenceLinks: JSON.parse(r.evidence_links) as string[],
    });
  }
  return map;
}

export interface EditionCriterion extends SheetCriterion {
  categoryIds: number[];
}

export function editionCriteria(db: Db, editionId: number): EditionCriterion[] {
  return listCriteria(db, editionId).map(toSheetCriterion);
}

function toSheetCriterion(c: Criterion): EditionCriterion {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    weight: c.weight,
    scaleMin: c.scaleMin,
    scaleMax: c.scaleMax,
    scaleStep: c.scaleStep,
    independent: c.independent,
    levels: c.levels,
    categoryIds: c.categoryIds,
  };
}

export function withoutCategories(c: EditionCriterion): SheetCriterion {
  const { categoryIds: _categoryIds, ...rest } = c;
  return rest;
}

/** One criterion with its scale and categories, for a single score write (no rubric text needed). */
export function criterionForScoring(db: Db, criterionId: number, editionId: number): (Scale & { id: number; categoryIds: number[] }) | null {
  const row = queryOne<Scale & { id: number; categories: string }>(
    db,
    `SELECT c.id, c.name, c.scale_min AS scaleMin, c.scale_max AS scaleMax, c.scale_step AS scaleStep,
              (SELECT json_group_array(category_id) FROM criterion_category WHERE criterion_id = c.id) AS categories
       FROM criterion c WHERE c.id = ? AND c.edition_id = ?`,
    criterionId, editionId,
  );
  if (!row) return null;
  const { categories, ...rest } = row;
  return { ...rest, categoryIds: JSON.parse(categories) as number[] };
}
