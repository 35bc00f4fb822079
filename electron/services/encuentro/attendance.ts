import { emptyCounts, institutionTypeLabel, SERVIDOR_TYPES, type AttendanceCounts, type InstitutionType } from '../../../shared/domain/encuentro-attendance';
import type { AttendeeFields } from '../../../shared/domain/encuentro-schemas';
import type { Attendee } from '../../../shared/domain/encuentro-types';
import { actorFromColumns, actorText } from '../../../shared/domain/recorded-actor';
import { compareSpanish, foldKey } from '../../../shared/domain/text';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { actorValues } from '../actor-columns';
import { assertEncuentro, notFound } from './lookup';

/** Registration list and check-in at the door. People are soft-deleted: a mistaken delete is not a lost registration. */

interface Row {
  id: number;
  encuentro_id: number;
  full_name: string;
  dni: string;
  institution: string;
  institution_type: InstitutionType;
  cargo: string;
  region: string;
  checked_in_at: string | null;
  source: Attendee['source'];
  created_at: string;
  updated_at: string;
  registered_device_id: number | null;
  registered_name: string | null;
  registered_role: string | null;
  checked_in_device_id: number | null;
  checked_in_name: string | null;
  checked_in_role: string | null;
}

function toAttendee(r: Row): Attendee {
  const registeredBy = actorFromColumns(r.registered_device_id, r.registered_name, r.registered_role);
  const checkedInBy = r.checked_in_at === null ? null : actorFromColumns(r.checked_in_device_id, r.checked_in_name, r.checked_in_role);
  return {
    id: r.id,
    encuentroId: r.encuentro_id,
    fullName: r.full_name,
    dni: r.dni,
    institution: r.institution,
    institutionType: r.institution_type,
    cargo: r.cargo,
    region: r.region,
    checkedIn: r.checked_in_at !== null,
    checkedInAt: r.checked_in_at,
    source: r.source,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    registeredBy: actorText(registeredBy),
    checkedInBy: actorText(checkedInBy),
    registeredFrom: registeredBy,
    checkedInFrom: checkedInBy,
  };
}

/** Everything the door search may match, folded once at write time (accents and case never matter). */
function searchKey(f: AttendeeFields): string {
  return foldKey([f.fullName, f.dni, f.institution, f.cargo, f.region, institutionTypeLabel(f.institutionType)].join(' '));
}

function row(db: Db, id: number): Row {
  const r = queryOne<Row>(db, `SELECT * FROM encuentro_attendee WHERE id = ? AND deleted_at IS NULL`, id);
  if (!r) throw notFound('attendee');
  return r;
}

export function getAttendee(db: Db, id: number): Attendee {
  return toAttendee(row(db, id));
}

export function listAttendees(db: Db, encuentroId: number, query: string, limit: number | undefined): Attendee[] {
  assertEncuentro(db, encuentroId);
  const words = foldKey(query).split(' ').filter(Boolean);
  const where = ['encuentro_id = ?', 'deleted_at IS NULL', ...words.map(() => `search_key LIKE ?`)];
  // foldKey leaves only [a-z0-9ñ ], so no LIKE wildcard can come from the user.
  const rows = queryAll<Row>(db, `SELECT * FROM encuentro_attendee WHERE ${where.join(' AND ')}`, encuentroId, ...words.map((w) => `%${w}%`));
  const sorted = rows.map(toAttendee).sort((a, b) => compareSpanish(a.fullName, b.fullName) || a.id - b.id);
  return limit === undefined ? sorted : sorted.slice(0, limit);
}

export function attendanceCounts(db: Db, encuentroId: number): AttendanceCounts {
  const rows = queryAll<{ type: InstitutionType; registered: number; checked_in: number }>(
    db,
    `SELECT institution_type AS type, count(*) AS registered, count(checked_in_at) AS checked_in
       FROM encuentro_attendee WHERE encuentro_id = ? AND deleted_at IS NULL GROUP BY institution_type`,
    encuentroId,
  );
  const counts = emptyCounts();
  for (const r of rows) {
    counts.byType[r.type] = { registered: r.registered, checkedIn: r.checked_in };
    counts.registered += r.registered;
    counts.checkedIn += r.checked_in;
    if (SERVIDOR_TYPES.has(r.type)) {
      counts.servidores.registered += r.registered;
      counts.servidores.checkedIn += r.checked_in;
    }
  }
  return counts;
}

