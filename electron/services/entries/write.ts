import type { z } from 'zod';
import type { entryFields, EntryStatus } from '../../../shared/domain/schemas';
import { resolveRegion } from '../../../shared/domain/regions';
import { foldKey } from '../../../shared/domain/text';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { assertEditable } from '../editions/write';
import { appendAudit } from '../jury/audit/chain';
import { assertEntryNotFrozen } from '../jury/frozen';

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
 * What checking an entry against the database needs. A single save asks SQLite (sqlLookups);
 * an import of thousands of rows answers from maps read once (import/entries/bulk-write.ts).
 * Both go through the same checks below, so they cannot drift apart.
 */
export interface EntryLookups {
  /** The IGED's region, or undefined when there is no such IGED. */
  igedRegion(igedId: number): string | undefined;
  /** Whether the category belongs to the entry's edition. */
  hasCategory(categoryId: number): boolean;
  /** The id of the edition's entry that holds this code, if any. */
  codeHolder(code: string): number | undefined;
}

export function sqlLookups(db: Db, editionId: number): EntryLookups {
  return {
    igedRegion: (igedId) => queryOne<{ region: string }>(db, `SELECT region FROM iged WHERE id = ?`, igedId)?.region,
    hasCategory: (categoryId) => queryOne(db, `SELECT 1 FROM category WHERE id = ? AND edition_id = ?`, categoryId, editionId) !== undefined,
    codeHolder: (code) => queryOne<{ id: number }>(db, `SELECT id FROM entry WHERE edition_id = ? AND code = ?`, editionId, code)?.id,
  };
}

/**
 * Checks references and derives the region: an entry's region is its IGED's, so the two
 * can never disagree; without an IGED, the typed region must be a known one.
 */
