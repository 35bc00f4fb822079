import type { Handlers } from '../../../shared/contract';
import type { juryMethods } from '../../../shared/contract/jury';
import { queryOne } from '../../db/query';
import type { AppContext } from '../context';
import { restartChain, verifyAudit } from './audit/chain';
import { exportKey, importKey, keyStatus } from './audit/key';
import { listAudit } from './audit/list';
import { addAssignment, applyAutoAssignment, loadsTable, removeAssignment } from './assignment/store';
import { planAssignments } from './assignment/plan';
import { assignmentRows } from './assignment/status';
import { declareConflict, getConflict, listConflicts, refreshConflicts, refreshConflictsForRead, setDismissed } from './conflicts/store';
import { deleteJuror, getJuror, insertJuror, listJurors, setWithdrawn, updateJuror } from './jurors';
import { loadEntry, loadJuror, loadStage } from './lookup';
import { deletePanel, listPanels, savePanel } from './panels';
import { grid, jurorProgress, peers, sheetView, worklist } from './scoring/read';
import { statusOf } from './scoring/sheet-state';
import { abstain, clearAbstention, reopenSheet, setOverallComment, setScore, submitSheet } from './scoring/write';
import { getSettings, updateSettings } from './settings';
import { closeStage, reopenStage, stageOverview, stageState } from './stage-lock';
import { assertJurorSheetsNotFrozen } from './frozen';
import { workbookHandlers } from './workbook';
import { assertEditable } from '../editions/write';

type JuryHandlerNames = keyof typeof juryMethods;

/**
 * Jury scoring services. Every write runs in one transaction that also appends its audit row,
 * so the change and its record reach the disk together (synchronous=FULL) before the call returns.
 */
