import { TYPING_PAUSE_MS, matrixOrder, type ContributionBlock, type ContributionLevel } from '../../../shared/domain/encuentro-matrix';
import type { Contribution, ContributionSave, ContributionVersion } from '../../../shared/domain/encuentro-types';
import { AppError } from '../../../shared/errors';
import { actorFromColumns, actorText, type RecordedActor } from '../../../shared/domain/recorded-actor';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { actorNow, actorValues } from '../actor-columns';
import { encuentroOf, notFound } from './lookup';
import { applyOrder } from '../positions';

/**
 * Moderator capture. Every write is its own transaction, committed with synchronous=FULL before
 * the call answers, so "guardado" on screen means on disk. Text is never overwritten without a
 * trace: each applied change adds a row to encuentro_contribution_version.
 */

interface Row {
  id: number;
  encuentro_id: number;
  practice_id: number;
  sala_id: number | null;
  block: ContributionBlock;
  level: ContributionLevel;
  text: string;
  position: number;
  revision: number;
  client_key: string | null;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
  editor?: string | null;
}

export function toContribution(row: Row): Contribution {
  return {
    id: row.id,
    encuentroId: row.encuentro_id,
    practiceId: row.practice_id,
    salaId: row.sala_id,
    block: row.block,
    level: row.level,
    text: row.text,
    position: row.position,
    revision: row.revision,
    clientKey: row.client_key,
    deleted: row.deleted_at !== null,
    deletedAt: row.deleted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const COLUMNS = `id, encuentro_id, practice_id, sala_id, block, level, text, position, revision, client_key, deleted_at, created_at, updated_at`;

function row(db: Db, id: number): Row {
  const found = queryOne<Row>(db, `SELECT ${COLUMNS}, editor FROM encuentro_contribution WHERE id = ?`, id);
  if (!found) throw notFound('contribution');
  return found;
}

export function getContribution(db: Db, id: number): Contribution {
  return toContribution(row(db, id));
}

export interface ContributionFilter {
  encuentroId: number;
  salaId?: number | undefined;
  practiceId?: number | undefined;
  deleted: 'exclude' | 'include' | 'only';
}

export function listContributions(db: Db, filter: ContributionFilter): Contribution[] {
  const where = ['encuentro_id = ?'];
  const params: unknown[] = [filter.encuentroId];
  if (filter.salaId !== undefined) {
    where.push('sala_id = ?');
    params.push(filter.salaId);
  }
  if (filter.practiceId !== undefined) {
    where.push('practice_id = ?');
    params.push(filter.practiceId);
  }
  if (filter.deleted === 'exclude') where.push('deleted_at IS NULL');
  if (filter.deleted === 'only') where.push('deleted_at IS NOT NULL');
  const rows = queryAll<Row>(db, `SELECT ${COLUMNS} FROM encuentro_contribution WHERE ${where.join(' AND ')} ORDER BY practice_id, position, id`, ...params);
  // Sorted in code: the matrix's order of blocks and levels is not their codes' alphabetical order.
  return rows.map(toContribution).sort((a, b) => a.practiceId - b.practiceId || matrixOrder(a, b) || a.position - b.position || a.id - b.id);
}

/**
 * The sala a contribution is captured in: the one given (the practice must be in it), else the
 * practice's only sala, else none (a practice not assigned to any sala, e.g. panel remarks).
 */
export function resolveSala(db: Db, practiceId: number, salaId: number | null | undefined): number | null {
  const practice = queryOne<{ title: string }>(db, `SELECT title FROM encuentro_practice WHERE id = ?`, practiceId);
  if (!practice) throw notFound('practice');
  if (salaId === null) return null;
  if (salaId !== undefined) {
    const sala = queryOne<{ name: string }>(db, `SELECT name FROM encuentro_sala WHERE id = ?`, salaId);
    if (!sala) throw notFound('sala');
    if (!queryOne(db, `SELECT 1 FROM encuentro_sala_practice WHERE sala_id = ? AND practice_id = ?`, salaId, practiceId)) {
      throw new AppError('encuentro.error.practiceNotInSala', { title: practice.title, sala: sala.name });
    }
    return salaId;
  }
  const salas = queryAll<{ sala_id: number }>(db, `SELECT sala_id FROM encuentro_sala_practice WHERE practice_id = ?`, practiceId);
  if (salas.length > 1) throw new AppError('encuentro.error.practiceNoSala', { title: practice.title, count: salas.length });
  return salas[0]?.sala_id ?? null;
}

interface Cell {
  practiceId: number;
  salaId: number | null;
  block: ContributionBlock;
  level: ContributionLevel;
}

/** Position for a new item of a cell: at the end, or right after `afterId` (the others move down). */
function slot(db: Db, cell: Cell, afterId: number | undefined): number {
  if (afterId !== undefined) {
    const after = queryOne<{ practice_id: number; sala_id: number | null; block: string; level: string; position: number }>(
      db,
      `SELECT practice_id, sala_id, block, level, position FROM encuentro_contribution WHERE id = ?`,
      afterId,
    );
    if (after && after.practice_id === cell.practiceId && after.sala_id === cell.salaId && after.block === cell.block && after.level === cell.level) {
      execute(
        db,
        `UPDATE encuentro_contribution SET position = position + 1
         WHERE practice_id = ? AND sala_id IS ? AND block = ? AND level = ? AND position > ?`,
        cell.practiceId, cell.salaId, cell.block, cell.level, after.position,
      );
      return after.position + 1;
    }
  }
  const last = queryOne<{ p: number | null }>(
    db,
    `SELECT max(position) AS p FROM encuentro_contribution WHERE practice_id = ? AND sala_id IS ? AND block = ? AND level = ?`,
    cell.practiceId, cell.salaId, cell.block, cell.level,
  )!;
  return (last.p ?? 0) + 1;
}

export interface CreateInput {
  practiceId: number;
  salaId?: number | null | undefined;
  block: ContributionBlock;
  level: ContributionLevel;
  text: string;
  afterId?: number | undefined;
  revision: number;
  clientKey?: string | undefined;
}

/** Returns the id; a retried create (same clientKey) returns the first record, unchanged. */
export function insertContribution(db: Db, input: CreateInput, now: string): { id: number; created: boolean } {
  const encuentroId = encuentroOf(db, 'practice', input.practiceId);
  if (input.clientKey) {
    const existing = queryOne<{ id: number }>(
      db,
      `SELECT id FROM encuentro_contribution WHERE encuentro_id = ? AND client_key = ?`,
      encuentroId, input.clientKey,
    );
    if (existing) return { id: existing.id, created: false };
  }
  const salaId = resolveSala(db, input.practiceId, input.salaId);
  const position = slot(db, { practiceId: input.practiceId, salaId, block: input.block, level: input.level }, input.afterId);
  const id = Number(
    execute(
      db,
      `INSERT INTO encuentro_contribution (encuentro_id, practice_id, sala_id, block, level, text, position, revision, client_key, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      encuentroId, input.practiceId, salaId, input.block, input.level, input.text, position, input.revision, input.clientKey ?? null, now, now,
    )
      .lastInsertRowid,
  );
  addVersion(db, id, input.revision, input.text, 'create', now);
  return { id, created: true };
}

/**
 * A moderator's screen saves every ~150 ms while typing: a version per save made the history
 * of one 108-character line 54 versions long. Saves that follow the previous one within a
 * pause's length belong to the same edit: they update that version instead of adding one, so
 * the history keeps one version per pause in typing. A restored version is never overwritten.
 */
function extendLastVersion(db: Db, contributionId: number, revision: number, text: string, now: string): boolean {
  const last = queryOne<{ id: number; kind: ContributionVersion['kind']; saved_at: string; conflict: number; actor_device_id: number | null; actor_role: string | null }>(
    db,
    `SELECT id, kind, saved_at, conflict, actor_device_id, actor_role FROM encuentro_contribution_version WHERE contribution_id = ? ORDER BY id DESC LIMIT 1`,
    contributionId,
  );
  if (!last || last.kind === 'restore' || last.conflict === 1 || Date.parse(now) - Date.parse(last.saved_at) >= TYPING_PAUSE_MS) return false;
  // Another device's typing is its own version: each version says who typed it.
  const actor = actorNow();
  if (last.actor_device_id !== actor.deviceId || last.actor_role !== actor.role) return false;
  execute(db, `UPDATE encuentro_contribution_version SET revision = ?, text = ?, saved_at = ? WHERE id = ?`, revision, text, now, last.id);
  return true;
}

function addVersion(db: Db, contributionId: number, revision: number, text: string, kind: ContributionVersion['kind'], now: string, conflict = false): number {
  return Number(
    execute(
      db,
      `INSERT INTO encuentro_contribution_version (contribution_id, revision, text, kind, saved_at, actor_device_id, actor_name, actor_role, conflict)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      contributionId, revision, text, kind, now, ...actorValues(), conflict ? 1 : 0,
    ).lastInsertRowid,
  );
}

/** Who wrote the contribution's current text: the actor of its newest version that is not a conflict. */
function currentAuthor(db: Db, contributionId: number): RecordedActor | null {
  const r = queryOne<{ actor_device_id: number | null; actor_name: string | null; actor_role: string | null }>(
    db,
    `SELECT actor_device_id, actor_name, actor_role FROM encuentro_contribution_version WHERE contribution_id = ? AND conflict = 0 ORDER BY id DESC LIMIT 1`,
    contributionId,
  );
  return r ? actorFromColumns(r.actor_device_id, r.actor_name, r.actor_role) : null;
}

/**
 * The screen a save comes from and the server revision its text was typed on. Two screens
 * that both typed on revision n: the first save is applied; the second finds a later revision
 * by another screen and is a conflict.
 */
export interface SaveBase {
  baseRevision: number;
  editor: string;
}

/** Both or nothing: a base revision without the screen's token cannot tell its own saves from another's. */
export function saveBaseOf(baseRevision: number | undefined, editor: string | undefined): SaveBase | undefined {
  return baseRevision !== undefined && editor !== undefined ? { baseRevision, editor } : undefined;
}

/**
 * A keystroke save. Saves may arrive out of order (retries, two transports): the highest client
 * revision wins, a repeat of the stored one is acknowledged without a write, anything older is
 * ignored and answered with the current record so the client can tell. A soft-deleted item still
 * takes the save, so text typed just before a delete is there when the delete is undone.
 */
export function updateContributionText(db: Db, id: number, text: string, revision: number, now: string, base?: SaveBase): ContributionSave {
  const current = row(db, id);
  if (base && current.revision > base.baseRevision && current.editor !== base.editor && text !== current.text) {
    // Typed over a text this screen never saw: neither text is lost. The stored one stays current;
    // this one goes into the history, marked as in conflict, with who typed it. While that device
    // keeps typing before choosing, its conflict version follows its text (no version per keystroke).
    const last = queryOne<{ id: number; conflict: number; actor_device_id: number | null; actor_role: string | null }>(
      db,
      `SELECT id, conflict, actor_device_id, actor_role FROM encuentro_contribution_version WHERE contribution_id = ? ORDER BY id DESC LIMIT 1`,
      id,
    );
    const actor = actorNow();
    let versionId: number;
    if (last && last.conflict === 1 && last.actor_device_id === actor.deviceId && last.actor_role === actor.role) {
      execute(db, `UPDATE encuentro_contribution_version SET text = ?, saved_at = ? WHERE id = ?`, text, now, last.id);
      versionId = last.id;
    } else versionId = addVersion(db, id, base.baseRevision, text, 'edit', now, true);
    return { applied: false, contribution: toContribution(current), conflict: { versionId, by: actorText(currentAuthor(db, id)) } };
  }
  if (revision < current.revision || (revision === current.revision && text !== current.text)) {
    return { applied: false, contribution: toContribution(current) };
  }
  const editor = base?.editor ?? null;
  if (text === current.text) {
    if (revision > current.revision) execute(db, `UPDATE encuentro_contribution SET revision = ?, editor = ? WHERE id = ?`, revision, editor, id);
    return { applied: true, contribution: { ...toContribution(current), revision } };
  }
  execute(db, `UPDATE encuentro_contribution SET text = ?, revision = ?, editor = ?, updated_at = ? WHERE id = ?`, text, revision, editor, now, id);
  if (!extendLastVersion(db, id, revision, text, now)) addVersion(db, id, revision, text, 'edit', now);
  return { applied: true, contribution: { ...toContribution(current), text, revision, updatedAt: now } };
}

export function moveContribution(db: Db, id: number, block: ContributionBlock, level: ContributionLevel, afterId: number | undefined, now: string): void {
  const current = row(db, id);
  if (current.deleted_at) throw new AppError('encuentro.error.contributionDeleted');
  if (current.block === block && current.level === level && afterId === undefined) return;
  const position = slot(db, { practiceId: current.practice_id, salaId: current.sala_id, block, level }, afterId);
  execute(db, `UPDATE encuentro_contribution SET block = ?, level = ?, position = ?, updated_at = ? WHERE id = ?`, block, level, position, now, id);
}

export function reorderContributions(db: Db, cell: Cell, orderedIds: number[]): void {
  const ids = queryAll<{ id: number }>(
    db,
    `SELECT id FROM encuentro_contribution WHERE practice_id = ? AND sala_id IS ? AND block = ? AND level = ? AND deleted_at IS NULL`,
    cell.practiceId, cell.salaId, cell.block, cell.level,
  ).map((r) => r.id);
  applyOrder(db, 'encuentro_contribution', ids, orderedIds);
}

export function cellContributions(db: Db, cell: Cell): Contribution[] {
  const rows = queryAll<Row>(
    db,
    `SELECT ${COLUMNS} FROM encuentro_contribution WHERE practice_id = ? AND sala_id IS ? AND block = ? AND level = ? AND deleted_at IS NULL ORDER BY position, id`,
    cell.practiceId, cell.salaId, cell.block, cell.level,
  );
  return rows.map(toContribution);
}

export function setContributionDeleted(db: Db, id: number, deleted: boolean, now: string): void {
  const current = row(db, id);
  if ((current.deleted_at !== null) === deleted) return;
  execute(db, `UPDATE encuentro_contribution SET deleted_at = ? WHERE id = ?`, deleted ? now : null, id);
}

export function contributionHistory(db: Db, id: number): ContributionVersion[] {
  row(db, id);
  const rows = queryAll<{
    id: number;
    contribution_id: number;
    revision: number;
    text: string;
    kind: ContributionVersion['kind'];
    saved_at: string;
    conflict: number;
    actor_device_id: number | null;
    actor_name: string | null;
    actor_role: string | null;
  }>(
    db,
    `SELECT id, contribution_id, revision, text, kind, saved_at, conflict, actor_device_id, actor_name, actor_role
       FROM encuentro_contribution_version WHERE contribution_id = ? ORDER BY id DESC`,
    id,
  );
  return rows.map((r) => {
    const actor = actorFromColumns(r.actor_device_id, r.actor_name, r.actor_role);
    return {
      id: r.id,
      contributionId: r.contribution_id,
      revision: r.revision,
      text: r.text,
      kind: r.kind,
      savedAt: r.saved_at,
      conflict: r.conflict === 1,
      actor,
      by: actorText(actor),
    };
  });
}

/** The chosen version becomes the current text, with a revision above any client's, and is itself recorded. */
export function restoreContributionVersion(db: Db, id: number, versionId: number, now: string): void {
  const current = row(db, id);
  const version = queryOne<{ text: string }>(db, `SELECT text FROM encuentro_contribution_version WHERE id = ? AND contribution_id = ?`, versionId, id);
  if (!version) throw notFound('version');
  const revision = current.revision + 1;
  execute(db, `UPDATE encuentro_contribution SET text = ?, revision = ?, editor = NULL, updated_at = ? WHERE id = ?`, version.text, revision, now, id);
  addVersion(db, id, revision, version.text, 'restore', now);
}

export function versionCounts(db: Db, encuentroId: number): Map<number, number> {
  const rows = queryAll<{ id: number; n: number }>(
    db,
    `SELECT v.contribution_id AS id, count(*) AS n FROM encuentro_contribution_version v
       JOIN encuentro_contribution c ON c.id = v.contribution_id WHERE c.encuentro_id = ? GROUP BY v.contribution_id`,
    encuentroId,
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}
