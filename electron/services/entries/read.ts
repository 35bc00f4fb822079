import type { EntryStatus } from '../../../shared/domain/schemas';
import type { Entry, EntryRow, EntryStageStatus } from '../../../shared/domain/types';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { queryAll, queryOne } from '../../db/query';
import type { StoredEntryFields } from './write';

interface Row extends StoredEntryFields {
  id: number;
  edition_id: number;
  iged_name: string | null;
  iged_kind: 'dre' | 'ugel' | null;
  category_name: string | null;
  source: string;
  created_at: string;
  updated_at: string;
}

const SELECT = `
  SELECT e.*, i.name AS iged_name, i.kind AS iged_kind, c.name AS category_name
  FROM entry e
  LEFT JOIN iged i ON i.id = e.iged_id
  LEFT JOIN category c ON c.id = e.category_id`;

interface StatusRow {
  entry_id: number;
  stage_id: number;
  status: EntryStatus;
  reason: string;
  updated_at: string;
  position: number;
}

function statusesByEntry(db: Db, where: string, param: number): Map<number, StatusRow[]> {
  const rows = queryAll<StatusRow>(
    db,
    `SELECT s.entry_id, s.stage_id, s.status, s.reason, s.updated_at, st.position
       FROM entry_stage_status s JOIN stage st ON st.id = s.stage_id JOIN entry e ON e.id = s.entry_id
       WHERE ${where} ORDER BY st.position`,
    param,
  );
  const map = new Map<number, StatusRow[]>();
  for (const row of rows) {
    const list = map.get(row.entry_id) ?? [];
    list.push(row);
    map.set(row.entry_id, list);
  }
  return map;
}

function toRow(row: Row, statuses: StatusRow[]): EntryRow {
  const decided = statuses.filter((s) => s.status !== 'pending');
  const current = decided[decided.length - 1];
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    igedId: row.iged_id,
    igedName: row.iged_name ?? '',
    igedKind: row.iged_kind,
    region: row.region,
    categoryId: row.category_id,
    categoryName: row.category_name ?? '',
    startYear: row.start_year,
    contactName: row.contact_name,
    currentStageId: current?.stage_id ?? null,
    currentStatus: current?.status ?? 'pending',
    statuses: statuses.map(
      (s): EntryStageStatus => ({ stageId: s.stage_id, status: s.status, reason: s.reason, updatedAt: s.updated_at }),
    ),
    updatedAt: row.updated_at,
  };
}

export function listEntries(db: Db, editionId: number): EntryRow[] {
  const rows = queryAll<Row>(db, `${SELECT} WHERE e.edition_id = ? ORDER BY e.code`, editionId);
  const statuses = statusesByEntry(db, 'e.edition_id = ?', editionId);
  return rows.map((row) => toRow(row, statuses.get(row.id) ?? []));
}

export function getEntry(db: Db, id: number): Entry {
  const row = queryOne<Row>(db, `${SELECT} WHERE e.id = ?`, id);
  if (!row) throw new AppError('error.entry.notFound');
  const statuses = statusesByEntry(db, 'e.id = ?', id).get(id) ?? [];
  return {
    ...toRow(row, statuses),
    editionId: row.edition_id,
    summary: row.summary,
    problem: row.problem,
    results: row.results,
    evidenceLinks: JSON.parse(row.evidence_links) as string[],
    contactCargo: row.contact_cargo,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    team: row.team,
    source: row.source,
    createdAt: row.created_at,
  };
}
