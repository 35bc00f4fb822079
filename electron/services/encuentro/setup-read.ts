import type { SynthesisStatus } from '../../../shared/domain/encuentro-matrix';
import type { Eje, EncuentroDetail, EncuentroPractice, EncuentroSummary, Panel, Sala, SalaModerator } from '../../../shared/domain/encuentro-types';
import type { Db } from '../../db/open';
import { queryAll, queryOne } from '../../db/query';
import { notFound } from './lookup';

interface EncuentroRow {
  id: number;
  edition_id: number;
  edition_name: string;
  name: string;
  event_date: string;
  venue: string;
  partners: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
  practice_count: number;
  sala_count: number;
  contribution_count: number;
  attendee_count: number;
}

const SELECT_ENCUENTRO = `
  SELECT e.*, ed.name AS edition_name,
    (SELECT count(*) FROM encuentro_practice p WHERE p.encuentro_id = e.id) AS practice_count,
    (SELECT count(*) FROM encuentro_sala s WHERE s.encuentro_id = e.id) AS sala_count,
    (SELECT count(*) FROM encuentro_contribution c WHERE c.encuentro_id = e.id AND c.deleted_at IS NULL) AS contribution_count,
    (SELECT count(*) FROM encuentro_attendee a WHERE a.encuentro_id = e.id AND a.deleted_at IS NULL) AS attendee_count
  FROM encuentro e JOIN edition ed ON ed.id = e.edition_id`;

function toSummary(row: EncuentroRow): EncuentroSummary {
  return {
    id: row.id,
    editionId: row.edition_id,
    editionName: row.edition_name,
    name: row.name,
    eventDate: row.event_date,
    venue: row.venue,
    partners: row.partners,
    isDemo: row.is_demo === 1,
    practiceCount: row.practice_count,
    salaCount: row.sala_count,
    contributionCount: row.contribution_count,
    attendeeCount: row.attendee_count,
    updatedAt: row.updated_at,
  };
}

export function listEncuentros(db: Db, editionId: number | undefined): EncuentroSummary[] {
  const rows = (
    editionId === undefined
      ? queryAll(db, `${SELECT_ENCUENTRO} ORDER BY e.event_date DESC, e.id DESC`)
      : queryAll(db, `${SELECT_ENCUENTRO} WHERE e.edition_id = ? ORDER BY e.event_date DESC, e.id DESC`, editionId)
  ) as EncuentroRow[];
  return rows.map(toSummary);
}

export function getEncuentro(db: Db, id: number): EncuentroDetail {
  const row = queryOne<EncuentroRow>(db, `${SELECT_ENCUENTRO} WHERE e.id = ?`, id);
  if (!row) throw notFound('encuentro');
  return {
    ...toSummary(row),
    createdAt: row.created_at,
    ejes: listEjes(db, id),
    practices: listPractices(db, id),
    panels: listPanels(db, id),
    salas: listSalas(db, id),
  };
}

export function listEjes(db: Db, encuentroId: number): Eje[] {
  return queryAll<Eje>(db, `SELECT id, name, position FROM encuentro_eje WHERE encuentro_id = ? ORDER BY position, id`, encuentroId);
}

export function getEje(db: Db, id: number): Eje {
  const row = queryOne<Eje>(db, `SELECT id, name, position FROM encuentro_eje WHERE id = ?`, id);
  if (!row) throw notFound('eje');
  return row;
}

interface PracticeRow {
  id: number;
  eje_id: number | null;
  entry_id: number | null;
  region: string;
  iged_name: string;
  title: string;
  year: number | null;
  presenter: string;
  presenter_cargo: string;
  position: number;
}

function toPractice(row: PracticeRow): EncuentroPractice {
  return {
    id: row.id,
    ejeId: row.eje_id,
    entryId: row.entry_id,
    region: row.region,
    igedName: row.iged_name,
    title: row.title,
    year: row.year,
    presenter: row.presenter,
    presenterCargo: row.presenter_cargo,
    position: row.position,
  };
}

/** Practices in eje order, then their own order: the order of the report. */
export function listPractices(db: Db, encuentroId: number): EncuentroPractice[] {
  const rows = queryAll<PracticeRow>(
    db,
    `SELECT p.* FROM encuentro_practice p LEFT JOIN encuentro_eje j ON j.id = p.eje_id
       WHERE p.encuentro_id = ? ORDER BY j.position IS NULL, j.position, p.position, p.id`,
    encuentroId,
  );
  return rows.map(toPractice);
}

export function getPractice(db: Db, id: number): EncuentroPractice {
  const row = queryOne<PracticeRow>(db, `SELECT * FROM encuentro_practice WHERE id = ?`, id);
  if (!row) throw notFound('practice');
  return toPractice(row);
}

interface PanelRow {
  id: number;
  eje_id: number;
  title: string;
  moderator_name: string;
  moderator_institution: string;
  position: number;
}

function linkedPractices(db: Db, table: 'encuentro_panel_practice' | 'encuentro_sala_practice', column: 'panel_id' | 'sala_id', id: number): number[] {
  return queryAll<{ practice_id: number }>(db, `SELECT practice_id FROM ${table} WHERE ${column} = ? ORDER BY position`, id).map(
    (r) => r.practice_id,
  );
}

function toPanel(db: Db, row: PanelRow): Panel {
  return {
    id: row.id,
    ejeId: row.eje_id,
    title: row.title,
    moderatorName: row.moderator_name,
    moderatorInstitution: row.moderator_institution,
    practiceIds: linkedPractices(db, 'encuentro_panel_practice', 'panel_id', row.id),
    position: row.position,
  };
}

export function listPanels(db: Db, encuentroId: number): Panel[] {
  const rows = queryAll<PanelRow>(
    db,
    `SELECT p.* FROM encuentro_panel p JOIN encuentro_eje j ON j.id = p.eje_id WHERE p.encuentro_id = ? ORDER BY j.position, p.position, p.id`,
    encuentroId,
  );
  return rows.map((row) => toPanel(db, row));
}

export function getPanel(db: Db, id: number): Panel {
  const row = queryOne<PanelRow>(db, `SELECT * FROM encuentro_panel WHERE id = ?`, id);
  if (!row) throw notFound('panel');
  return toPanel(db, row);
}

interface SalaRow {
  id: number;
  eje_id: number;
  name: string;
  moderators: string;
  synthesis_status: SynthesisStatus;
  position: number;
}

function toSala(db: Db, row: SalaRow): Sala {
  return {
    id: row.id,
    ejeId: row.eje_id,
    name: row.name,
    moderators: JSON.parse(row.moderators) as SalaModerator[],
    practiceIds: linkedPractices(db, 'encuentro_sala_practice', 'sala_id', row.id),
    synthesisStatus: row.synthesis_status,
    position: row.position,
  };
}

export function listSalas(db: Db, encuentroId: number): Sala[] {
  const rows = queryAll<SalaRow>(
    db,
    `SELECT s.* FROM encuentro_sala s JOIN encuentro_eje j ON j.id = s.eje_id WHERE s.encuentro_id = ? ORDER BY j.position, s.position, s.id`,
    encuentroId,
  );
  return rows.map((row) => toSala(db, row));
}

export function getSala(db: Db, id: number): Sala {
  const row = queryOne<SalaRow>(db, `SELECT * FROM encuentro_sala WHERE id = ?`, id);
  if (!row) throw notFound('sala');
  return toSala(db, row);
}
