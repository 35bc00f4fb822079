import { actorFromColumns, actorText } from '../../../shared/domain/recorded-actor';
import { actorValues } from '../actor-columns';
import type { SaveBase } from './contributions';
import { saveItemText, type TextSave } from './item-conflict';
import {
  SYNTHESIS_TRANSITIONS,
  matrixOrder,
  synthesisAxisFor,
  synthesisLevelFor,
  synthesisStatusLabel,
  type ContributionBlock,
  type ContributionLevel,
  type SynthesisAxis,
  type SynthesisLevel,
  type SynthesisStatus,
} from '../../../shared/domain/encuentro-matrix';
import type { SalaSynthesis, SynthesisItem, SynthesisSource } from '../../../shared/domain/encuentro-types';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { notFound } from './lookup';
import { endOfCell, itemFields, itemRowOf, matrixCells, relinkSources, reorderCell, setItemDeleted, type MatrixItemRow, type MatrixTable, type SourceLinks } from './matrix-items';
import { getSala } from './setup-read';

/**
 * A sala's plenary table. Items are built from contributions and keep links to them
 * (encuentro_synthesis_source), so the report can always say where an action came from.
 * A 'final' synthesis is locked; reopening it needs a reason, kept in the status log.
 */

const SYNTHESIS: MatrixTable = { kind: 'synthesis', table: 'encuentro_synthesis_item', scope: 'sala_id', record: 'synthesisItem' };
const SYNTHESIS_SOURCES: SourceLinks = { table: 'encuentro_synthesis_source', item: 'item_id', source: 'contribution_id' };

interface ItemRow extends MatrixItemRow {
  sala_id: number;
  created_at: string;
}

function sourcesOf(db: Db, itemIds: number[]): Map<number, SynthesisSource[]> {
  const map = new Map<number, SynthesisSource[]>();
  if (itemIds.length === 0) return map;
  const rows = queryAll<{
    item_id: number;
    id: number;
    practice_id: number;
    block: ContributionBlock;
    level: ContributionLevel;
    text: string;
    deleted_at: string | null;
    position: number;
  }>(
    db,
    `SELECT s.item_id, c.id, c.practice_id, c.block, c.level, c.text, c.deleted_at, c.position
       FROM encuentro_synthesis_source s JOIN encuentro_contribution c ON c.id = s.contribution_id
       WHERE s.item_id IN (SELECT value FROM json_each(?)) ORDER BY s.item_id, s.position`,
    JSON.stringify(itemIds),
  );
  // Listed as the matrix shows them (block, then level), whatever order they were linked in.
  rows.sort((a, b) => a.item_id - b.item_id || matrixOrder(a, b) || a.practice_id - b.practice_id || a.position - b.position || a.id - b.id);
  for (const r of rows) {
    const list = map.get(r.item_id) ?? [];
    list.push({ contributionId: r.id, practiceId: r.practice_id, block: r.block, level: r.level, text: r.text, deleted: r.deleted_at !== null });
    map.set(r.item_id, list);
  }
  return map;
}

function toItems(db: Db, rows: ItemRow[]): SynthesisItem[] {
  const sources = sourcesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...itemFields(r, sources), salaId: r.sala_id, createdAt: r.created_at }));
}

const itemRow = (db: Db, id: number): ItemRow => itemRowOf<ItemRow>(db, SYNTHESIS, id);

export function getSynthesisItem(db: Db, id: number): SynthesisItem {
  const [item] = toItems(db, [itemRow(db, id)]);
  if (!item) throw notFound('synthesisItem');
  return item;
}

export function listSynthesisItems(db: Db, salaId: number, deleted: boolean): SynthesisItem[] {
  const rows = queryAll<ItemRow>(
    db,
    `SELECT * FROM encuentro_synthesis_item WHERE sala_id = ? AND deleted_at IS ${deleted ? 'NOT NULL' : 'NULL'} ORDER BY level, axis, position, id`,
    salaId,
  );
  return toItems(db, rows);
}

export function getSynthesis(db: Db, salaId: number): SalaSynthesis {
  const sala = getSala(db, salaId);
  const meta = queryOne<{ encuentro_id: number; eje_name: string }>(
    db,
    `SELECT s.encuentro_id, j.name AS eje_name FROM encuentro_sala s JOIN encuentro_eje j ON j.id = s.eje_id WHERE s.id = ?`,
    salaId,
  )!;
  const items = listSynthesisItems(db, salaId, false);
  const history = queryAll<{
    from_status: SynthesisStatus;
    to_status: SynthesisStatus;
    reason: string;
    at: string;
    actor_device_id: number | null;
    actor_name: string | null;
    actor_role: string | null;
  }>(
    db,
    `SELECT from_status, to_status, reason, at, actor_device_id, actor_name, actor_role FROM encuentro_synthesis_status_log WHERE sala_id = ? ORDER BY id`,
    salaId,
  );
  return {
    encuentroId: meta.encuentro_id,
    sala,
    ejeName: meta.eje_name,
    status: sala.synthesisStatus,
    history: history.map((h) => {
      const actor = actorFromColumns(h.actor_device_id, h.actor_name, h.actor_role);
      return { from: h.from_status, to: h.to_status, reason: h.reason, at: h.at, actor, by: actorText(actor) };
    }),
    cells: matrixCells([...items].sort((a, b) => a.position - b.position || a.id - b.id)),
    deletedItems: listSynthesisItems(db, salaId, true),
  };
}

