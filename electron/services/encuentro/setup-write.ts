import type { EncuentroFields, PanelFields, PracticeFields, SalaFields } from '../../../shared/domain/encuentro-schemas';
import { tidy } from '../../../shared/domain/text';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { getEntry } from '../entries/read';
import { assertEncuentro, assertOwned, encuentroOf, nextPosition, notFound } from './lookup';
import { applyOrder } from '../positions';

/** Event set-up: the Encuentro, its ejes, practices, panels and salas. Each function runs inside the caller's transaction. */

export function insertEncuentro(db: Db, editionId: number, fields: EncuentroFields, now: string, isDemo = false): number {
  if (!queryOne(db, `SELECT 1 FROM edition WHERE id = ?`, editionId)) throw new AppError('error.edition.notFound');
  const result = execute(
    db,
    `INSERT INTO encuentro (edition_id, name, event_date, venue, partners, is_demo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    editionId, fields.name, fields.eventDate, fields.venue, fields.partners, isDemo ? 1 : 0, now, now,
  );
  return Number(result.lastInsertRowid);
}

export function updateEncuentro(db: Db, id: number, fields: EncuentroFields, now: string): void {
  const result = execute(
    db,
    `UPDATE encuentro SET name = ?, event_date = ?, venue = ?, partners = ?, updated_at = ? WHERE id = ?`,
    fields.name, fields.eventDate, fields.venue, fields.partners, now, id,
  );
  if (result.changes === 0) throw notFound('encuentro');
}

/** Any change below the Encuentro marks it as updated (lists sort and show it). */
export function touch(db: Db, encuentroId: number, now: string): void {
  execute(db, `UPDATE encuentro SET updated_at = ? WHERE id = ?`, now, encuentroId);
}

export function insertEje(db: Db, encuentroId: number, name: string): number {
  assertEncuentro(db, encuentroId);
  const position = nextPosition(db, `SELECT max(position) AS p FROM encuentro_eje WHERE encuentro_id = ?`, encuentroId);
  return Number(execute(db, `INSERT INTO encuentro_eje (encuentro_id, name, position) VALUES (?, ?, ?)`, encuentroId, name, position).lastInsertRowid);
}

export function updateEje(db: Db, id: number, name: string): number {
  const encuentroId = encuentroOf(db, 'eje', id);
  execute(db, `UPDATE encuentro_eje SET name = ? WHERE id = ?`, name, id);
  return encuentroId;
}

export function deleteEje(db: Db, id: number): number {
  const encuentroId = encuentroOf(db, 'eje', id);
  const used = queryOne<{ n: number }>(
    db,
    `SELECT (SELECT count(*) FROM encuentro_practice WHERE eje_id = ?) + (SELECT count(*) FROM encuentro_panel WHERE eje_id = ?)
        + (SELECT count(*) FROM encuentro_sala WHERE eje_id = ?) AS n`,
    id, id, id,
  )!;
  if (used.n > 0) {
    const { name } = queryOne<{ name: string }>(db, `SELECT name FROM encuentro_eje WHERE id = ?`, id)!;
    throw new AppError('encuentro.error.ejeInUse', { name });
  }
  execute(db, `DELETE FROM encuentro_eje WHERE id = ?`, id);
  return encuentroId;
}

export function reorderEjes(db: Db, encuentroId: number, orderedIds: number[]): void {
  assertEncuentro(db, encuentroId);
  const ids = queryAll<{ id: number }>(db, `SELECT id FROM encuentro_eje WHERE encuentro_id = ?`, encuentroId).map((r) => r.id);
  applyOrder(db, 'encuentro_eje', ids, orderedIds);
}

function assertEje(db: Db, ejeId: number | null, encuentroId: number): void {
  if (ejeId !== null) assertOwned(db, 'eje', ejeId, encuentroId);
}

function practicePosition(db: Db, encuentroId: number): number {
  return nextPosition(db, `SELECT max(position) AS p FROM encuentro_practice WHERE encuentro_id = ?`, encuentroId);
}

export function insertPractice(db: Db, encuentroId: number, fields: PracticeFields, entryId: number | null = null): number {
  assertEncuentro(db, encuentroId);
  assertEje(db, fields.ejeId, encuentroId);
  const result = execute(
    db,
    `INSERT INTO encuentro_practice (encuentro_id, eje_id, entry_id, region, iged_name, title, year, presenter, presenter_cargo, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    encuentroId,
    fields.ejeId,
    entryId,
    fields.region,
    fields.igedName,
    fields.title,
    fields.year,
    fields.presenter,
    fields.presenterCargo,
    practicePosition(db, encuentroId),
  );
  return Number(result.lastInsertRowid);
}

/**
 * Copies what the report shows about a practice from the edition's entry. The copy is the
 * Encuentro's own record (a presenter may change on the day), but the link to the entry stays.
 */
export function insertPracticeFromEntry(db: Db, encuentroId: number, entryId: number, ejeId: number | null, year: number | null | undefined): number {
  const encuentro = queryOne<{ edition_id: number }>(db, `SELECT e.edition_id FROM encuentro e WHERE e.id = ?`, encuentroId);
  if (!encuentro) throw notFound('encuentro');
  const entry = (() => {
    try {
      return getEntry(db, entryId);
    } catch {
      throw notFound('entry');
    }
  })();
  if (entry.editionId !== encuentro.edition_id) throw new AppError('encuentro.error.entryForeign');
  if (queryOne(db, `SELECT 1 FROM encuentro_practice WHERE encuentro_id = ? AND entry_id = ?`, encuentroId, entryId)) {
    throw new AppError('encuentro.error.entryTaken', { title: entry.title });
  }
  return insertPractice(
    db,
    encuentroId,
    {
      ejeId,
      region: entry.region,
      igedName: entry.igedName,
      title: tidy(entry.title),
      // The practice's own year (the edition it won in), never the Encuentro's edition by default:
      // an Encuentro presents winners of earlier editions too (Lamas, 2017, at the 2018 one).
      year: year ?? null,
      presenter: entry.contactName,
      presenterCargo: entry.contactCargo,
    },
    entryId,
  );
}

export function updatePractice(db: Db, id: number, fields: PracticeFields): number {
  const encuentroId = encuentroOf(db, 'practice', id);
  assertEje(db, fields.ejeId, encuentroId);
  execute(
    db,
    `UPDATE encuentro_practice SET eje_id = ?, region = ?, iged_name = ?, title = ?, year = ?, presenter = ?, presenter_cargo = ? WHERE id = ?`,
    fields.ejeId, fields.region, fields.igedName, fields.title, fields.year, fields.presenter, fields.presenterCargo, id,
  );
  return encuentroId;
}

export function deletePractice(db: Db, id: number): number {
  const encuentroId = encuentroOf(db, 'practice', id);
  const { n } = queryOne<{ n: number }>(db, `SELECT count(*) AS n FROM encuentro_contribution WHERE practice_id = ?`, id)!;
  if (n > 0) {
    const { title } = queryOne<{ title: string }>(db, `SELECT title FROM encuentro_practice WHERE id = ?`, id)!;
    throw new AppError('encuentro.error.practiceInUse', { title, count: n });
  }
  execute(db, `DELETE FROM encuentro_sala_practice WHERE practice_id = ?`, id);
  execute(db, `DELETE FROM encuentro_practice WHERE id = ?`, id);
  return encuentroId;
}

export function reorderPractices(db: Db, encuentroId: number, orderedIds: number[]): void {
  assertEncuentro(db, encuentroId);
  const ids = queryAll<{ id: number }>(db, `SELECT id FROM encuentro_practice WHERE encuentro_id = ?`, encuentroId).map((r) => r.id);
  applyOrder(db, 'encuentro_practice', ids, orderedIds);
}

function assertPracticeList(db: Db, practiceIds: number[], encuentroId: number): void {
  if (new Set(practiceIds).size !== practiceIds.length) throw new AppError('encuentro.error.practiceRepeated');
  for (const practiceId of practiceIds) assertOwned(db, 'practice', practiceId, encuentroId);
}

function setLinkedPractices(db: Db, table: 'encuentro_panel_practice' | 'encuentro_sala_practice', column: 'panel_id' | 'sala_id', id: number, practiceIds: number[]): void {
  execute(db, `DELETE FROM ${table} WHERE ${column} = ?`, id);
  practiceIds.forEach((practiceId, index) => execute(
    db,
    `INSERT INTO ${table} (${column}, practice_id, position) VALUES (?, ?, ?)`,
    id, practiceId, index + 1,
  ));
}

export function insertPanel(db: Db, encuentroId: number, fields: PanelFields): number {
  assertEncuentro(db, encuentroId);
  assertOwned(db, 'eje', fields.ejeId, encuentroId);
  assertPracticeList(db, fields.practiceIds, encuentroId);
  const position = nextPosition(db, `SELECT max(position) AS p FROM encuentro_panel WHERE encuentro_id = ?`, encuentroId);
  const id = Number(
    execute(
      db,
      `INSERT INTO encuentro_panel (encuentro_id, eje_id, title, moderator_name, moderator_institution, position) VALUES (?, ?, ?, ?, ?, ?)`,
      encuentroId, fields.ejeId, fields.title, fields.moderatorName, fields.moderatorInstitution, position,
    ).lastInsertRowid,
  );
  setLinkedPractices(db, 'encuentro_panel_practice', 'panel_id', id, fields.practiceIds);
  return id;
}

export function updatePanel(db: Db, id: number, fields: PanelFields): number {
  const encuentroId = encuentroOf(db, 'panel', id);
  assertOwned(db, 'eje', fields.ejeId, encuentroId);
  assertPracticeList(db, fields.practiceIds, encuentroId);
  execute(
    db,
    `UPDATE encuentro_panel SET eje_id = ?, title = ?, moderator_name = ?, moderator_institution = ? WHERE id = ?`,
    fields.ejeId, fields.title, fields.moderatorName, fields.moderatorInstitution, id,
  );
  setLinkedPractices(db, 'encuentro_panel_practice', 'panel_id', id, fields.practiceIds);
  return encuentroId;
}

export function deletePanel(db: Db, id: number): number {
  const encuentroId = encuentroOf(db, 'panel', id);
  execute(db, `DELETE FROM encuentro_panel WHERE id = ?`, id);
  return encuentroId;
}

export function insertSala(db: Db, encuentroId: number, fields: SalaFields): number {
  assertEncuentro(db, encuentroId);
  assertOwned(db, 'eje', fields.ejeId, encuentroId);
  assertPracticeList(db, fields.practiceIds, encuentroId);
  const position = nextPosition(db, `SELECT max(position) AS p FROM encuentro_sala WHERE encuentro_id = ?`, encuentroId);
  const id = Number(
    execute(
      db,
      `INSERT INTO encuentro_sala (encuentro_id, eje_id, name, moderators, position) VALUES (?, ?, ?, ?, ?)`,
      encuentroId, fields.ejeId, fields.name, JSON.stringify(fields.moderators), position,
    ).lastInsertRowid,
  );
  setLinkedPractices(db, 'encuentro_sala_practice', 'sala_id', id, fields.practiceIds);
  return id;
}

export function updateSala(db: Db, id: number, fields: SalaFields): number {
  const encuentroId = encuentroOf(db, 'sala', id);
  assertOwned(db, 'eje', fields.ejeId, encuentroId);
  assertPracticeList(db, fields.practiceIds, encuentroId);
  // A practice whose contributions were captured in this sala must stay in it: they would be orphaned.
  const captured = queryAll<{ id: number; title: string }>(
    db,
    `SELECT DISTINCT p.id, p.title FROM encuentro_contribution c JOIN encuentro_practice p ON p.id = c.practice_id WHERE c.sala_id = ?`,
    id,
  );
  const kept = new Set(fields.practiceIds);
  const dropped = captured.find((p) => !kept.has(p.id));
  if (dropped) throw new AppError('encuentro.error.practiceKeepsContributions', { title: dropped.title });
  execute(db, `UPDATE encuentro_sala SET eje_id = ?, name = ?, moderators = ? WHERE id = ?`, fields.ejeId, fields.name, JSON.stringify(fields.moderators), id);
  setLinkedPractices(db, 'encuentro_sala_practice', 'sala_id', id, fields.practiceIds);
  return encuentroId;
}

export function deleteSala(db: Db, id: number): number {
  const encuentroId = encuentroOf(db, 'sala', id);
  const used = queryOne<{ n: number }>(
    db,
    `SELECT (SELECT count(*) FROM encuentro_contribution WHERE sala_id = ?) + (SELECT count(*) FROM encuentro_synthesis_item WHERE sala_id = ?) AS n`,
    id, id,
  )!;
  if (used.n > 0) {
    const { name } = queryOne<{ name: string }>(db, `SELECT name FROM encuentro_sala WHERE id = ?`, id)!;
    throw new AppError('encuentro.error.salaInUse', { name });
  }
  execute(db, `DELETE FROM encuentro_sala WHERE id = ?`, id);
  return encuentroId;
}
