import type { Conflict } from '../../../../shared/domain/jury-types';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { execute, queryAll, queryOne } from '../../../db/query';
import { appendAudit } from '../audit/chain';
import { getSettings } from '../settings';
import { detectConflicts, type AffiliationInfo, type EntryInfo, type IgedInfo } from './detect';

interface IgedRow {
  id: number;
  name: string;
  kind: 'dre' | 'ugel';
  dre_id: number | null;
  region: string;
}

const toIged = (row: IgedRow): IgedInfo => ({ id: row.id, name: row.name, kind: row.kind, dreId: row.dre_id, region: row.region });

/**
 * Brings the detected conflicts of an edition in step with its affiliations, entries and rules:
 * new ones are inserted, ones that no longer apply are deleted, existing ones (and their
 * dismissal) are kept. Declared conflicts are never touched. Returns whether it wrote any.
 * Jurors × entries in memory: the reads call refreshConflictsForRead, which skips it when
 * nothing was written since.
 */
export function refreshConflicts(db: Db, editionId: number, now: string): boolean {
  const rules = getSettings(db, editionId, now).conflictRules;
  const igeds = new Map(queryAll<IgedRow>(db, `SELECT id, name, kind, dre_id, region FROM iged`).map((r) => [r.id, toIged(r)]));
  const affRows = queryAll<{ juror_id: number; iged_id: number | null; region: string | null }>(
    db,
    `SELECT a.juror_id, a.iged_id, a.region FROM juror_affiliation a JOIN juror j ON j.id = a.juror_id WHERE j.edition_id = ? ORDER BY a.id`,
    editionId,
  );
  const byJuror = new Map<number, AffiliationInfo[]>();
  for (const a of affRows) {
    const list = byJuror.get(a.juror_id) ?? [];
    list.push({ iged: a.iged_id === null ? null : (igeds.get(a.iged_id) ?? null), region: a.region });
    byJuror.set(a.juror_id, list);
  }
  const entries = queryAll<{ id: number; iged_id: number | null; region: string }>(db, `SELECT id, iged_id, region FROM entry WHERE edition_id = ?`, editionId);

  const wanted = new Map<string, { jurorId: number; entryId: number; basis: string; detail: string }>();
  for (const [jurorId, affiliations] of byJuror) {
    for (const entry of entries) {
      const info: EntryInfo = { iged: entry.iged_id === null ? null : (igeds.get(entry.iged_id) ?? null), region: entry.region };
      for (const found of detectConflicts(affiliations, info, rules)) {
        wanted.set(`${jurorId}:${entry.id}:${found.basis}`, { jurorId, entryId: entry.id, ...found });
      }
    }
  }

  const existing = queryAll<{ id: number; juror_id: number; entry_id: number; basis: string; detail: string }>(
    db,
    `SELECT id, juror_id, entry_id, basis, detail FROM conflict WHERE edition_id = ? AND basis <> 'declared'`,
    editionId,
  );
  let wrote = false;
  for (const row of existing) {
    const key = `${row.juror_id}:${row.entry_id}:${row.basis}`;
    const want = wanted.get(key);
    if (!want) {
      execute(db, `DELETE FROM conflict WHERE id = ?`, row.id);
      wrote = true;
    } else if (want.detail !== row.detail) {
      execute(db, `UPDATE conflict SET detail = ? WHERE id = ?`, want.detail, row.id);
      wrote = true;
    }
    wanted.delete(key);
  }
  for (const w of wanted.values()) {
    execute(
      db,
      `INSERT INTO conflict (edition_id, juror_id, entry_id, basis, detail, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      editionId, w.jurorId, w.entryId, w.basis, w.detail, now,
    );
    wrote = true;
  }
  return wrote;
}

/** Per connection, per edition: the write stamp at which its conflicts were last found up to date. */
const upToDate = new WeakMap<Db, Map<number, string>>();

/**
 * Changes whenever anything is written to the database: total_changes() counts the rows this
 * connection inserted, updated or deleted since it opened (it never goes back, not even when a
 * transaction rolls back), data_version changes when another connection commits.
 */
function writeStamp(db: Db): string {
  const { n } = queryOne<{ n: number }>(db, `SELECT total_changes() AS n`)!;
  return `${n}:${String(db.pragma('data_version', { simple: true }))}`;
}

/**
 * refreshConflicts for the reads (worklist, grid, sheet, peers, lists): it runs only if something
 * was written since the edition's conflicts were last found up to date — any write at all, so a
 * new entry, IGED, affiliation or rule is always seen; reading the grid again, or after another
 * edition's writes were already seen, costs two tiny queries instead of jurors × entries.
 * Call it before any write of the caller's transaction: the stamp is remembered only when the
 * refresh itself wrote nothing (had it written, a rollback would undo the rows but not the stamp),
 * so what it remembers is true whether the transaction commits or not.
 */
export function refreshConflictsForRead(db: Db, editionId: number, now: string): void {
  const before = writeStamp(db);
  let seen = upToDate.get(db);
  if (seen?.get(editionId) === before) return;
  refreshConflicts(db, editionId, now);
  // Equal stamps: neither the refresh nor the settings' first read (it stores the defaults) wrote.
  if (writeStamp(db) !== before) return;
  if (!seen) upToDate.set(db, (seen = new Map()));
  seen.set(editionId, before);
}

interface ConflictRow {
  id: number;
  juror_id: number;
  juror_name: string;
  entry_id: number;
  entry_code: string;
  entry_title: string;
  basis: Conflict['basis'];
  detail: string;
  declared_reason: string;
  created_at: string;
  dismissed_at: string | null;
  dismissed_reason: string;
}

const SELECT = `
  SELECT c.*, j.name AS juror_name, e.code AS entry_code, e.title AS entry_title
  FROM conflict c JOIN juror j ON j.id = c.juror_id JOIN entry e ON e.id = c.entry_id`;

function toConflict(row: ConflictRow): Conflict {
  return {
    id: row.id,
    jurorId: row.juror_id,
    jurorName: row.juror_name,
    entryId: row.entry_id,
    entryCode: row.entry_code,
    entryTitle: row.entry_title,
    basis: row.basis,
    detail: row.detail,
    declaredReason: row.declared_reason,
    createdAt: row.created_at,
    inForce: row.dismissed_at === null,
    dismissedAt: row.dismissed_at,
    dismissedReason: row.dismissed_reason,
  };
}

export function listConflicts(
  db: Db,
  filter: { editionId: number; jurorId?: number | undefined; entryId?: number | undefined; includeDismissed: boolean },
): Conflict[] {
  const where = ['c.edition_id = ?'];
  const params: number[] = [filter.editionId];
  if (filter.jurorId !== undefined) {
    where.push('c.juror_id = ?');
    params.push(filter.jurorId);
  }
  if (filter.entryId !== undefined) {
    where.push('c.entry_id = ?');
    params.push(filter.entryId);
  }
  if (!filter.includeDismissed) where.push('c.dismissed_at IS NULL');
  const rows = queryAll<ConflictRow>(db, `${SELECT} WHERE ${where.join(' AND ')} ORDER BY j.name, e.code, c.basis`, ...params);
  return rows.map(toConflict);
}

export function getConflict(db: Db, id: number): Conflict & { editionId: number } {
  const row = queryOne<ConflictRow & { edition_id: number }>(db, `${SELECT} WHERE c.id = ?`, id);
  if (!row) throw new AppError('jury.conflict.notFound');
  return { ...toConflict(row), editionId: row.edition_id };
}

/** A juror's own declaration (or the organizer's on their behalf); re-declaring updates the reason. */
export function declareConflict(db: Db, editionId: number, jurorId: number, entryId: number, reason: string, now: string, actor: string): number {
  execute(
    db,
    `INSERT INTO conflict (edition_id, juror_id, entry_id, basis, declared_reason, created_at) VALUES (?, ?, ?, 'declared', ?, ?)
     ON CONFLICT (juror_id, entry_id, basis) DO UPDATE SET declared_reason = excluded.declared_reason, dismissed_at = NULL, dismissed_reason = ''`,
    editionId, jurorId, entryId, reason, now,
  );
  appendAudit(db, { at: now, actor, action: 'conflict.declare', editionId, jurorId, entryId, reason });
  const row = queryOne<{ id: number }>(db, `SELECT id FROM conflict WHERE juror_id = ? AND entry_id = ? AND basis = 'declared'`, jurorId, entryId)!;
  return row.id;
}

export function setDismissed(db: Db, id: number, dismissed: boolean, reason: string, now: string): void {
  const current = getConflict(db, id);
  if (dismissed && !current.inForce) throw new AppError('jury.conflict.alreadyDismissed');
  if (!dismissed && current.inForce) throw new AppError('jury.conflict.notDismissed');
  execute(db, `UPDATE conflict SET dismissed_at = ?, dismissed_reason = ? WHERE id = ?`, dismissed ? now : null, dismissed ? reason : '', id);
  appendAudit(db, {
    at: now,
    actor: 'organizer',
    action: dismissed ? 'conflict.dismiss' : 'conflict.reinstate',
    editionId: current.editionId,
    jurorId: current.jurorId,
    entryId: current.entryId,
    oldValue: { basis: current.basis, inForce: current.inForce },
    newValue: { basis: current.basis, inForce: !dismissed },
    reason,
  });
}
