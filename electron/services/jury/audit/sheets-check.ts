import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { queryEach, queryOne } from '../../../db/query';
import { nameOf } from './scores-check';

/** The sheet-state actions, in the only module that changes a sheet's state (scoring/write.ts). */
const SHEET_ACTIONS = ['sheet.submit', 'sheet.abstain', 'sheet.clearAbstention', 'sheet.reopen'] as const;

interface SheetState {
  submitted: boolean;
  abstention: string | null;
}

const cellKey = (stageId: number, jurorId: number, entryId: number) => `${stageId}:${jurorId}:${entryId}`;

/**
 * The first sheet whose state (sent, abstention or recusal) is not what its audit rows led to —
 * a sheet marked as sent, abstained or reopened in the file without the app, which changes who
 * counts in the results — or a sheet the log says was sent that vanished while its stage, juror
 * and entry remain. One pass over the sheet rows of the log and one over the sheets.
 */
export function sheetsOutsideLog(db: Db): { auditId: number | null; message: string } | null {
  const expected = new Map<string, SheetState & { auditId: number; stageId: number; jurorId: number; entryId: number }>();
  const rows = queryEach<{ id: number; action: string; stage_id: number; juror_id: number; entry_id: number; new_value: string | null }>(
    db,
    `SELECT id, action, stage_id, juror_id, entry_id, new_value FROM audit_log
     WHERE action IN (${SHEET_ACTIONS.map(() => '?').join(', ')}) ORDER BY id`,
    ...SHEET_ACTIONS,
  );
  for (const row of rows) {
    const key = cellKey(row.stage_id, row.juror_id, row.entry_id);
    const state = expected.get(key) ?? { submitted: false, abstention: null, auditId: row.id, stageId: row.stage_id, jurorId: row.juror_id, entryId: row.entry_id };
    if (row.action === 'sheet.submit') state.submitted = true;
    else if (row.action === 'sheet.reopen') state.submitted = false;
    else if (row.action === 'sheet.abstain') {
      // Abstaining also ends the sheet (scoring/write.ts sets its sending time).
      state.submitted = true;
      state.abstention = row.new_value === null ? null : (JSON.parse(row.new_value) as string | null);
    } else state.abstention = null;
    state.auditId = row.id;
    expected.set(key, state);
  }
  const sheets = queryEach<{
    stage_id: number;
    juror_id: number;
    entry_id: number;
    submitted: number;
    abstention: string | null;
  }>(
    db,
    `SELECT stage_id, juror_id, entry_id, submitted_at IS NOT NULL AS submitted, abstention FROM score_sheet`,
  );
  for (const sheet of sheets) {
    const key = cellKey(sheet.stage_id, sheet.juror_id, sheet.entry_id);
    const state = expected.get(key);
    expected.delete(key);
    const counted = sheet.submitted === 1 || sheet.abstention !== null;
    if (!state) {
      if (counted) return { auditId: null, message: describe(db, sheet.juror_id, sheet.entry_id) };
      continue;
    }
    if (state.submitted !== (sheet.submitted === 1) || state.abstention !== sheet.abstention) return { auditId: state.auditId, message: describe(db, sheet.juror_id, sheet.entry_id) };
  }
  // Sheets the log counts that are gone although their stage, juror and entry remain (an assignment is only removed without work).
  for (const state of expected.values()) {
    if (!state.submitted && state.abstention === null) continue;
    if (queryOne<{ n: number }>(
      db,
      `SELECT (SELECT count(*) FROM stage WHERE id = ?) + (SELECT count(*) FROM juror WHERE id = ?) + (SELECT count(*) FROM entry WHERE id = ?) AS n`,
      state.stageId, state.jurorId, state.entryId,
    )!.n === 3) return { auditId: state.auditId, message: describe(db, state.jurorId, state.entryId) };
  }
  return null;
}

/**
 * A juror or entry that has scores in the log but no longer exists, without an audited deletion:
 * deleting it in the file takes its scores and sheets with it, which the score check alone
 * cannot see. (A juror with scores cannot be deleted in the app; an entry's deletion is audited.)
 */
export function deletedOutsideLog(db: Db): { auditId: number; message: string } | null {
  const juror = vanished(db, 'juror_id', 'juror', 'juror.delete');
  if (juror) return { auditId: juror.audit_id, message: t('jury.audit.jurorDeletedOutsideLog', { id: juror.id }) };
  const entry = vanished(db, 'entry_id', 'entry', 'entry.delete');
  return entry ? { auditId: entry.audit_id, message: t('jury.audit.entryDeletedOutsideLog', { id: entry.id }) } : null;
}

/** The first row of `table` that scores in the log name, gone without a `deletion` row, while its stage remains (a deleted edition or stage takes all with it). */
function vanished(db: Db, column: 'juror_id' | 'entry_id', table: 'juror' | 'entry', deletion: string): { audit_id: number; id: number } | undefined {
  return queryOne<{ audit_id: number; id: number }>(
    db,
    `SELECT min(l.id) AS audit_id, l.${column} AS id FROM audit_log l
     WHERE l.action = 'score.set' AND l.${column} IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM ${table} WHERE id = l.${column})
       AND NOT EXISTS (SELECT 1 FROM audit_log d WHERE d.action = ? AND d.${column} = l.${column})
       AND EXISTS (SELECT 1 FROM stage WHERE id = l.stage_id)
     GROUP BY l.${column} LIMIT 1`,
    deletion,
  );
}

function describe(db: Db, jurorId: number, entryId: number): string {
  return t('jury.audit.sheetOutsideLog', { juror: nameOf(db, 'juror', jurorId), entry: nameOf(db, 'entry', entryId) });
}
