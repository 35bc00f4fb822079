import type { StageJuryOverview, StageJuryState } from '../../../shared/domain/jury-types';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { assertEditable } from '../editions/write';
import { appendAudit } from './audit/chain';
import { actorLabel, withDevice, type AuditDeviceColumns } from './audit/list';
import { loadStage } from './lookup';

export function stageState(db: Db, stageId: number): StageJuryState {
  loadStage(db, stageId);
  const state = db.prepare(`SELECT closed_at, closed_reason FROM stage_jury_state WHERE stage_id = ?`).get(stageId) as
    | { closed_at: string | null; closed_reason: string }
    | undefined;
  const sheets = db
    .prepare(
      `SELECT count(*) AS total,
              coalesce(sum(s.submitted_at IS NOT NULL AND s.abstention IS NULL), 0) AS submitted,
              coalesce(sum(s.submitted_at IS NOT NULL AND s.abstention IS NOT NULL), 0) AS abstained
       FROM assignment a LEFT JOIN score_sheet s ON s.stage_id = a.stage_id AND s.juror_id = a.juror_id AND s.entry_id = a.entry_id
       WHERE a.stage_id = ?`,
    )
    .get(stageId) as { total: number; submitted: number; abstained: number };
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
  const stages = db.prepare(`SELECT id, name, position FROM stage WHERE edition_id = ? ORDER BY position, id`).all(editionId) as { id: number; name: string; position: number }[];
  const jurorNames = new Map((db.prepare(`SELECT id, name FROM juror WHERE edition_id = ?`).all(editionId) as { id: number; name: string }[]).map((j) => [j.id, j.name]));
  const jurorName = (id: number) => jurorNames.get(id) ?? `#${id}`;
  const entry = db.prepare(`SELECT code, title FROM entry WHERE id = ?`);
  const lastClose = db.prepare(`SELECT actor, format, device_id, device_name, device_role FROM audit_log WHERE stage_id = ? AND action = 'stage.close' ORDER BY id DESC LIMIT 1`);
  const reopens = db.prepare(
    `SELECT at, actor, juror_id, entry_id, reason, format, device_id, device_name, device_role FROM audit_log WHERE stage_id = ? AND action = 'sheet.reopen' ORDER BY id`,
  );
  return stages.map((stage) => {
    const state = stageState(db, stage.id);
    const closer = state.closed ? (lastClose.get(stage.id) as ({ actor: string } & AuditDeviceColumns) | undefined) : undefined;
    const rows = reopens.all(stage.id) as ({ at: string; actor: string; juror_id: number | null; entry_id: number | null; reason: string } & AuditDeviceColumns)[];
    return {
      ...state,
      stageName: stage.name,
      position: stage.position,
      closedBy: closer ? withDevice(actorLabel(closer.actor, jurorName), closer) : '',
      reopenedSheets: rows.map((r) => {
        const e = r.entry_id === null ? undefined : (entry.get(r.entry_id) as { code: string; title: string } | undefined);
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
  db.prepare(
    `INSERT INTO stage_jury_state (stage_id, closed_at, closed_reason, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (stage_id) DO UPDATE SET closed_at = excluded.closed_at, closed_reason = excluded.closed_reason, updated_at = excluded.updated_at`,
  ).run(stageId, now, reason, now);
  appendAudit(db, { at: now, actor: 'organizer', action: 'stage.close', editionId: stage.edition_id, stageId, newValue: { closed: true }, reason });
}

export function reopenStage(db: Db, stageId: number, reason: string, now: string): void {
  const stage = loadStage(db, stageId);
  assertEditable(db, stage.edition_id);
  if (!stageState(db, stageId).closed) throw new AppError('jury.stage.notClosed', { stage: stage.name });
  db.prepare(`UPDATE stage_jury_state SET closed_at = NULL, closed_reason = '', updated_at = ? WHERE stage_id = ?`).run(now, stageId);
  appendAudit(db, { at: now, actor: 'organizer', action: 'stage.reopen', editionId: stage.edition_id, stageId, oldValue: { closed: true }, newValue: { closed: false }, reason });
}
