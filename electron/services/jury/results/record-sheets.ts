import { actorFromColumns, actorText } from '../../../../shared/domain/recorded-actor';
import { formatDateTime, t } from '../../../../shared/i18n';
import type { ConsolidationReport } from '../../../../shared/scoring';
import type { Db } from '../../../db/open';
import { queryTuples } from '../../../db/query';
import { actionLabel, describeAuditValue } from '../audit/describe';
import { actorLabel } from '../audit/list';

import { sheetName, type Cell, type SheetSpec } from './xlsx-stream';

const NUM = '0.00';

/** Per-criterion statistics: the numbers behind the spread chart, with each criterion's α. */
export function criteriaSheet(report: ConsolidationReport): SheetSpec {
  const rows: Cell[][] = report.result.criteria.map((c) => {
    const weight = report.criteria.find((x) => x.id === c.criterionId)?.weight ?? null;
    return [c.name, weight, t(c.independent ? 'results.yes' : 'results.no'), c.count, c.mean, c.sd, c.min, c.q1, c.median, c.q3, c.max, c.meanSpread, c.reliability.alpha];
  });
  return {
    name: sheetName(t('results.workbook.sheet.criteria')),
    headers: [
      t('results.col.criterion'),
      t('results.col.weight'),
      t('results.col.independent'),
      t('results.col.count'),
      t('results.col.mean'),
      t('results.col.sd'),
      t('results.col.min'),
      t('results.col.q1'),
      t('results.col.median'),
      t('results.col.q3'),
      t('results.col.max'),
      t('results.col.meanSpread'),
      t('results.col.alpha'),
    ],
    widths: [40, 10, 14, 10, 10, 12, 10, 10, 10, 10, 10, 16, 14],
    formats: ['', '', '', '', NUM, NUM, NUM, NUM, NUM, NUM, NUM, NUM, '0.000'],
    rows,
  };
}

/** The edition's conflicts of interest, in force and dismissed (jury schema table `conflict`). */
export function conflictsSheet(db: Db, report: ConsolidationReport): SheetSpec {
  const rows = queryTuples<[string, string, string, 'iged' | 'dre' | 'region' | 'declared', string, string, number, string, string]>(
    db,
    `SELECT j.name, e.code, e.title, c.basis, c.detail, c.declared_reason, c.dismissed_at IS NULL AS in_force, c.dismissed_reason, c.created_at
       FROM conflict c JOIN juror j ON j.id = c.juror_id JOIN entry e ON e.id = c.entry_id
       WHERE c.edition_id = ? ORDER BY j.name_key, e.code, c.basis`,
    report.editionId,
  );
  return {
    name: sheetName(t('results.workbook.sheet.conflicts')),
    headers: [
      t('results.col.juror'),
      t('results.col.code'),
      t('results.col.title'),
      t('results.col.basis'),
      t('results.col.detail'),
      t('results.col.reason'),
      t('results.col.inForce'),
      t('results.col.dismissedReason'),
      t('results.col.at'),
    ],
    widths: [30, 12, 40, 22, 50, 40, 10, 40, 20],
    rows: rows.map(([juror, code, title, basis, detail, declared, inForce, dismissed, at]) => [
      juror,
      code,
      title,
      t(`results.conflict.basis.${basis}`),
      detail,
      declared,
      t(inForce === 1 ? 'results.yes' : 'results.no'),
      dismissed,
      formatDateTime(at),
    ]),
  };
}

/** A stored audit value in words; '' when the row has none (NULL, or JSON null). */
function auditText(action: string, stored: string | null): string {
  const value = stored === null ? null : (JSON.parse(stored) as unknown);
  return value === null ? '' : describeAuditValue(action, value);
}

/** The audit log of the stage plus the edition-wide events (withdrawals, conflicts), oldest first. */
export function auditSheet(db: Db, report: ConsolidationReport): SheetSpec {
  const jurorNames = new Map(
    queryTuples<[number, string]>(db, `SELECT id, name FROM juror WHERE edition_id = ?`, report.editionId).map(([id, name]) => [id, name]),
  );
  const entryCodes = new Map(report.result.entries.map((e) => [e.entryId, e.code]));
  const criterionNames = new Map(report.criteria.map((c) => [c.id, c.name]));
  const rows = queryTuples<[
      number, string, string, string, number | null, number | null, number | null, string | null, string | null, string, string,
      number | null, number | null, string | null, string | null,
    ]>(
    db,
    `SELECT id, at, actor, action, juror_id, entry_id, criterion_id, old_value, new_value, reason, hash, format, device_id, device_name, device_role FROM audit_log
       WHERE stage_id = ? OR (stage_id IS NULL AND edition_id = ?) ORDER BY id`,
    report.stageId, report.editionId,
  );
  return {
    name: sheetName(t('results.workbook.sheet.audit')),
    headers: [
      'N.º',
      t('results.col.at'),
      t('results.col.actor'),
      t('results.col.action'),
      t('results.col.juror'),
      t('results.col.code'),
      t('results.col.criterion'),
      t('results.col.oldValue'),
      t('results.col.newValue'),
      t('results.col.reason'),
      t('results.col.hash'),
      t('who.recordedBy'),
    ],
    widths: [8, 20, 30, 20, 30, 12, 25, 16, 16, 40, 66, 24],
    rows: rows.map(([id, at, actor, action, jurorId, entryId, criterionId, oldValue, newValue, reason, hash, format, deviceId, deviceName, deviceRole]) => [
      id,
      formatDateTime(at),
      actorLabel(actor, (jid) => jurorNames.get(jid) ?? `#${jid}`),
      actionLabel(action),
      jurorId === null ? '' : (jurorNames.get(jurorId) ?? `#${jurorId}`),
      entryId === null ? '' : (entryCodes.get(entryId) ?? `#${entryId}`),
      criterionId === null ? '' : (criterionNames.get(criterionId) ?? `#${criterionId}`),
      auditText(action, oldValue),
      auditText(action, newValue),
      reason,
      hash,
      format === null ? '' : actorText(actorFromColumns(deviceId, deviceName, deviceRole)),
    ]),
  };
}
