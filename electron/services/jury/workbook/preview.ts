import { normalizeScore, parseScoreText, scoreIssue } from '../../../../shared/domain/jury-schemas';
import type { WorkbookCellChange, WorkbookPreview, WorkbookPreviewRow } from '../../../../shared/domain/jury-types';
import { AppError } from '../../../../shared/errors';
import { formatDateTime, t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { queryOne } from '../../../db/query';
import { getEdition } from '../../editions/read';
import { actorLabel } from '../audit/list';
import { formatScore } from '../results/labels';
import { refreshConflicts } from '../conflicts/store';
import { loadJuror, loadStage, stageClosedAt } from '../lookup';
import { worklist } from '../scoring/read';
import { getSheet, readOnlyReason } from '../scoring/sheet-state';
import { editionCriteria } from '../scoring/views';
import { assignmentChecksum, HEADER_ROW } from './layout';
import type { ParsedCell, ParsedWorkbook } from './parsed';
import { assertStructure, cellAt, readPayload } from './read-payload';

/** One change a preview would apply, with the app value it was computed against. */
export interface PlannedChange {
  entryId: number;
  criterionId: number | null;
  appValue: number | string | null;
  workbookValue: number | string | null;
  conflicting: boolean;
}

export interface PendingImport {
  fileName: string;
  stageId: number;
  jurorId: number;
  changes: PlannedChange[];
  unchanged: number;
  /** Cells that block the import until the file is fixed. */
  invalid: number;
}

/**
 * Compares a parsed juror workbook with the app. Refuses another edition, stage or juror and any
 * altered structure; then classifies every score and comment cell:
 *   unchanged   — the workbook holds what the app holds (or the juror left the exported value
 *                 while the app changed since: nothing of the juror's to import);
 *   new         — the juror filled a cell that was empty in the app and still is;
 *   changed     — the juror changed a value the app still holds as exported;
 *   conflicting — the juror changed it and the app changed too (the app already holds a
 *                 different value);
 *   invalid     — not a number in the scale, or the sheet cannot take changes.
 */
export function previewWorkbook(
  db: Db,
  parsed: ParsedWorkbook,
  expected: { stageId: number; jurorId: number; fileName: string },
  now: string,
): { preview: Omit<WorkbookPreview, 'token'>; pending: PendingImport } {
  const stage = loadStage(db, expected.stageId);
  const juror = loadJuror(db, expected.jurorId, stage.edition_id);
  const edition = getEdition(db, stage.edition_id);
  const { payload, scores } = readPayload(db, parsed);
  if (payload.editionId !== edition.id) throw new AppError('jury.workbook.wrongEdition', { found: payload.editionName, expected: edition.name });
  if (payload.stageId !== stage.id) throw new AppError('jury.workbook.wrongStage', { found: payload.stageName, expected: stage.name });
  if (payload.jurorId !== juror.id) throw new AppError('jury.workbook.wrongJuror', { found: payload.jurorName, expected: juror.name });
  assertStructure(payload, scores, HEADER_ROW);

  refreshConflicts(db, stage.edition_id, now);
  const criteria = new Map(editionCriteria(db, stage.edition_id).map((c) => [c.id, c]));
  const list = worklist(db, stage.id, juror.id, now);
  const assigned = new Map(list.items.filter((i) => i.status !== 'recused').map((i) => [i.entryId, i]));
  const warnings: string[] = [];
  const checksum = assignmentChecksum({ editionId: edition.id, stageId: stage.id, jurorId: juror.id, entryIds: [...assigned.keys()], criteria: [...criteria.values()] });
  if (checksum !== payload.assignmentChecksum) warnings.push(t('jury.workbook.assignmentChanged'));

  const closedAt = stageClosedAt(db, stage.id);
  // A conflicting cell says what each side holds and when each was entered.
  const conflictDetail = (entryId: number, criterionId: number | null, original: number | string | null, app: number | string | null, workbook: number | string | null) => {
    const write = queryOne<{ at: string; actor: string }>(
      db,
      `SELECT at, actor FROM audit_log WHERE action = ? AND stage_id = ? AND juror_id = ? AND entry_id = ? AND criterion_id IS ? ORDER BY id DESC LIMIT 1`,
      criterionId === null ? 'sheet.comment' : 'score.set', stage.id, juror.id, entryId, criterionId,
    );
    return t('jury.workbook.conflictDetail', {
      exportedAt: formatDateTime(payload.exportedAt),
      original: shown(original),
      app: shown(app),
      appAt: write ? formatDateTime(write.at) : '—',
      appBy: write ? actorLabel(write.actor, (id) => (id === juror.id ? juror.name : `#${id}`)) : '—',
      workbook: shown(workbook),
    });
  };
  const rows: WorkbookPreviewRow[] = [];
  const changes: PlannedChange[] = [];
  let unchanged = 0;

  for (const layoutRow of payload.rows) {
    const code = layoutRow.fixed[payload.columns.find((c) => c.kind === 'code')?.col ?? 1] ?? '';
    const item = assigned.get(layoutRow.entryId);
    const sheet = getSheet(db, stage.id, juror.id, layoutRow.entryId);
    const blocked = !item
      ? t('jury.workbook.entryNotAssigned', { code })
      : juror.withdrawn_at
        ? t('jury.juror.withdrawn', { name: juror.name })
        : readOnlyReason(sheet, stage, closedAt) || (sheet?.abstention ? t('jury.score.abstained') : '');
    const push = (criterionId: number | null, field: string, change: WorkbookCellChange, appValue: number | string | null, workbookValue: number | string | null, message = '') => {
      if (change === 'unchanged') {
        unchanged++;
        return;
      }
      if (change !== 'invalid' && blocked) {
        change = 'invalid';
        message = item ? t('jury.workbook.readOnly', { code, detail: blocked }) : blocked;
      }
      rows.push({ row: layoutRow.row, entryId: layoutRow.entryId, entryCode: code, criterionId, field, change, appValue, workbookValue, message });
      if (change !== 'invalid') changes.push({ entryId: layoutRow.entryId, criterionId, appValue, workbookValue, conflicting: change === 'conflicting' });
    };

    for (const column of payload.columns) {
      if (column.kind === 'criterion' && column.criterionId !== undefined && column.criterionId in layoutRow.original) {
        const criterion = criteria.get(column.criterionId);
        const raw = cellAt(scores, layoutRow.row, column.col);
        const original = layoutRow.original[column.criterionId] ?? null;
        const app = (queryOne<{ value: number | null }>(
          db,
          `SELECT value FROM score WHERE stage_id = ? AND juror_id = ? AND entry_id = ? AND criterion_id = ?`,
          stage.id, juror.id, layoutRow.entryId, column.criterionId,
        )?.value ?? null);
        if (!criterion) {
          push(column.criterionId, column.header, 'invalid', app, null, t('jury.score.criterionForeign'));
          continue;
        }
        const read = readScore(raw);
        if (read.kind === 'invalid') {
          push(criterion.id, criterion.name, 'invalid', app, read.text, t('jury.score.notNumber', { criterion: criterion.name }));
          continue;
        }
        let value = read.value;
        let note = read.note;
        if (value !== null) {
          const issue = scoreIssue(value, criterion);
          if (issue) {
            push(criterion.id, criterion.name, 'invalid', app, value, t(issue.key, issue.params));
            continue;
          }
          value = normalizeScore(value, criterion);
        }
        if (value === app || (value === original && original !== app)) {
          unchanged++;
          continue;
        }
        const change: WorkbookCellChange = app !== original ? 'conflicting' : app === null ? 'new' : 'changed';
        if (value === null) note = '';
        if (change === 'conflicting') note = [conflictDetail(layoutRow.entryId, criterion.id, original, app, value), note].filter(Boolean).join(' ');
        push(criterion.id, criterion.name, change, app, value, note);
      } else if (column.kind === 'comment') {
        const rawComment = cellAt(scores, layoutRow.row, column.col);
        const value = rawComment === null ? '' : String(rawComment).trim();
        const app = sheet?.overall_comment ?? '';
        const original = layoutRow.originalComment;
        if (value === app || (value === original && original !== app)) {
          unchanged++;
          continue;
        }
        const change: WorkbookCellChange = app !== original ? 'conflicting' : app === '' ? 'new' : 'changed';
        push(null, column.header, change, app, value, change === 'conflicting' ? conflictDetail(layoutRow.entryId, null, original, app, value) : '');
      }
    }
  }

  const counts: Record<WorkbookCellChange, number> = { new: 0, changed: 0, unchanged, conflicting: 0, invalid: 0 };
  for (const row of rows) counts[row.change]++;
  return {
    preview: {
      fileName: expected.fileName,
      jurorId: juror.id,
      jurorName: juror.name,
      stageId: stage.id,
      stageName: stage.name,
      counts,
      rows,
      warnings,
      canApply: counts.invalid === 0,
      applyBlockedReason: counts.invalid === 0 ? null : t('jury.workbook.hasErrors', { count: counts.invalid }),
    },
    pending: { fileName: expected.fileName, stageId: stage.id, jurorId: juror.id, changes, unchanged, invalid: counts.invalid },
  };
}

type ReadScore = { kind: 'value'; value: number | null; note: string } | { kind: 'invalid'; text: string };

/** A score cell as typed: a number, or text such as "4" or "4,5" (noted so the preview says how it was read). */
function readScore(raw: ParsedCell): ReadScore {
  if (raw === null) return { kind: 'value', value: null, note: '' };
  if (typeof raw === 'number') return { kind: 'value', value: raw, note: '' };
  if (typeof raw === 'boolean') return { kind: 'invalid', text: String(raw) };
  const parsed = parseScoreText(raw);
  if (parsed === null) return { kind: 'value', value: null, note: '' };
  if (Number.isNaN(parsed)) return { kind: 'invalid', text: raw };
  return { kind: 'value', value: parsed, note: t('jury.workbook.textValue', { text: raw.trim(), value: parsed }) };
}

/** A cell's value as the conflict message shows it. */
function shown(value: number | string | null): string {
  if (value === null) return t('jury.audit.value.noScore');
  if (value === '') return t('jury.audit.value.empty');
  return typeof value === 'number' ? formatScore(value) : `«${value}»`;
}
