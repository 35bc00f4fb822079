import type { CategoryFields, CriterionFields, EditionFields, StageFields } from './fields';
import { foldKey } from '../../../shared/domain/text';
import { AppError } from '../../../shared/errors';
import { t, type MessageKey } from '../../../shared/i18n';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { appendAudit } from '../jury/audit/chain';
import { applyOrder } from '../positions';
import { assertEditionNotFrozen, assertStageNotFrozen } from '../jury/frozen';
import { getCriterion, type CriterionRow } from './read';

type Child = 'category' | 'criterion' | 'stage';
const TAKEN: Record<Child, MessageKey> = {
  category: 'error.category.nameTaken',
  criterion: 'error.criterion.nameTaken',
  stage: 'error.stage.nameTaken',
};

/** Refuses changes to an archived edition (it must be unarchived first). */
export function assertEditable(db: Db, editionId: number): void {
  const row = queryOne<{ name: string; archived: number }>(db, `SELECT name, archived FROM edition WHERE id = ?`, editionId);
  if (!row) throw new AppError('error.edition.notFound');
  if (row.archived === 1) throw new AppError('error.edition.archived', { name: row.name });
}

export function editionOf(db: Db, table: Child | 'entry', id: number): number {
  const row = queryOne<{ edition_id: number }>(db, `SELECT edition_id FROM ${table} WHERE id = ?`, id);
  if (!row) throw new AppError('error.notFound', { what: t(table === 'entry' ? 'error.what.entry' : 'error.what.item') });
  return row.edition_id;
}

function assertEditionNameFree(db: Db, name: string, exceptId: number | null): void {
  const clash = queryOne(db, `SELECT id FROM edition WHERE name_key = ? AND id IS NOT ?`, foldKey(name), exceptId);
  if (clash) throw new AppError('error.edition.nameTaken', { name });
}

function assertDates(fields: EditionFields): void {
  if (fields.startDate && fields.endDate && fields.endDate < fields.startDate) throw new AppError('error.edition.datesOrder');
}

