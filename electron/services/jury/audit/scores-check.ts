import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { queryOne } from '../../../db/query';

/**
 * The first score whose stored value or comment is not what its last 'score.set' audit row
 * recorded — a score written into the file without going through the app (which always records
 * it) — or a recorded score whose row has vanished while its stage, entry, juror and criterion
 * remain. Each lookup uses the partial index audit_log_score (005-audit-keyed).
 */
export function scoresOutsideLog(db: Db): { auditId: number | null; message: string } | null {
  const changed = queryOne<Cell>(
    db,
    `SELECT s.stage_id, s.entry_id, s.juror_id, s.criterion_id, a.id AS audit_id
     FROM score s
     LEFT JOIN audit_log a ON a.id = (
       SELECT max(id) FROM audit_log l
       WHERE l.action = 'score.set' AND l.stage_id = s.stage_id AND l.entry_id = s.entry_id AND l.juror_id = s.juror_id AND l.criterion_id = s.criterion_id)
     WHERE a.id IS NULL
        OR json_extract(a.new_value, '$.value') IS NOT s.value
        OR coalesce(json_extract(a.new_value, '$.comment'), '') IS NOT s.comment
     LIMIT 1`,
  );
  if (changed) return { auditId: changed.audit_id, message: describe(db, changed) };
  const vanished = queryOne<Cell>(
    db,
    `SELECT l.stage_id, l.entry_id, l.juror_id, l.criterion_id, l.id AS audit_id
     FROM audit_log l
     WHERE l.action = 'score.set'
       AND l.id = (SELECT max(id) FROM audit_log m WHERE m.action = 'score.set' AND m.stage_id = l.stage_id AND m.entry_id = l.entry_id AND m.juror_id = l.juror_id AND m.criterion_id = l.criterion_id)
       AND (json_extract(l.new_value, '$.value') IS NOT NULL OR coalesce(json_extract(l.new_value, '$.comment'), '') <> '')
       AND NOT EXISTS (SELECT 1 FROM score s WHERE s.stage_id = l.stage_id AND s.entry_id = l.entry_id AND s.juror_id = l.juror_id AND s.criterion_id = l.criterion_id)
       AND EXISTS (SELECT 1 FROM stage WHERE id = l.stage_id) AND EXISTS (SELECT 1 FROM entry WHERE id = l.entry_id)
       AND EXISTS (SELECT 1 FROM juror WHERE id = l.juror_id) AND EXISTS (SELECT 1 FROM criterion WHERE id = l.criterion_id)
     LIMIT 1`,
  );
  return vanished ? { auditId: vanished.audit_id, message: describe(db, vanished) } : null;
}

interface Cell {
  stage_id: number;
  entry_id: number;
  juror_id: number;
  criterion_id: number;
  audit_id: number | null;
}

const NAME_QUERIES = {
  juror: `SELECT name AS v FROM juror WHERE id = ?`,
  entry: `SELECT code AS v FROM entry WHERE id = ?`,
  criterion: `SELECT name AS v FROM criterion WHERE id = ?`,
} as const;

/** How a report names a juror, an entry (its code) or a criterion; `#id` when it is gone. */
export function nameOf(db: Db, kind: keyof typeof NAME_QUERIES, id: number): string {
  return queryOne<{ v: string }>(db, NAME_QUERIES[kind], id)?.v ?? `#${id}`;
}

function describe(db: Db, cell: Cell): string {
  return t('jury.audit.scoreOutsideLog', {
    juror: nameOf(db, 'juror', cell.juror_id),
    entry: nameOf(db, 'entry', cell.entry_id),
    criterion: nameOf(db, 'criterion', cell.criterion_id),
  });
}
