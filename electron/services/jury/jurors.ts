import type { JurorFields } from '../../../shared/domain/jury-schemas';
import type { Affiliation, Juror } from '../../../shared/domain/jury-types';
import { resolveRegion } from '../../../shared/domain/regions';
import { foldKey } from '../../../shared/domain/text';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { assertEditable } from '../editions/write';
import { appendAudit } from './audit/chain';
import { assertJurorSheetsNotFrozen } from './frozen';
import { loadJuror } from './lookup';

interface JurorDbRow {
  id: number;
  edition_id: number;
  name: string;
  institution: string;
  cargo: string;
  email: string;
  withdrawn_at: string | null;
  withdrawn_reason: string;
  created_at: string;
  updated_at: string;
}

interface AffiliationDbRow {
  id: number;
  juror_id: number;
  iged_id: number | null;
  region: string | null;
  note: string;
  iged_name: string | null;
  iged_kind: 'dre' | 'ugel' | null;
  iged_region: string | null;
}

function affiliationsOf(db: Db, where: string, param: number): Map<number, Affiliation[]> {
  const rows = queryAll<AffiliationDbRow>(
    db,
    `SELECT a.*, i.name AS iged_name, i.kind AS iged_kind, i.region AS iged_region
       FROM juror_affiliation a JOIN juror j ON j.id = a.juror_id LEFT JOIN iged i ON i.id = a.iged_id
       WHERE ${where} ORDER BY a.id`,
    param,
  );
  const map = new Map<number, Affiliation[]>();
  for (const r of rows) {
    const list = map.get(r.juror_id) ?? [];
    list.push(
      r.iged_id !== null
        ? { id: r.id, kind: 'iged', igedId: r.iged_id, igedName: r.iged_name ?? '', igedKind: r.iged_kind ?? 'dre', region: r.iged_region ?? '', note: r.note }
        : { id: r.id, kind: 'region', region: r.region ?? '', note: r.note },
    );
    map.set(r.juror_id, list);
  }
  return map;
}

function toJuror(row: JurorDbRow, affiliations: Affiliation[]): Juror {
  return {
    id: row.id,
    editionId: row.edition_id,
    name: row.name,
    institution: row.institution,
    cargo: row.cargo,
    email: row.email,
    affiliations,
    withdrawn: row.withdrawn_at !== null,
    withdrawnAt: row.withdrawn_at,
    withdrawnReason: row.withdrawn_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listJurors(db: Db, editionId: number): Juror[] {
  const rows = queryAll<JurorDbRow>(db, `SELECT * FROM juror WHERE edition_id = ? ORDER BY name COLLATE NOCASE, id`, editionId);
  const affs = affiliationsOf(db, 'j.edition_id = ?', editionId);
  return rows.map((r) => toJuror(r, affs.get(r.id) ?? []));
}

export function getJuror(db: Db, id: number): Juror {
  const row = queryOne<JurorDbRow>(db, `SELECT * FROM juror WHERE id = ?`, id);
  if (!row) throw new AppError('jury.juror.notFound');
  return toJuror(row, affiliationsOf(db, 'j.id = ?', id).get(id) ?? []);
}

function assertNameFree(db: Db, editionId: number, name: string, exceptId: number | null): void {
  const clash = queryOne(db, `SELECT 1 FROM juror WHERE edition_id = ? AND name_key = ? AND id IS NOT ?`, editionId, foldKey(name), exceptId);
  if (clash) throw new AppError('jury.juror.nameTaken', { name });
}

function writeAffiliations(db: Db, jurorId: number, fields: JurorFields): void {
  execute(db, `DELETE FROM juror_affiliation WHERE juror_id = ?`, jurorId);
  const insertSql = `INSERT INTO juror_affiliation (juror_id, iged_id, region, note) VALUES (?, ?, ?, ?)`;
  for (const aff of fields.affiliations) {
    if ('igedId' in aff) {
      if (!queryOne(db, `SELECT 1 FROM iged WHERE id = ?`, aff.igedId)) throw new AppError('jury.juror.igedUnknown');
      execute(db, insertSql, jurorId, aff.igedId, null, aff.note);
    } else {
      const region = resolveRegion(aff.region);
      if (!region) throw new AppError('jury.juror.regionUnknown', { region: aff.region });
      execute(db, insertSql, jurorId, null, region, aff.note);
    }
  }
}

export function insertJuror(db: Db, editionId: number, fields: JurorFields, now: string): number {
  assertEditable(db, editionId);
  assertNameFree(db, editionId, fields.name, null);
  const result = execute(
    db,
    `INSERT INTO juror (edition_id, name, name_key, institution, cargo, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    editionId, fields.name, foldKey(fields.name), fields.institution, fields.cargo, fields.email, now, now,
  );
  const id = Number(result.lastInsertRowid);
  writeAffiliations(db, id, fields);
  appendAudit(db, { at: now, actor: 'organizer', action: 'juror.create', editionId, jurorId: id, oldValue: null, newValue: jurorSnapshot(db, id) });
  return id;
}

/** What the audit keeps of a juror: the data an acta prints and the affiliations that decide conflicts. */
function jurorSnapshot(db: Db, id: number): unknown {
  const { name, institution, cargo, email, affiliations } = getJuror(db, id);
  return { name, institution, cargo, email, affiliations };
}

export function updateJuror(db: Db, id: number, fields: JurorFields, now: string): number {
  const juror = loadJuror(db, id);
  assertEditable(db, juror.edition_id);
  assertJurorSheetsNotFrozen(db, id, null);
  assertNameFree(db, juror.edition_id, fields.name, id);
  const before = jurorSnapshot(db, id);
  execute(
    db,
    `UPDATE juror SET name = ?, name_key = ?, institution = ?, cargo = ?, email = ?, updated_at = ? WHERE id = ?`,
    fields.name, foldKey(fields.name), fields.institution, fields.cargo, fields.email, now, id,
  );
  writeAffiliations(db, id, fields);
  appendAudit(db, { at: now, actor: 'organizer', action: 'juror.update', editionId: juror.edition_id, jurorId: id, oldValue: before, newValue: jurorSnapshot(db, id) });
  return juror.edition_id;
}

export function deleteJuror(db: Db, id: number, now: string): void {
  const juror = loadJuror(db, id);
  assertEditable(db, juror.edition_id);
  const { n } = queryOne<{ n: number }>(
    db,
    `SELECT (SELECT count(*) FROM assignment WHERE juror_id = ?) + (SELECT count(*) FROM score WHERE juror_id = ?) AS n`,
    id, id,
  )!;
  if (n > 0) throw new AppError('jury.juror.inUse', { name: juror.name, count: n });
  const before = jurorSnapshot(db, id);
  execute(db, `DELETE FROM juror WHERE id = ?`, id);
  appendAudit(db, { at: now, actor: 'organizer', action: 'juror.delete', editionId: juror.edition_id, jurorId: id, oldValue: before, newValue: null });
}

export function setWithdrawn(db: Db, id: number, reason: string | null, now: string): void {
  const juror = loadJuror(db, id);
  assertEditable(db, juror.edition_id);
  execute(db, `UPDATE juror SET withdrawn_at = ?, withdrawn_reason = ?, updated_at = ? WHERE id = ?`, reason === null ? null : now, reason ?? '', now, id);
  appendAudit(db, {
    at: now,
    actor: 'organizer',
    action: reason === null ? 'juror.reinstate' : 'juror.withdraw',
    editionId: juror.edition_id,
    jurorId: id,
    oldValue: { withdrawn: juror.withdrawn_at !== null },
    newValue: { withdrawn: reason !== null },
    reason: reason ?? '',
  });
}