function assertDniFree(db: Db, encuentroId: number, dni: string, exceptId: number | null): void {
  if (!dni) return;
  const clash = queryOne<{ full_name: string }>(
    db,
    `SELECT full_name FROM encuentro_attendee WHERE encuentro_id = ? AND dni = ? AND deleted_at IS NULL AND id IS NOT ?`,
    encuentroId, dni, exceptId,
  );
  if (clash) throw new AppError('encuentro.error.dniTaken', { dni, name: clash.full_name });
}

export function insertAttendee(db: Db, encuentroId: number, f: AttendeeFields, opts: { checkIn: boolean; source: Attendee['source']; now: string }): number {
  assertEncuentro(db, encuentroId);
  assertDniFree(db, encuentroId, f.dni, null);
  const actor = actorValues();
  const result = execute(
    db,
    `INSERT INTO encuentro_attendee (encuentro_id, full_name, dni, institution, institution_type, cargo, region, search_key, checked_in_at, source, created_at, updated_at,
         registered_device_id, registered_name, registered_role, checked_in_device_id, checked_in_name, checked_in_role)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    encuentroId,
    f.fullName,
    f.dni,
    f.institution,
    f.institutionType,
    f.cargo,
    f.region,
    searchKey(f),
    opts.checkIn ? opts.now : null,
    opts.source,
    opts.now,
    opts.now,
    ...actor,
    ...(opts.checkIn ? actor : [null, null, null]),
  );
  return Number(result.lastInsertRowid);
}

export function updateAttendee(db: Db, id: number, f: AttendeeFields, now: string): number {
  const current = row(db, id);
  assertDniFree(db, current.encuentro_id, f.dni, id);
  execute(
    db,
    `UPDATE encuentro_attendee SET full_name = ?, dni = ?, institution = ?, institution_type = ?, cargo = ?, region = ?, search_key = ?, updated_at = ? WHERE id = ?`,
    f.fullName, f.dni, f.institution, f.institutionType, f.cargo, f.region, searchKey(f), now, id,
  );
  return current.encuentro_id;
}

export function deleteAttendee(db: Db, id: number, now: string): number {
  const current = row(db, id);
  execute(db, `UPDATE encuentro_attendee SET deleted_at = ?, updated_at = ? WHERE id = ?`, now, now, id);
  return current.encuentro_id;
}

/** Checking in twice keeps the first arrival time. */
export function setCheckedIn(db: Db, id: number, checkedIn: boolean, now: string): number {
  const current = row(db, id);
  if (checkedIn && current.checked_in_at) return current.encuentro_id;
  // Who marked the arrival goes with it; undoing the check-in forgets both.
  execute(
    db,
    `UPDATE encuentro_attendee SET checked_in_at = ?, checked_in_device_id = ?, checked_in_name = ?, checked_in_role = ?, updated_at = ? WHERE id = ?`,
    checkedIn ? now : null, ...(checkedIn ? actorValues() : [null, null, null]), now, id,
  );
  return current.encuentro_id;
}

/** Whether someone is already on the list: same DNI, or (without DNI) same name and institution. */
export function existingAttendeeKeys(db: Db, encuentroId: number): { dnis: Set<string>; names: Set<string> } {
  const rows = queryAll<{ dni: string; full_name: string; institution: string }>(
    db,
    `SELECT dni, full_name, institution FROM encuentro_attendee WHERE encuentro_id = ? AND deleted_at IS NULL`,
    encuentroId,
  );
  return {
    dnis: new Set(rows.filter((r) => r.dni).map((r) => r.dni)),
    names: new Set(rows.map((r) => personKey(r.full_name, r.institution))),
  };
}

export function personKey(fullName: string, institution: string): string {
  return `${foldKey(fullName)}|${foldKey(institution)}`;
}
