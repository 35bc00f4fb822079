import type { AuditAction, AuditEntry } from '../../../../shared/domain/jury-types';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import type { AuditRow } from './chain';

export interface AuditFilter {
  editionId?: number | undefined;
  stageId?: number | undefined;
  jurorId?: number | undefined;
  entryId?: number | undefined;
  limit: number;
  offset: number;
}

/** The log, newest first, with actors spelled out for people. */
export function listAudit(db: Db, filter: AuditFilter): { total: number; rows: AuditEntry[] } {
  const where: string[] = [];
  const params: number[] = [];
  for (const [column, value] of [
    ['edition_id', filter.editionId],
    ['stage_id', filter.stageId],
    ['juror_id', filter.jurorId],
    ['entry_id', filter.entryId],
  ] as const) {
    if (value !== undefined) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { total } = db.prepare(`SELECT count(*) AS total FROM audit_log ${clause}`).get(...params) as { total: number };
  const rows = db.prepare(`SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, filter.limit, filter.offset) as AuditRow[];
  const names = new Map<number, string>();
  const nameOf = db.prepare(`SELECT name FROM juror WHERE id = ?`);
  const jurorName = (id: number) => {
    if (!names.has(id)) names.set(id, (nameOf.get(id) as { name: string } | undefined)?.name ?? `#${id}`);
    return names.get(id) as string;
  };
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      actorLabel: actorLabel(r.actor, jurorName),
      action: r.action as AuditAction,
      editionId: r.edition_id,
      stageId: r.stage_id,
      jurorId: r.juror_id,
      entryId: r.entry_id,
      criterionId: r.criterion_id,
      oldValue: r.old_value === null ? null : (JSON.parse(r.old_value) as unknown),
      newValue: r.new_value === null ? null : (JSON.parse(r.new_value) as unknown),
      reason: r.reason,
      hash: r.hash,
    })),
  };
}

export function actorLabel(actor: string, jurorName: (id: number) => string): string {
  const [kind, id] = actor.split(':');
  if (kind === 'juror' && id) return t('jury.audit.actor.juror', { name: jurorName(Number(id)) });
  if (kind === 'workbook' && id) return t('jury.audit.actor.workbook', { name: jurorName(Number(id)) });
  return t('jury.audit.actor.organizer');
}
