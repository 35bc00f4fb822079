import type { z } from 'zod';
import type { entryFields, EntryStatus } from '../../../shared/domain/schemas';
import { resolveRegion } from '../../../shared/domain/regions';
import { foldKey } from '../../../shared/domain/text';
import { AppError } from '../../../shared/errors';
import { cachedStatement } from '../../db/cached-statement';
import type { Db } from '../../db/open';
import { assertEditable } from '../editions/write';

export type EntryFields = z.output<typeof entryFields>;

/** The stored form of an entry's editable fields, for "unchanged" detection on re-import. */
export interface StoredEntryFields {
  code: string;
  iged_id: number | null;
  region: string;
  title: string;
  category_id: number | null;
  start_year: number | null;
  summary: string;
  problem: string;
  results: string;
  evidence_links: string;
  contact_name: string;
  contact_cargo: string;
  contact_email: string;
  contact_phone: string;
  team: string;
}

/**
 * Checks references and derives the region: an entry's region is its IGED's, so the two
 * can never disagree; without an IGED, the typed region must be a known one.
 */
export function toStored(db: Db, editionId: number, fields: EntryFields): Omit<StoredEntryFields, 'code'> {
  let region = '';
  if (fields.igedId !== null) {
    const iged = cachedStatement(db, `SELECT region FROM iged WHERE id = ?`).get(fields.igedId) as { region: string } | undefined;
    if (!iged) throw new AppError('error.entry.igedUnknown');
    region = iged.region;
  } else if (fields.region) {
    const resolved = resolveRegion(fields.region);
    if (!resolved) throw new AppError('error.entry.regionUnknown', { region: fields.region });
    region = resolved;
  }
  if (fields.categoryId !== null) {
    const ok = cachedStatement(db, `SELECT 1 FROM category WHERE id = ? AND edition_id = ?`).get(fields.categoryId, editionId);
    if (!ok) throw new AppError('error.entry.categoryForeign');
  }
  return {
    iged_id: fields.igedId,
    region,
    title: fields.title,
    category_id: fields.categoryId,
    start_year: fields.startYear,
    summary: fields.summary,
    problem: fields.problem,
    results: fields.results,
    evidence_links: JSON.stringify(fields.evidenceLinks),
    contact_name: fields.contactName,
    contact_cargo: fields.contactCargo,
    contact_email: fields.contactEmail,
    contact_phone: fields.contactPhone,
    team: fields.team,
  };
}

/** Next free code of the form `<year>-<nnn>` in an edition. */
export function nextEntryCode(db: Db, editionId: number): string {
  const { year } = db.prepare(`SELECT year FROM edition WHERE id = ?`).get(editionId) as { year: number };
  const prefix = `${year}-`;
  const codes = db.prepare(`SELECT code FROM entry WHERE edition_id = ? AND code LIKE ?`).all(editionId, `${prefix}%`) as { code: string }[];
  let max = 0;
  for (const { code } of codes) {
    const n = Number(code.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

function assertCodeFree(db: Db, editionId: number, code: string, exceptId: number | null): void {
  const clash = cachedStatement(db, `SELECT id FROM entry WHERE edition_id = ? AND code = ? AND id IS NOT ?`).get(editionId, code, exceptId);
  if (clash) throw new AppError('error.entry.codeTaken', { code });
}

export function insertEntry(db: Db, editionId: number, fields: EntryFields, now: string, source: string): number {
  assertEditable(db, editionId);
  const stored = toStored(db, editionId, fields);
  const code = fields.code || nextEntryCode(db, editionId);
  assertCodeFree(db, editionId, code, null);
  const result = cachedStatement(
    db,
    `INSERT INTO entry (edition_id, code, iged_id, region, title, title_key, category_id, start_year, summary, problem, results,
         evidence_links, contact_name, contact_cargo, contact_email, contact_phone, team, source, created_at, updated_at)
       VALUES (@edition_id, @code, @iged_id, @region, @title, @title_key, @category_id, @start_year, @summary, @problem, @results,
         @evidence_links, @contact_name, @contact_cargo, @contact_email, @contact_phone, @team, @source, @now, @now)`,
  ).run({ ...stored, edition_id: editionId, code, title_key: foldKey(fields.title), source, now });
  return Number(result.lastInsertRowid);
}

export function updateEntry(db: Db, id: number, fields: EntryFields, now: string): void {
  const current = cachedStatement(db, `SELECT edition_id, code FROM entry WHERE id = ?`).get(id) as
    | { edition_id: number; code: string }
    | undefined;
  if (!current) throw new AppError('error.entry.notFound');
  assertEditable(db, current.edition_id);
  const stored = toStored(db, current.edition_id, fields);
  const code = fields.code || current.code;
  assertCodeFree(db, current.edition_id, code, id);
  cachedStatement(
    db,
    `UPDATE entry SET code = @code, iged_id = @iged_id, region = @region, title = @title, title_key = @title_key,
       category_id = @category_id, start_year = @start_year, summary = @summary, problem = @problem, results = @results,
       evidence_links = @evidence_links, contact_name = @contact_name, contact_cargo = @contact_cargo,
       contact_email = @contact_email, contact_phone = @contact_phone, team = @team, updated_at = @now
     WHERE id = @id`,
  ).run({ ...stored, code, title_key: foldKey(fields.title), now, id });
}

export function storedFields(db: Db, id: number): StoredEntryFields {
  return cachedStatement(
    db,
    `SELECT code, iged_id, region, title, category_id, start_year, summary, problem, results, evidence_links,
            contact_name, contact_cargo, contact_email, contact_phone, team FROM entry WHERE id = ?`,
  ).get(id) as StoredEntryFields;
}

export function deleteEntry(db: Db, id: number): void {
  const current = db.prepare(`SELECT edition_id FROM entry WHERE id = ?`).get(id) as { edition_id: number } | undefined;
  if (!current) throw new AppError('error.entry.notFound');
  assertEditable(db, current.edition_id);
  db.prepare(`DELETE FROM entry WHERE id = ?`).run(id);
}

export function setEntryStatus(db: Db, entryId: number, stageId: number, status: EntryStatus, reason: string, now: string): void {
  const entry = db.prepare(`SELECT edition_id FROM entry WHERE id = ?`).get(entryId) as { edition_id: number } | undefined;
  if (!entry) throw new AppError('error.entry.notFound');
  assertEditable(db, entry.edition_id);
  const stage = db.prepare(`SELECT 1 FROM stage WHERE id = ? AND edition_id = ?`).get(stageId, entry.edition_id);
  if (!stage) throw new AppError('error.entry.stageForeign');
  if ((status === 'no_pasa' || status === 'observada') && !reason.trim()) throw new AppError('error.entry.reasonRequired');
  db.prepare(
    `INSERT INTO entry_stage_status (entry_id, stage_id, status, reason, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (entry_id, stage_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, updated_at = excluded.updated_at`,
  ).run(entryId, stageId, status, reason.trim(), now);
  db.prepare(`UPDATE entry SET updated_at = ? WHERE id = ?`).run(now, entryId);
}
