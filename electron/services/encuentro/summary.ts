import type { SaveBase } from './contributions';
import { saveItemText, type TextSave } from './item-conflict';
import type { SynthesisAxis, SynthesisLevel } from '../../../shared/domain/encuentro-matrix';
import type { EncuentroSummaryTable, SummaryItem, SummarySource } from '../../../shared/domain/encuentro-types';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { assertEncuentro, notFound } from './lookup';
import { endOfCell, itemFields, itemRowOf, matrixCells, relinkSources, reorderCell, setItemDeleted, type MatrixItemRow, type MatrixTable, type SourceLinks } from './matrix-items';

/**
 * The organizers' cross-sala summary: the executive summary's "principales acciones" per level,
 * for sustainability and for replication. Each item links to the sala synthesis items it draws on.
 */

const SUMMARY: MatrixTable = { kind: 'summary', table: 'encuentro_summary_item', scope: 'encuentro_id', record: 'summaryItem' };
const SUMMARY_SOURCES: SourceLinks = { table: 'encuentro_summary_source', item: 'summary_item_id', source: 'synthesis_item_id' };

interface Row extends MatrixItemRow {
  encuentro_id: number;
}

function toItems(db: Db, rows: Row[]): SummaryItem[] {
  const sources = new Map<number, SummarySource[]>();
  if (rows.length > 0) {
    const links = queryAll<{
      summary_item_id: number;
      id: number;
      sala_id: number;
      sala_name: string;
      text: string;
      deleted_at: string | null;
    }>(
      db,
      `SELECT l.summary_item_id, i.id, i.sala_id, s.name AS sala_name, i.text, i.deleted_at
         FROM encuentro_summary_source l JOIN encuentro_synthesis_item i ON i.id = l.synthesis_item_id JOIN encuentro_sala s ON s.id = i.sala_id
         WHERE l.summary_item_id IN (SELECT value FROM json_each(?)) ORDER BY l.summary_item_id, l.position`,
      JSON.stringify(rows.map((r) => r.id)),
    );
    for (const l of links) {
      const list = sources.get(l.summary_item_id) ?? [];
      list.push({ synthesisItemId: l.id, salaId: l.sala_id, salaName: l.sala_name, text: l.text, deleted: l.deleted_at !== null });
      sources.set(l.summary_item_id, list);
    }
  }
  return rows.map((r) => itemFields(r, sources));
}

const itemRow = (db: Db, id: number): Row => itemRowOf<Row>(db, SUMMARY, id);

export function getSummaryItem(db: Db, id: number): SummaryItem {
  const [item] = toItems(db, [itemRow(db, id)]);
  if (!item) throw notFound('summaryItem');
  return item;
}

export function getSummary(db: Db, encuentroId: number): EncuentroSummaryTable {
  assertEncuentro(db, encuentroId);
  const all = toItems(db, queryAll<Row>(db, `SELECT * FROM encuentro_summary_item WHERE encuentro_id = ? ORDER BY position, id`, encuentroId));
  const active = all.filter((i) => !i.deleted);
  return {
    encuentroId,
    cells: matrixCells(active),
    deletedItems: all.filter((i) => i.deleted),
  };
}

function assertSources(db: Db, encuentroId: number, synthesisItemIds: number[]): void {
  for (const id of synthesisItemIds) {
    const row = queryOne<{ encuentro_id: number }>(
      db,
      `SELECT s.encuentro_id FROM encuentro_synthesis_item i JOIN encuentro_sala s ON s.id = i.sala_id WHERE i.id = ?`,
      id,
    );
    if (!row) throw notFound('synthesisItem');
    if (row.encuentro_id !== encuentroId) throw new AppError('encuentro.error.summarySourceForeign');
  }
}

export function insertSummaryItem(
  db: Db,
  input: { encuentroId: number; level: SynthesisLevel; axis: SynthesisAxis; text: string; synthesisItemIds: number[] },
  now: string,
): number {
  assertEncuentro(db, input.encuentroId);
  assertSources(db, input.encuentroId, input.synthesisItemIds);
  const id = Number(
    execute(
      db,
      `INSERT INTO encuentro_summary_item (encuentro_id, level, axis, text, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      input.encuentroId, input.level, input.axis, input.text, endOfCell(db, SUMMARY, input.encuentroId, input.level, input.axis), now, now,
    ).lastInsertRowid,
  );
  relinkSources(db, SUMMARY_SOURCES, id, input.synthesisItemIds);
  return id;
}

export function updateSummaryText(db: Db, id: number, text: string, revision: number, now: string, base?: SaveBase): TextSave {
  return saveItemText(db, SUMMARY, itemRow(db, id), text, revision, now, base, () => undefined);
}

export function setSummarySources(db: Db, id: number, synthesisItemIds: number[], now: string): void {
  const row = itemRow(db, id);
  assertSources(db, row.encuentro_id, synthesisItemIds);
  relinkSources(db, SUMMARY_SOURCES, id, synthesisItemIds);
  execute(db, `UPDATE encuentro_summary_item SET updated_at = ? WHERE id = ?`, now, id);
}

export function reorderSummary(db: Db, encuentroId: number, level: SynthesisLevel, axis: SynthesisAxis, orderedIds: number[]): void {
  reorderCell(db, SUMMARY, encuentroId, level, axis, orderedIds);
}

export function setSummaryItemDeleted(db: Db, id: number, deleted: boolean, now: string): number {
  const row = itemRow(db, id);
  setItemDeleted(db, SUMMARY, row, deleted, now);
  return row.encuentro_id;
}

export function summaryEncuentro(db: Db, id: number): number {
  return itemRow(db, id).encuentro_id;
}
