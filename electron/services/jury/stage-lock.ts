import type { StageJuryOverview, StageJuryState } from '../../../shared/domain/jury-types';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { execute, queryAll, queryOne } from '../../db/query';
import { assertEditable } from '../editions/write';
import { appendAudit } from './audit/chain';
import { actorLabel, withDevice, type AuditDeviceColumns } from './audit/list';
import { loadStage } from './lookup';

export function stageState(db: Db, stageId: number): StageJuryState {
  loadStage(db, stageId);
  const state = queryOne<{ closed_at: string | null; closed_reason: string }>(
    db,
    `SELECT closed_at, closed_reason FROM stage_jury_state WHERE stage_id = ?`,
    stageId,
  );
  const sheets = queryOne<{ total: number; submitted: number; abstained: number }>(
    db,
    `SELECT count(*) AS total,
              coalesce(sum(s.submitted_at IS NOT NULL AND s.abstention IS NULL), 0) AS submitted,
              coalesce(sum(s.submitted_at IS NOT NULL AND s.abstention IS NOT NULL), 0) AS abstained
       FROM assignment a LEFT JOIN score_sheet s ON s.stage_id = a.stage_id AND s.juror_id = a.juror_id AND s.entry_id = a.entry_id
       WHERE a.stage_id = ?`,
    stageId,
  )!;
  return {
    stageId,
    closed: !!state?.closed_at,
    closedAt: state?.closed_at ?? null,
    closedReason: state?.closed_reason ?? '',
    sheets: { ...sheets, pending: sheets.total - sheets.submitted - sheets.abstained },
  };
}

/**
 * Every stage of the edition in order with its state, who closed it, and the sheets reopened
 * (with reason) — read from the audit log, which is the only place that keeps the history.
 */
export function stageOverview(db: Db, editionId: number): StageJuryOverview[] {
  const stages = queryAll<{ id: number; name: string; position: number }>(
    db,
    `SELECT id, name, position FROM stage WHERE edition_id = ? ORDER BY position, id`,
    editionId,
  );
  const jurorNames = new Map(queryAll<{ id: number; name: string }>(
    db,
    `SELECT id, name FROM juror WHERE edition_id = ?`,
    editionId,
  ).map((j) => [j.id, j.name]));
  const jurorName = (id: number) => jurorNames.get(id) ?? `#${id}`;
  return stages.map((stage) => {
    const state = stageState(db, stage.id);
    const closer = state.closed ? queryOne<{ actor: string } & AuditDeviceColumns>(
      db,
      `SELECT actor, format, device_id, device_name, device_role FROM audit_log WHERE stage_id = ? AND action = 'stage.close' ORDER BY id DESC LIMIT 1`,
      stage.id,
    ) : undefined;
    const rows = queryAll<{ at: string; actor: string; juror_id: number | null; entry_id: number | null; reason: string } & AuditDeviceColumns>(
      db,
      `SELECT at, actor, juror_id, entry_id, reason, format, device_id, device_name, device_role FROM audit_log WHERE stage_id = ? AND action = 'sheet.reopen' ORDER BY id`,
      stage.id,
    );
    return {
      ...state,
      stageName: stage.name,
      position: stage.position,
      closedBy: closer ? withDevice(actorLabel(closer.actor, jurorName), closer) : '',
      reopenedSheets: rows.map((r) => {
        const e = r.entry_id === null ? undefined : queryOne<{ code: string; title: string }>(db, `SELECT code, title FROM entry WHERE id = ?`, r.entry_id);
        return {
          at: r.at,
          byLabel: withDevice(actorLabel(r.actor, jurorName), r),
          jurorName: r.juror_id === null ? '' : jurorName(r.juror_id),
          entryCode: e?.code ?? (r.entry_id === null ? '' : `#${r.entry_id}`),
          entryTitle: e?.title ?? '',
          reason: r.reason,
        };
      }),
    };
  });
}

/** Closing makes every score of the stage read-only; sheets can then be reopened one at a time. */
export function closeStage(db: Db, stageId: number, reason: string, now: string): void {
  const stage = loadStage(db, stageId);
  assertEditable(db, stage.edition_id);
  if (stageState(db, stageId).closed) throw new AppError('jury.stage.alreadyClosed', { stage: stage.name });
  execute(
    db,
    `INSERT INTO stage_jury_state (stage_id, closed_at, closed_reason, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (stage_id) DO UPDATE SET closed_at = excluded.closed_at, closed_reason = excluded.closed_reason, updated_at = excluded.updated_at`,
    stageId, now, reason, now,
  );
  appendAudit(db, { at: now, actor: 'organizer', action: 'stage.close', editionId: stage.edition_id, stageId, newValue: { closed: true }, reason });
}

export function reopenStage(db: Db, stageId: number, reason: string, now: string): void {
  const stage = loadStage(db, stageId);
  assertEditable(db, stage.edition_id);
  if (!stageState(db, stageId).closed) throw new AppError('jury.stage.notClosed', { stage: stage.name });
  execute(db, `UPDATE stage_jury_state SET closed_at = NULL, closed_reason = '', updated_at = ? WHERE stage_id = ?`, now, stageId);
  appendAudit(db, { at: now, actor: 'organizer', action: 'stage.reopen', editionId: stage.edition_id, stageId, oldValue: { closed: true }, newValue: { closed: false }, reason });
}
