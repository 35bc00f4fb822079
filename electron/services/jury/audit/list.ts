import type { AuditAction, AuditEntry } from '../../../../shared/domain/jury-types';
import { actorFromColumns, actorText } from '../../../../shared/domain/recorded-actor';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { queryAll, queryOne, queryValue } from '../../../db/query';
import type { AuditRow } from './chain';
import { actionLabel, describeAuditValue } from './describe';

export interface AuditFilter {
  editionId?: number | undefined;
  stageId?: number | undefined;
  jurorId?: number | undefined;
  entryId?: number | undefined;
  action?: AuditAction | undefined;
  limit: number;
  offset: number;
}

/** The log, newest first, with actors spelled out for people. */
export function listAudit(db: Db, filter: AuditFilter): { total: number; rows: AuditEntry[] } {
  const where: string[] = [];
  const params: (number | string)[] = [];
  for (const [column, value] of [
    ['edition_id', filter.editionId],
    ['stage_id', filter.stageId],
    ['juror_id', filter.jurorId],
    ['entry_id', filter.entryId],
    ['action', filter.action],
  ] as const) {
    if (value !== undefined) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { total } = queryOne<{ total: number }>(db, `SELECT count(*) AS total FROM audit_log ${clause}`, ...params)!;
  const rows = queryAll<AuditRow>(db, `SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`, ...params, filter.limit, filter.offset);
  // One page at a time (≤ 5000 rows): names are looked up per distinct id and cached.
  const jurorName = cachedLookup((id) => queryValue<string>(db, `SELECT name FROM juror WHERE id = ?`, id));
  const entryOf = cachedLookup((id) => queryOne<{ code: string; title: string }>(db, `SELECT code, title FROM entry WHERE id = ?`, id));
  const criterionName = cachedLookup((id) => queryValue<string>(db, `SELECT name FROM criterion WHERE id = ?`, id));
  return {
    total,
    rows: rows.map((r) => {
      const oldValue = r.old_value === null ? null : (JSON.parse(r.old_value) as unknown);
      const newValue = r.new_value === null ? null : (JSON.parse(r.new_value) as unknown);
      const entry = r.entry_id === null ? null : entryOf(r.entry_id);
      return {
      id: r.id,
      at: r.at,
      actor: r.actor,
      actorLabel: actorLabel(r.actor, (id) => jurorName(id) ?? `#${id}`),
      device: r.format === null ? null : actorFromColumns(r.device_id, r.device_name, r.device_role),
      recordedBy: r.format === null ? '' : actorText(actorFromColumns(r.device_id, r.device_name, r.device_role)),
      action: r.action as AuditAction,
      editionId: r.edition_id,
      stageId: r.stage_id,
      jurorId: r.juror_id,
      entryId: r.entry_id,
      criterionId: r.criterion_id,
      oldValue,
      newValue,
      reason: r.reason,
      hash: r.hash,
      actionLabel: actionLabel(r.action),
      jurorName: r.juror_id === null ? '' : (jurorName(r.juror_id) ?? `#${r.juror_id}`),
      entryCode: r.entry_id === null ? '' : (entry?.code ?? `#${r.entry_id}`),
      entryTitle: entry?.title ?? '',
      criterionName: r.criterion_id === null ? '' : (criterionName(r.criterion_id) ?? `#${r.criterion_id}`),
      oldText: oldValue === null ? '' : describeAuditValue(r.action, oldValue),
      newText: newValue === null ? '' : describeAuditValue(r.action, newValue),
      };
    }),
  };
}

/** The log has no foreign keys: a deleted juror, entry or criterion gives undefined, shown as its #id. */
function cachedLookup<T>(lookup: (id: number) => T | undefined): (id: number) => T | undefined {
  const cache = new Map<number, T | undefined>();
  return (id) => {
    if (!cache.has(id)) cache.set(id, lookup(id));
    return cache.get(id);
  };
}

export function actorLabel(actor: string, jurorName: (id: number) => string): string {
  const [kind, id] = actor.split(':');
  if (kind === 'juror' && id) return t('jury.audit.actor.juror', { name: jurorName(Number(id)) });
  if (kind === 'workbook' && id) return t('jury.audit.actor.workbook', { name: jurorName(Number(id)) });
  return t('jury.audit.actor.organizer');
}

/** The device columns of an audit row. */
export interface AuditDeviceColumns {
  format: number | null;
  device_id: number | null;
  device_name: string | null;
  device_role: string | null;
}

/**
 * «Organización (registrado por Mesa 1)»: who, and the venue device it was done on; just who on
 * the organizer's own computer or for rows written before devices were recorded.
 */
export function withDevice(label: string, row: AuditDeviceColumns): string {
  if (row.format === null || row.device_id === null) return label;
  return `${label} (${t('who.recordedByName', { name: actorText(actorFromColumns(row.device_id, row.device_name, row.device_role)) })})`;
}