export function juryHandlers(ctx: AppContext): Pick<Handlers, JuryHandlerNames> {
  const now = () => ctx.now().toISOString();
  const db = () => ctx.db();
  const tx = <T>(fn: () => T): T => db().transaction(fn)();
  const assertConflictNotFrozen = (id: number) => {
    const conflict = getConflict(db(), id);
    assertJurorSheetsNotFrozen(db(), conflict.jurorId, conflict.entryId);
  };

  return {
    'jury.settings.get': ({ editionId }) => getSettings(db(), editionId, now()),
    'jury.settings.update': ({ editionId, fields }) =>
      tx(() => {
        updateSettings(db(), editionId, fields, now());
        refreshConflicts(db(), editionId, now());
        return getSettings(db(), editionId, now());
      }),

    'jurors.list': ({ editionId }) => listJurors(db(), editionId),
    'jurors.get': ({ id }) => getJuror(db(), id),
    'jurors.create': ({ editionId, fields }) =>
      tx(() => {
        const id = insertJuror(db(), editionId, fields, now());
        refreshConflicts(db(), editionId, now());
        return getJuror(db(), id);
      }),
    'jurors.update': ({ id, fields }) =>
      tx(() => {
        refreshConflicts(db(), updateJuror(db(), id, fields, now()), now());
        return getJuror(db(), id);
      }),
    'jurors.delete': ({ id }) => {
      tx(() => deleteJuror(db(), id, now()));
      return { deleted: true };
    },
    'jurors.withdraw': ({ id, reason }) => tx(() => (setWithdrawn(db(), id, reason, now()), getJuror(db(), id))),
    'jurors.reinstate': ({ id }) => tx(() => (setWithdrawn(db(), id, null, now()), getJuror(db(), id))),

    'panels.list': ({ stageId }) => listPanels(db(), stageId),
    'panels.save': (input) =>
      tx(() => {
        const id = savePanel(db(), input, now());
        const panel = listPanels(db(), input.stageId).find((p) => p.id === id);
        if (!panel) throw new Error(`panels.save: panel ${id} not found after saving it`);
        return panel;
      }),
    'panels.delete': ({ id }) => {
      tx(() => deletePanel(db(), id, now()));
      return { deleted: true };
    },

    'conflicts.list': (filter) => {
      tx(() => refreshConflictsForRead(db(), filter.editionId, now()));
      return listConflicts(db(), filter);
    },
    'conflicts.declare': ({ jurorId, entryId, reason }) =>
      tx(() => {
        const juror = loadJuror(db(), jurorId);
        assertEditable(db(), juror.edition_id);
        loadEntry(db(), entryId, juror.edition_id);
        assertJurorSheetsNotFrozen(db(), jurorId, entryId);
        return getConflict(db(), declareConflict(db(), juror.edition_id, jurorId, entryId, reason, now(), 'organizer'));
      }),
    'conflicts.dismiss': ({ id, reason }) => tx(() => (assertConflictNotFrozen(id), setDismissed(db(), id, true, reason, now()), getConflict(db(), id))),
    'conflicts.reinstate': ({ id, reason }) => tx(() => (assertConflictNotFrozen(id), setDismissed(db(), id, false, reason, now()), getConflict(db(), id))),

    'assignments.list': ({ stageId, jurorId }) => {
      tx(() => refreshConflictsForRead(db(), loadStage(db(), stageId).edition_id, now()));
      return assignmentRows(db(), stageId, jurorId);
    },
    'assignments.loads': ({ stageId, jurorsPerEntry }) => tx(() => loadsTable(db(), stageId, jurorsPerEntry, now())),
    'assignments.add': (key) => tx(() => addAssignment(db(), key, now())),
    'assignments.remove': (key) => {
      tx(() => removeAssignment(db(), key, now()));
      return { removed: true };
    },
    'assignments.plan': (input) => tx(() => planAssignments(db(), input, now())),
    'assignments.auto': (input) => tx(() => applyAutoAssignment(db(), input, now())),

    'scores.worklist': ({ stageId, jurorId }) => tx(() => worklist(db(), stageId, jurorId, now())),
    'scores.sheet': (key) => tx(() => sheetView(db(), key, now())),
    'scores.grid': ({ stageId, jurorId }) => tx(() => grid(db(), stageId, jurorId, now())),
    'scores.peers': (key) => tx(() => peers(db(), key, now())),
    'scores.set': (input) =>
      tx(() => {
        setScore(db(), input, now());
        const cell = queryOne<{ value: number | null; comment: string; updated_at: string }>(
          db(),
          `SELECT value, comment, updated_at FROM score WHERE stage_id = ? AND entry_id = ? AND juror_id = ? AND criterion_id = ?`,
          input.stageId, input.entryId, input.jurorId, input.criterionId,
        );
        const sheet = queryOne<{ abstention: 'abstain' | 'recuse' | null; submitted_at: string | null; scored: number }>(
          db(),
          `SELECT abstention, submitted_at, (SELECT count(*) FROM score WHERE stage_id = ? AND juror_id = ? AND entry_id = ? AND value IS NOT NULL) AS scored
                    FROM score_sheet WHERE stage_id = ? AND juror_id = ? AND entry_id = ?`,
          input.stageId, input.jurorId, input.entryId, input.stageId, input.jurorId, input.entryId,
        );
        return {
          cell: { criterionId: input.criterionId, value: cell?.value ?? null, comment: cell?.comment ?? '', updatedAt: cell?.updated_at ?? null },
          status: statusOf(sheet, sheet?.scored ?? 0),
          progress: jurorProgress(db(), input.stageId, input.jurorId),
        };
      }),
    'sheets.setComment': (input) => tx(() => (setOverallComment(db(), input, now()), sheetView(db(), input, now()))),
    'sheets.abstain': (input) => tx(() => (abstain(db(), input, now()), sheetView(db(), input, now()))),
    'sheets.clearAbstention': (input) => tx(() => (clearAbstention(db(), input, now()), sheetView(db(), input, now()))),
    'sheets.submit': (input) => tx(() => (submitSheet(db(), input, now()), sheetView(db(), input, now()))),
    'sheets.reopen': (input) => tx(() => (reopenSheet(db(), input, now()), sheetView(db(), input, now()))),

    'juryStages.state': ({ stageId }) => stageState(db(), stageId),
    'juryStages.list': ({ editionId }) => stageOverview(db(), editionId),
    'juryStages.close': ({ stageId, reason }) => tx(() => (closeStage(db(), stageId, reason, now()), stageState(db(), stageId))),
    'juryStages.reopen': ({ stageId, reason }) => tx(() => (reopenStage(db(), stageId, reason, now()), stageState(db(), stageId))),

    'audit.list': (filter) => listAudit(db(), filter),
    'audit.verify': () => verifyAudit(db()),
    'audit.keyStatus': () => keyStatus(db()),
    'audit.exportKey': () => exportKey(db()),
    'audit.importKey': ({ dataBase64 }) => (importKey(db(), ctx.auditKeyDir, dataBase64), verifyAudit(db())),
    'audit.restartKey': ({ reason }) => (tx(() => restartChain(db(), ctx.auditKeyDir, reason, now())), verifyAudit(db())),

    ...workbookHandlers(ctx),
  };
}
