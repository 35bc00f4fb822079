import type { Db } from '../../../db/open';
import { queryAll, queryOne } from '../../../db/query';
import type { AuditDeviceColumns } from '../audit/list';

/**
 * What the acta states about the stage's sheets besides the ranking, by name: the sheets not
 * submitted (left out), the ones left out for a conflict of interest in force, the abstentions
 * and recusals with their reasons, and who closed the stage and when. The rules are the
 * consolidation's (consolidation/sheets.ts), so the counts match the report's.
 */
export interface ActaRecord {
  pending: { juror: string; entry: string }[];
  conflicted: { juror: string; entry: string; detail: string }[];
  abstentions: { juror: string; entry: string; kind: 'abstain' | 'recuse'; reason: string }[];
  /** device: the audit row's device columns (the venue device the stage was closed on, if any). */
  closed: { at: string; actor: string; reason: string; device: AuditDeviceColumns | null } | null;
}

export function actaRecord(db: Db, stageId: number): ActaRecord {
  const inForce = `EXISTS (SELECT 1 FROM conflict c WHERE c.juror_id = a.juror_id AND c.entry_id = a.entry_id AND c.dismissed_at IS NULL)`;
  const pending = queryAll(
    db,
    `SELECT j.name AS juror, e.code AS entry FROM assignment a
       JOIN juror j ON j.id = a.juror_id JOIN entry e ON e.id = a.entry_id
       LEFT JOIN score_sheet s ON s.stage_id = a.stage_id AND s.juror_id = a.juror_id AND s.entry_id = a.entry_id
       WHERE a.stage_id = ? AND j.withdrawn_at IS NULL AND NOT ${inForce}
         AND (s.id IS NULL OR (s.submitted_at IS NULL AND s.abstention IS NULL))
       ORDER BY e.code, j.name`,
    stageId,
  ) as ActaRecord['pending'];
  const conflicted = queryAll(
    db,
    `SELECT j.name AS juror, e.code AS entry,
              (SELECT CASE WHEN c.basis = 'declared' THEN c.declared_reason ELSE c.detail END FROM conflict c
               WHERE c.juror_id = a.juror_id AND c.entry_id = a.entry_id AND c.dismissed_at IS NULL ORDER BY c.id LIMIT 1) AS detail
       FROM score_sheet a JOIN juror j ON j.id = a.juror_id JOIN entry e ON e.id = a.entry_id
       WHERE a.stage_id = ? AND a.submitted_at IS NOT NULL AND a.abstention IS NULL AND ${inForce}
       ORDER BY e.code, j.name`,
    stageId,
  ) as ActaRecord['conflicted'];
  const abstentions = queryAll(
    db,
    `SELECT j.name AS juror, e.code AS entry, s.abstention AS kind, s.abstention_reason AS reason
       FROM score_sheet s JOIN juror j ON j.id = s.juror_id JOIN entry e ON e.id = s.entry_id
       WHERE s.stage_id = ? AND s.abstention IS NOT NULL ORDER BY e.code, j.name`,
    stageId,
  ) as ActaRecord['abstentions'];
  const state = queryOne<{ closed_at: string; closed_reason: string }>(
    db,
    `SELECT closed_at, closed_reason FROM stage_jury_state WHERE stage_id = ? AND closed_at IS NOT NULL`,
    stageId,
  );
  const closer = state
    ? queryOne<{ actor: string } & AuditDeviceColumns>(
      db,
      `SELECT actor, format, device_id, device_name, device_role FROM audit_log WHERE stage_id = ? AND action = 'stage.close' ORDER BY id DESC LIMIT 1`,
      stageId,
    )
    : undefined;
  return {
    pending,
    conflicted,
    abstentions,
    closed: state ? { at: state.closed_at, actor: closer?.actor ?? 'organizer', reason: state.closed_reason, device: closer ?? null } : null,
  };
}