/** Refuses any change to a sala's table while its synthesis is final. */
export function assertSynthesisOpen(db: Db, salaId: number): void {
  const sala = queryOne<{ name: string; synthesis_status: SynthesisStatus }>(db, `SELECT name, synthesis_status FROM encuentro_sala WHERE id = ?`, salaId);
  if (!sala) throw notFound('sala');
  if (sala.synthesis_status === 'final') throw new AppError('encuentro.error.synthesisFinal', { sala: sala.name });
}

function assertSourcesInSala(db: Db, salaId: number, contributionIds: number[]): void {
  for (const id of contributionIds) {
    const c = queryOne<{ sala_id: number | null }>(db, `SELECT sala_id FROM encuentro_contribution WHERE id = ?`, id);
    if (!c) throw notFound('contribution');
    if (c.sala_id !== salaId) throw new AppError('encuentro.error.sourceForeign');
  }
}

export interface NewItem {
  salaId: number;
  level: SynthesisLevel;
  axis: SynthesisAxis;
  text: string;
  contributionIds: number[];
}

export function insertSynthesisItem(db: Db, item: NewItem, now: string): number {
  assertSynthesisOpen(db, item.salaId);
  assertSourcesInSala(db, item.salaId, item.contributionIds);
  const id = Number(
    execute(
      db,
      `INSERT INTO encuentro_synthesis_item (sala_id, level, axis, text, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      item.salaId, item.level, item.axis, item.text, endOfCell(db, SYNTHESIS, item.salaId, item.level, item.axis), now, now,
    ).lastInsertRowid,
  );
  relinkSources(db, SYNTHESIS_SOURCES, id, item.contributionIds);
  return id;
}

/** Promoting keeps the contribution's words and puts it where its block and level point, unless told otherwise. */
export function promoteContribution(
  db: Db,
  input: { salaId: number; contributionId: number; level?: SynthesisLevel | undefined; axis?: SynthesisAxis | undefined; text?: string | undefined },
  now: string,
): number {
  const c = queryOne<{ block: ContributionBlock; level: ContributionLevel; text: string }>(
    db,
    `SELECT block, level, text FROM encuentro_contribution WHERE id = ?`,
    input.contributionId,
  );
  if (!c) throw notFound('contribution');
  return insertSynthesisItem(
    db,
    {
      salaId: input.salaId,
      level: input.level ?? synthesisLevelFor(c.level),
      axis: input.axis ?? synthesisAxisFor(c.block),
      text: input.text ?? c.text.trim(),
      contributionIds: [input.contributionId],
    },
    now,
  );
}

export function updateSynthesisText(db: Db, id: number, text: string, revision: number, now: string, base?: SaveBase): TextSave {
  const row = itemRow(db, id);
  return saveItemText(db, SYNTHESIS, row, text, revision, now, base, () => assertSynthesisOpen(db, row.sala_id));
}

export function moveSynthesisItem(db: Db, id: number, level: SynthesisLevel, axis: SynthesisAxis, now: string): void {
  const row = itemRow(db, id);
  assertSynthesisOpen(db, row.sala_id);
  if (row.level === level && row.axis === axis) return;
  execute(
    db,
    `UPDATE encuentro_synthesis_item SET level = ?, axis = ?, position = ?, updated_at = ? WHERE id = ?`,
    level, axis, endOfCell(db, SYNTHESIS, row.sala_id, level, axis), now, id,
  );
}

export function setSynthesisSources(db: Db, id: number, contributionIds: number[], now: string): void {
  const row = itemRow(db, id);
  assertSynthesisOpen(db, row.sala_id);
  assertSourcesInSala(db, row.sala_id, contributionIds);
  relinkSources(db, SYNTHESIS_SOURCES, id, contributionIds);
  execute(db, `UPDATE encuentro_synthesis_item SET updated_at = ? WHERE id = ?`, now, id);
}

export function reorderSynthesis(db: Db, salaId: number, level: SynthesisLevel, axis: SynthesisAxis, orderedIds: number[]): void {
  assertSynthesisOpen(db, salaId);
  reorderCell(db, SYNTHESIS, salaId, level, axis, orderedIds);
}

export function setSynthesisItemDeleted(db: Db, id: number, deleted: boolean, now: string): void {
  const row = itemRow(db, id);
  assertSynthesisOpen(db, row.sala_id);
  setItemDeleted(db, SYNTHESIS, row, deleted, now);
}

export function setSynthesisStatus(db: Db, salaId: number, to: SynthesisStatus, reason: string, now: string): void {
  const sala = queryOne<{ synthesis_status: SynthesisStatus }>(db, `SELECT synthesis_status FROM encuentro_sala WHERE id = ?`, salaId);
  if (!sala) throw notFound('sala');
  const from = sala.synthesis_status;
  if (from === to) return;
  if (!SYNTHESIS_TRANSITIONS[from].includes(to)) {
    throw new AppError('encuentro.error.statusTransition', { from: synthesisStatusLabel(from), to: synthesisStatusLabel(to) });
  }
  if (from === 'final' && reason.trim() === '') throw new AppError('encuentro.error.reopenReason');
  execute(db, `UPDATE encuentro_sala SET synthesis_status = ? WHERE id = ?`, to, salaId);
  execute(
    db,
    `INSERT INTO encuentro_synthesis_status_log (sala_id, from_status, to_status, reason, at, actor_device_id, actor_name, actor_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    salaId, from, to, reason.trim(), now, ...actorValues(),
  );
}