export function insertEdition(db: Db, fields: EditionFields, now: string, extra: { copiedFromId?: number; isDemo?: boolean } = {}): number {
  assertEditionNameFree(db, fields.name, null);
  assertDates(fields);
  const result = execute(
    db,
    `INSERT INTO edition (year, name, name_key, lema, legal_reference, start_date, end_date, is_demo, copied_from_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    fields.year,
    fields.name,
    foldKey(fields.name),
    fields.lema,
    fields.legalReference,
    fields.startDate,
    fields.endDate,
    extra.isDemo ? 1 : 0,
    extra.copiedFromId ?? null,
    now,
    now,
  );
  return Number(result.lastInsertRowid);
}

export function updateEdition(db: Db, id: number, fields: EditionFields, now: string): void {
  assertEditable(db, id);
  assertEditionNameFree(db, fields.name, id);
  assertDates(fields);
  execute(
    db,
    `UPDATE edition SET year = ?, name = ?, name_key = ?, lema = ?, legal_reference = ?, start_date = ?, end_date = ?, updated_at = ?
     WHERE id = ?`,
    fields.year, fields.name, foldKey(fields.name), fields.lema, fields.legalReference, fields.startDate, fields.endDate, now, id,
  );
}

export function setArchived(db: Db, id: number, archived: boolean, now: string): void {
  const result = execute(db, `UPDATE edition SET archived = ?, updated_at = ? WHERE id = ?`, archived ? 1 : 0, now, id);
  if (result.changes === 0) throw new AppError('error.edition.notFound');
}

function assertChildNameFree(db: Db, table: Child, editionId: number, name: string, exceptId: number | null): void {
  const clash = queryOne(db, `SELECT id FROM ${table} WHERE edition_id = ? AND name_key = ? AND id IS NOT ?`, editionId, foldKey(name), exceptId);
  if (clash) throw new AppError(TAKEN[table], { name });
}

function nextPosition(db: Db, table: Child, editionId: number): number {
  const row = queryOne<{ p: number }>(db, `SELECT coalesce(max(position), 0) + 1 AS p FROM ${table} WHERE edition_id = ?`, editionId)!;
  return row.p;
}

function touch(db: Db, editionId: number, now: string): void {
  execute(db, `UPDATE edition SET updated_at = ? WHERE id = ?`, now, editionId);
}

/** Results depend on categories, criteria and stages: each change is in the audit log, with what it was and what it became. */
function auditConfig(
  db: Db,
  now: string,
  action: 'category.create' | 'category.update' | 'category.delete' | 'criterion.create' | 'criterion.update' | 'criterion.delete' | 'stage.create' | 'stage.update' | 'stage.delete',
  ids: { editionId: number; stageId?: number; criterionId?: number },
  oldValue: unknown,
  newValue: unknown,
): void {
  appendAudit(db, { at: now, actor: 'organizer', action, ...ids, oldValue, newValue });
}

const categoryRow = (db: Db, id: number) => queryOne<{ name: string; description: string }>(db, `SELECT name, description FROM category WHERE id = ?`, id)!;
const stageRow = (db: Db, id: number) => queryOne<{ name: string; cutoff: number | null }>(db, `SELECT name, cutoff FROM stage WHERE id = ?`, id)!;
function criterionSnapshot(db: Db, id: number): unknown {
  const { id: _id, position: _position, ...rest } = getCriterion(db, id);
  return rest;
}

export function insertCategory(db: Db, editionId: number, fields: CategoryFields, now: string): number {
  assertEditable(db, editionId);
  assertEditionNotFrozen(db, editionId);
  assertChildNameFree(db, 'category', editionId, fields.name, null);
  const result = execute(
    db,
    `INSERT INTO category (edition_id, name, name_key, description, position) VALUES (?, ?, ?, ?, ?)`,
    editionId, fields.name, foldKey(fields.name), fields.description, nextPosition(db, 'category', editionId),
  );
  touch(db, editionId, now);
  auditConfig(db, now, 'category.create', { editionId }, null, categoryRow(db, Number(result.lastInsertRowid)));
  return Number(result.lastInsertRowid);
}

export function updateCategory(db: Db, id: number, fields: CategoryFields, now: string): number {
  const editionId = editionOf(db, 'category', id);
  assertEditable(db, editionId);
  assertEditionNotFrozen(db, editionId);
  assertChildNameFree(db, 'category', editionId, fields.name, id);
  const before = categoryRow(db, id);
  execute(db, `UPDATE category SET name = ?, name_key = ?, description = ? WHERE id = ?`, fields.name, foldKey(fields.name), fields.description, id);
  touch(db, editionId, now);
  auditConfig(db, now, 'category.update', { editionId }, before, categoryRow(db, id));
  return editionId;
}

export function deleteCategory(db: Db, id: number, now: string): void {
  const editionId = editionOf(db, 'category', id);
  assertEditable(db, editionId);
  assertEditionNotFrozen(db, editionId);
  const row = queryOne<{ name: string; n: number }>(
    db,
    `SELECT name, (SELECT count(*) FROM entry WHERE category_id = ?) AS n FROM category WHERE id = ?`,
    id, id,
  )!;
  if (row.n > 0) throw new AppError('error.category.inUse', { name: row.name, count: row.n });
  const before = categoryRow(db, id);
  execute(db, `DELETE FROM category WHERE id = ?`, id);
  touch(db, editionId, now);
  auditConfig(db, now, 'category.delete', { editionId }, before, null);
}

function assertCategoriesBelong(db: Db, editionId: number, categoryIds: readonly number[]): void {
  for (const categoryId of categoryIds) {
    if (!queryOne(db, `SELECT 1 FROM category WHERE id = ? AND edition_id = ?`, categoryId, editionId)) throw new AppError('error.criterion.categoryForeign');
  }
}

function writeCriterionChildren(db: Db, criterionId: number, fields: CriterionFields): void {
  execute(db, `DELETE FROM criterion_level WHERE criterion_id = ?`, criterionId);
  execute(db, `DELETE FROM criterion_category WHERE criterion_id = ?`, criterionId);
  for (const l of fields.levels) execute(
    db,
    `INSERT INTO criterion_level (criterion_id, value, label, descriptor) VALUES (?, ?, ?, ?)`,
    criterionId, l.value, l.label, l.descriptor,
  );
  for (const categoryId of new Set(fields.categoryIds)) execute(
    db,
    `INSERT INTO criterion_category (criterion_id, category_id) VALUES (?, ?)`,
    criterionId, categoryId,
  );
}

export function insertCriterion(db: Db, editionId: number, fields: CriterionFields, now: string): number {
  assertEditable(db, editionId);
  assertEditionNotFrozen(db, editionId);
  assertChildNameFree(db, 'criterion', editionId, fields.name, null);
  assertCategoriesBelong(db, editionId, fields.categoryIds);
  const result = execute(
    db,
    `INSERT INTO criterion (edition_id, name, name_key, description, weight, scale_min, scale_max, scale_step, independent, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    editionId,
    fields.name,
    foldKey(fields.name),
    fields.description,
    fields.weight,
    fields.scaleMin,
    fields.scaleMax,
    fields.scaleStep,
    fields.independent ? 1 : 0,
    nextPosition(db, 'criterion', editionId),
  );
  const id = Number(result.lastInsertRowid);
  writeCriterionChildren(db, id, fields);
  touch(db, editionId, now);
  auditConfig(db, now, 'criterion.create', { editionId, criterionId: id }, null, criterionSnapshot(db, id));
  return id;
}

export function updateCriterion(db: Db, id: number, fields: CriterionFields, now: string): void {
  const editionId = editionOf(db, 'criterion', id);
  assertEditable(db, editionId);
  assertEditionNotFrozen(db, editionId);
  assertChildNameFree(db, 'criterion', editionId, fields.name, id);
  assertCategoriesBelong(db, editionId, fields.categoryIds);
  const before = criterionSnapshot(db, id);
  // Scores already given must stay on the scale (and its step), or they would silently count wrong.
  const outside = queryOne<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM score WHERE criterion_id = ? AND value IS NOT NULL AND (value < ? OR value > ?)`,
    id, fields.scaleMin, fields.scaleMax,
  )!;
  if (outside.n > 0) throw new AppError('error.criterion.scoresOutsideScale', { name: fields.name, count: outside.n, min: fields.scaleMin, max: fields.scaleMax });
  execute(
    db,
    `UPDATE criterion SET name = ?, name_key = ?, description = ?, weight = ?, scale_min = ?, scale_max = ?, scale_step = ?, independent = ?
     WHERE id = ?`,
    fields.name, foldKey(fields.name), fields.description, fields.weight, fields.scaleMin, fields.scaleMax, fields.scaleStep, fields.independent ? 1 : 0, id,
  );
  writeCriterionChildren(db, id, fields);
  touch(db, editionId, now);
  auditConfig(db, now, 'criterion.update', { editionId, criterionId: id }, before, criterionSnapshot(db, id));
}

export function insertStage(db: Db, editionId: number, fields: StageFields, now: string): number {
  assertEditable(db, editionId);
  assertChildNameFree(db, 'stage', editionId, fields.name, null);
  const result = execute(
    db,
    `INSERT INTO stage (edition_id, name, name_key, position, cutoff) VALUES (?, ?, ?, ?, ?)`,
    editionId, fields.name, foldKey(fields.name), nextPosition(db, 'stage', editionId), fields.cutoff,
  );
  touch(db, editionId, now);
  const stageId = Number(result.lastInsertRowid);
  auditConfig(db, now, 'stage.create', { editionId, stageId }, null, stageRow(db, stageId));
  return stageId;
}

export function updateStage(db: Db, id: number, fields: StageFields, now: string): void {
  const editionId = editionOf(db, 'stage', id);
  assertEditable(db, editionId);
  const before = stageRow(db, id);
  if (before.name === fields.name && before.cutoff === fields.cutoff) return;
  assertStageNotFrozen(db, id);
  assertChildNameFree(db, 'stage', editionId, fields.name, id);
  execute(db, `UPDATE stage SET name = ?, name_key = ?, cutoff = ? WHERE id = ?`, fields.name, foldKey(fields.name), fields.cutoff, id);
  touch(db, editionId, now);
  auditConfig(db, now, 'stage.update', { editionId, stageId: id }, before, stageRow(db, id));
}

export function deleteStage(db: Db, id: number, now: string): void {
  const editionId = editionOf(db, 'stage', id);
  assertEditable(db, editionId);
  assertStageNotFrozen(db, id);
  const row = queryOne<{ name: string; n: number }>(
    db,
    `SELECT name, (SELECT count(*) FROM entry_stage_status WHERE stage_id = ? AND status <> 'pending') AS n FROM stage WHERE id = ?`,
    id, id,
  )!;
  if (row.n > 0) throw new AppError('error.stage.inUse', { name: row.name, count: row.n });
  const before = stageRow(db, id);
  execute(db, `DELETE FROM stage WHERE id = ?`, id);
  touch(db, editionId, now);
  auditConfig(db, now, 'stage.delete', { editionId, stageId: id }, before, null);
}

export function deleteCriterion(db: Db, id: number, now: string): void {
  const editionId = editionOf(db, 'criterion', id);
  assertEditable(db, editionId);
  assertEditionNotFrozen(db, editionId);
  const before = criterionSnapshot(db, id);
  execute(db, `DELETE FROM criterion WHERE id = ?`, id);
  touch(db, editionId, now);
  auditConfig(db, now, 'criterion.delete', { editionId, criterionId: id }, before, null);
}

/** Sets positions 1..n in the given order; a list that is not exactly the edition's items is refused. */
export function reorder(db: Db, table: Child, editionId: number, orderedIds: readonly number[], now: string): void {
  assertEditable(db, editionId);
  const current = queryAll<{ id: number }>(db, `SELECT id FROM ${table} WHERE edition_id = ?`, editionId).map((r) => r.id);
  applyOrder(db, table, current, orderedIds);
  touch(db, editionId, now);
}

/** Copies categories, criteria (with rubric levels and category limits) and stages — not entries. */
export function copyStructure(db: Db, sourceId: number, targetId: number): void {
  const categoryMap = new Map<number, number>();
  const categories = queryAll<{ id: number; name: string; name_key: string; description: string; position: number }>(
    db,
    `SELECT * FROM category WHERE edition_id = ? ORDER BY position`,
    sourceId,
  );
  for (const c of categories) {
    categoryMap.set(c.id, Number(execute(
      db,
      `INSERT INTO category (edition_id, name, name_key, description, position) VALUES (?, ?, ?, ?, ?)`,
      targetId, c.name, c.name_key, c.description, c.position,
    ).lastInsertRowid));
  }
  const criteria = queryAll<CriterionRow>(db, `SELECT * FROM criterion WHERE edition_id = ? ORDER BY position`, sourceId);
  for (const c of criteria) {
    const newId = Number(
      execute(
        db,
        `INSERT INTO criterion (edition_id, name, name_key, description, weight, scale_min, scale_max, scale_step, independent, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        targetId, c.name, c.name_key, c.description, c.weight, c.scale_min, c.scale_max, c.scale_step, c.independent, c.position,
      )
        .lastInsertRowid,
    );
    execute(
      db,
      `INSERT INTO criterion_level (criterion_id, value, label, descriptor) SELECT ?, value, label, descriptor FROM criterion_level WHERE criterion_id = ?`,
      newId, c.id,
    );
    for (const { category_id } of queryAll<{ category_id: number }>(db, `SELECT category_id FROM criterion_category WHERE criterion_id = ?`, c.id)) {
      const mapped = categoryMap.get(category_id);
      if (mapped) execute(db, `INSERT INTO criterion_category (criterion_id, category_id) VALUES (?, ?)`, newId, mapped);
    }
  }
  execute(
    db,
    `INSERT INTO stage (edition_id, name, name_key, position, cutoff) SELECT ?, name, name_key, position, cutoff FROM stage WHERE edition_id = ?`,
    targetId, sourceId,
  );
}