export function checkFields(lookups: EntryLookups, fields: EntryFields): Omit<StoredEntryFields, 'code'> {
  let region = '';
  if (fields.igedId !== null) {
    const igedRegion = lookups.igedRegion(fields.igedId);
    if (igedRegion === undefined) throw new AppError('error.entry.igedUnknown');
    region = igedRegion;
  } else if (fields.region) {
    const resolved = resolveRegion(fields.region);
    if (!resolved) throw new AppError('error.entry.regionUnknown', { region: fields.region });
    region = resolved;
  }
  if (fields.categoryId !== null && !lookups.hasCategory(fields.categoryId)) throw new AppError('error.entry.categoryForeign');
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

export function assertCodeFree(lookups: EntryLookups, code: string, exceptId: number | null): void {
  const holder = lookups.codeHolder(code);
  if (holder !== undefined && holder !== exceptId) throw new AppError('error.entry.codeTaken', { code });
}

/** Next free code of the form `<year>-<nnn>` in an edition. */
export function nextEntryCode(db: Db, editionId: number): string {
  const { year } = queryOne<{ year: number }>(db, `SELECT year FROM edition WHERE id = ?`, editionId)!;
  const prefix = `${year}-`;
  const codes = queryAll<{ code: string }>(db, `SELECT code FROM entry WHERE edition_id = ? AND code LIKE ?`, editionId, `${prefix}%`);
  let max = 0;
  for (const { code } of codes) {
    const n = Number(code.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

/** A checked entry as written: its code and stored fields, plus the folded title for matching. */
export type EntryRow = StoredEntryFields & { title_key: string };

// Positional parameters: binding by name costs a lookup per parameter, per row of an import.
function rowValues(row: EntryRow): (string | number | null)[] {
  return [
    row.code, row.iged_id, row.region, row.title, row.title_key, row.category_id, row.start_year, row.summary, row.problem,
    row.results, row.evidence_links, row.contact_name, row.contact_cargo, row.contact_email, row.contact_phone, row.team,
  ];
}

/** Writes a checked row (see checkFields, assertCodeFree); no checks of its own. */
export function insertRow(db: Db, editionId: number, row: EntryRow, source: string, now: string): number {
  const result = execute(
    db,
    `INSERT INTO entry (edition_id, source, created_at, updated_at, code, iged_id, region, title, title_key, category_id, start_year,
         summary, problem, results, evidence_links, contact_name, contact_cargo, contact_email, contact_phone, team)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    editionId, source, now, now, ...rowValues(row),
  );
  return Number(result.lastInsertRowid);
}

/** Rewrites an entry with a checked row; no checks of its own. */
export function updateRow(db: Db, id: number, row: EntryRow, now: string): void {
  execute(
    db,
    `UPDATE entry SET code = ?, iged_id = ?, region = ?, title = ?, title_key = ?, category_id = ?, start_year = ?, summary = ?,
       problem = ?, results = ?, evidence_links = ?, contact_name = ?, contact_cargo = ?, contact_email = ?, contact_phone = ?, team = ?,
       updated_at = ?
     WHERE id = ?`,
    ...rowValues(row), now, id,
  );
}

export function insertEntry(db: Db, editionId: number, fields: EntryFields, now: string, source: string): number {
  assertEditable(db, editionId);
  const lookups = sqlLookups(db, editionId);
  const stored = checkFields(lookups, fields);
  const code = fields.code || nextEntryCode(db, editionId);
  assertCodeFree(lookups, code, null);
  return insertRow(db, editionId, { code, ...stored, title_key: foldKey(fields.title) }, source, now);
}

export function updateEntry(db: Db, id: number, fields: EntryFields, now: string): void {
  const current = queryOne<{ edition_id: number; code: string }>(db, `SELECT edition_id, code FROM entry WHERE id = ?`, id);
  if (!current) throw new AppError('error.entry.notFound');
  assertEditable(db, current.edition_id);
  const lookups = sqlLookups(db, current.edition_id);
  const stored = checkFields(lookups, fields);
  const code = fields.code || current.code;
  assertCodeFree(lookups, code, id);
  const before = storedFields(db, id);
  if (before.category_id !== stored.category_id || before.iged_id !== stored.iged_id || before.region !== stored.region) assertEntryNotFrozen(db, id);
  updateRow(db, id, { code, ...stored, title_key: foldKey(fields.title) }, now);
}

export function storedFields(db: Db, id: number): StoredEntryFields {
  return queryOne<StoredEntryFields>(
    db,
    `SELECT code, iged_id, region, title, category_id, start_year, summary, problem, results, evidence_links,
            contact_name, contact_cargo, contact_email, contact_phone, team FROM entry WHERE id = ?`,
    id,
  )!;
}

export function deleteEntry(db: Db, id: number, now: string): void {
  const current = queryOne<{ edition_id: number }>(db, `SELECT edition_id FROM entry WHERE id = ?`, id);
  if (!current) throw new AppError('error.entry.notFound');
  assertEditable(db, current.edition_id);
  assertEntryNotFrozen(db, id);
  // Its scores and sheets go with it: the audit chain records that (so verification does not report it as deleted outside the app).
  const code = queryOne<{ code: string }>(db, `SELECT code FROM entry WHERE id = ?`, id)!.code;
  const scored = queryOne(db, `SELECT 1 FROM audit_log WHERE action = 'score.set' AND entry_id = ? LIMIT 1`, id);
  execute(db, `DELETE FROM entry WHERE id = ?`, id);
  if (scored) appendAudit(db, { at: now, actor: 'organizer', action: 'entry.delete', editionId: current.edition_id, entryId: id, oldValue: { code }, newValue: null });
}

export function setEntryStatus(db: Db, entryId: number, stageId: number, status: EntryStatus, reason: string, now: string): void {
  const entry = queryOne<{ edition_id: number }>(db, `SELECT edition_id FROM entry WHERE id = ?`, entryId);
  if (!entry) throw new AppError('error.entry.notFound');
  assertEditable(db, entry.edition_id);
  const stage = queryOne(db, `SELECT 1 FROM stage WHERE id = ? AND edition_id = ?`, stageId, entry.edition_id);
  if (!stage) throw new AppError('error.entry.stageForeign');
  if ((status === 'notPassed' || status === 'observed') && !reason.trim()) throw new AppError('error.entry.reasonRequired');
  execute(
    db,
    `INSERT INTO entry_stage_status (entry_id, stage_id, status, reason, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (entry_id, stage_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, updated_at = excluded.updated_at`,
    entryId, stageId, status, reason.trim(), now,
  );
  execute(db, `UPDATE entry SET updated_at = ? WHERE id = ?`, now, entryId);
}
