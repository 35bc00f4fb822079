import { SYNTHESIS_AXES, SYNTHESIS_LEVELS, type SynthesisAxis, type SynthesisLevel } from '../../../shared/domain/encuentro-matrix';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { applyOrder } from '../positions';
import { notFound } from './lookup';

// What a sala's synthesis table (encuentro_synthesis_item, per sala) and the organizers' summary
// (encuentro_summary_item, per Encuentro) do alike: both are a levels × axes matrix of ordered,
// soft-deleted, revisioned text items linked to their sources (their text saves: item-conflict.ts). Each keeps its own rules (a final
// synthesis is locked; summary sources must be in the same Encuentro) and calls these for the rest.

/** Which matrix an item belongs to: the value kept in encuentro_item_conflict.item_kind. */
export type ItemKind = 'synthesis' | 'summary';

/** One of the two item tables, with the column that scopes a cell (the sala, or the Encuentro). */
export interface MatrixTable {
  kind: ItemKind;
  table: 'encuentro_synthesis_item' | 'encuentro_summary_item';
  scope: 'sala_id' | 'encuentro_id';
  /** How a missing item is named in the refusal. */
  record: 'synthesisItem' | 'summaryItem';
}

/** The columns both item tables have. */
export interface MatrixItemRow {
  id: number;
  level: SynthesisLevel;
  axis: SynthesisAxis;
  text: string;
  position: number;
  revision: number;
  deleted_at: string | null;
  updated_at: string;
  /** The screen that last wrote the text (item-conflict.ts). */
  editor: string | null;
}

/** An item's row, or the refusal that it does not exist. */
export function itemRowOf<Row extends MatrixItemRow>(db: Db, matrix: MatrixTable, id: number): Row {
  const row = queryOne<Row>(db, `SELECT * FROM ${matrix.table} WHERE id = ?`, id);
  if (!row) throw notFound(matrix.record);
  return row;
}

/** What both items show of their row, with their sources already read. */
export function itemFields<S>(row: MatrixItemRow, sources: ReadonlyMap<number, S[]>) {
  return {
    id: row.id,
    level: row.level,
    axis: row.axis,
    text: row.text,
    position: row.position,
    revision: row.revision,
    sources: sources.get(row.id) ?? [],
    deleted: row.deleted_at !== null,
    updatedAt: row.updated_at,
  };
}

/** An item's source links: which table, which column names the item, which the source. */
export interface SourceLinks {
  table: 'encuentro_synthesis_source' | 'encuentro_summary_source';
  item: 'item_id' | 'summary_item_id';
  source: 'contribution_id' | 'synthesis_item_id';
}

/** Items grouped by cell, every level × axis present (empty cells included), in the matrix's order. */
export function matrixCells<T extends { level: SynthesisLevel; axis: SynthesisAxis }>(items: readonly T[]): { level: SynthesisLevel; axis: SynthesisAxis; items: T[] }[] {
  return SYNTHESIS_LEVELS.flatMap((level) => SYNTHESIS_AXES.map((axis) => ({ level, axis, items: items.filter((i) => i.level === level && i.axis === axis) })));
}

/** The position after the last item of a cell (deleted ones included, so a restored item keeps its place). */
export function endOfCell(db: Db, { table, scope }: MatrixTable, scopeId: number, level: SynthesisLevel, axis: SynthesisAxis): number {
  const row = queryOne<{ p: number | null }>(
    db,
    `SELECT max(position) AS p FROM ${table} WHERE ${scope} = ? AND level = ? AND axis = ?`,
    scopeId, level, axis,
  )!;
  return (row.p ?? 0) + 1;
}

/** Replaces an item's sources by `sourceIds`, in that order, each once. */
export function relinkSources(db: Db, { table, item, source }: SourceLinks, itemId: number, sourceIds: readonly number[]): void {
  execute(db, `DELETE FROM ${table} WHERE ${item} = ?`, itemId);
  [...new Set(sourceIds)].forEach((id, index) => execute(db, `INSERT INTO ${table} (${item}, ${source}, position) VALUES (?, ?, ?)`, itemId, id, index + 1));
}

/** Deletes (keeping the first deletion's time) or restores an item. */
export function setItemDeleted(db: Db, { table }: MatrixTable, row: { id: number; deleted_at: string | null }, deleted: boolean, now: string): void {
  execute(db, `UPDATE ${table} SET deleted_at = ? WHERE id = ?`, deleted ? (row.deleted_at ?? now) : null, row.id);
}

/** Puts a cell's live items in the given order (see applyOrder). */
export function reorderCell(db: Db, matrix: MatrixTable, scopeId: number, level: SynthesisLevel, axis: SynthesisAxis, orderedIds: readonly number[]): void {
  const ids = queryAll<{ id: number }>(
    db,
    `SELECT id FROM ${matrix.table} WHERE ${matrix.scope} = ? AND level = ? AND axis = ? AND deleted_at IS NULL`,
    scopeId, level, axis,
  ).map((r) => r.id);
  applyOrder(db, matrix.table, ids, orderedIds);
}
