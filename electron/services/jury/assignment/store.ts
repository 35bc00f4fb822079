import type { AssignmentPlan, AssignmentRow, LoadsTable } from '../../../../shared/domain/jury-types';
import { AppError } from '../../../../shared/errors';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { execute, queryOne } from '../../../db/query';
import { assertEditable } from '../../editions/write';
import { appendAudit } from '../audit/chain';
import { assertStageNotFrozen } from '../frozen';
import { refreshConflicts } from '../conflicts/store';
import { entriesInStage, hasConflict, inStage, loadEntry, loadJuror, loadStage } from '../lookup';
import { listPanels } from '../panels';
import { getSettings } from '../settings';
import { planAssignments } from './plan';
import { assignmentRows, counts } from './status';

export function loadsTable(db: Db, stageId: number, jurorsPerEntry: number | undefined, now: string): LoadsTable {
  const stage = loadStage(db, stageId);
  refreshConflicts(db, stage.edition_id, now);
  const n = jurorsPerEntry ?? getSettings(db, stage.edition_id, now).jurorsPerEntry;
  const rows = assignmentRows(db, stageId);
  const panels = listPanels(db, stageId);
  const jurors = new Map<number, LoadsTable['jurors'][number]>();
  const touch = (jurorId: number, name: string, withdrawn: boolean) => {
    const current = jurors.get(jurorId) ?? { jurorId, name, withdrawn, active: 0, submitted: 0, panelIds: [] };
    jurors.set(jurorId, current);
    return current;
  };
  for (const p of panels) for (const m of p.members) touch(m.jurorId, m.name, m.withdrawn).panelIds.push(p.id);
  const perEntry = new Map<number, number>();
  for (const r of rows) {
    const load = touch(r.jurorId, r.jurorName, r.jurorWithdrawn);
    if (counts(r)) {
      load.active++;
      perEntry.set(r.entryId, (perEntry.get(r.entryId) ?? 0) + 1);
    }
    if (r.status === 'submitted' || r.status === 'abstained' || r.status === 'recused') load.submitted++;
  }
  const considered = [...jurors.values()].filter((j) => !j.withdrawn && j.panelIds.length > 0).map((j) => j.active);
  return {
    stageId,
    jurors: [...jurors.values()].sort((a, b) => a.name.localeCompare(b.name, 'es')),
    min: considered.length ? Math.min(...considered) : 0,
    max: considered.length ? Math.max(...considered) : 0,
    shortEntries: entriesInStage(db, stage)
      .map((e) => ({ entryId: e.id, code: e.code, title: e.title, active: perEntry.get(e.id) ?? 0, needed: n }))
      .filter((e) => e.active < n),
  };
}

export function addAssignment(db: Db, key: { stageId: number; jurorId: number; entryId: number }, now: string): AssignmentRow {
  const stage = loadStage(db, key.stageId);
  assertEditable(db, stage.edition_id);
  assertStageNotFrozen(db, stage.id);
  const juror = loadJuror(db, key.jurorId, stage.edition_id);
  const entry = loadEntry(db, key.entryId, stage.edition_id);
  if (juror.withdrawn_at) throw new AppError('jury.juror.withdrawn', { name: juror.name });
  if (!inStage(db, stage, entry.id)) throw new AppError('jury.assignment.entryNotInStage', { code: entry.code });
  refreshConflicts(db, stage.edition_id, now);
  if (hasConflict(db, juror.id, entry.id)) throw new AppError('jury.conflict.blocksAssignment', { juror: juror.name, code: entry.code });
  const result = execute(
    db,
    `INSERT OR IGNORE INTO assignment (stage_id, juror_id, entry_id, source, created_at) VALUES (?, ?, ?, 'manual', ?)`,
    stage.id, juror.id, entry.id, now,
  );
  if (result.changes === 0) throw new AppError('jury.assignment.duplicate', { code: entry.code, juror: juror.name });
  appendAudit(db, { at: now, actor: 'organizer', action: 'assignment.add', editionId: stage.edition_id, stageId: stage.id, jurorId: juror.id, entryId: entry.id });
  const row = assignmentRows(db, stage.id, juror.id).find((a) => a.entryId === entry.id);
  if (!row) throw new AppError('error.notFound', { what: t('error.what.assignment') });
  return row;
}

export function removeAssignment(db: Db, key: { stageId: number; jurorId: number; entryId: number }, now: string): void {
  const stage = loadStage(db, key.stageId);
  assertEditable(db, stage.edition_id);
  assertStageNotFrozen(db, stage.id);
  const juror = loadJuror(db, key.jurorId, stage.edition_id);
  const entry = loadEntry(db, key.entryId, stage.edition_id);
  const row = queryOne(db, `SELECT id FROM assignment WHERE stage_id = ? AND juror_id = ? AND entry_id = ?`, stage.id, juror.id, entry.id);
  if (!row) throw new AppError('jury.assignment.notFound', { code: entry.code, juror: juror.name });
  const work = queryOne<{ n: number }>(
    db,
    `SELECT EXISTS (SELECT 1 FROM score WHERE stage_id = ? AND juror_id = ? AND entry_id = ?)
           OR EXISTS (SELECT 1 FROM score_sheet WHERE stage_id = ? AND juror_id = ? AND entry_id = ? AND (submitted_at IS NOT NULL OR abstention IS NOT NULL OR overall_comment <> '')) AS n`,
    stage.id, juror.id, entry.id, stage.id, juror.id, entry.id,
  )!;
  if (work.n) throw new AppError('jury.assignment.hasScores', { code: entry.code, juror: juror.name });
  execute(db, `DELETE FROM score_sheet WHERE stage_id = ? AND juror_id = ? AND entry_id = ?`, stage.id, juror.id, entry.id);
  execute(db, `DELETE FROM assignment WHERE stage_id = ? AND juror_id = ? AND entry_id = ?`, stage.id, juror.id, entry.id);
  appendAudit(db, { at: now, actor: 'organizer', action: 'assignment.remove', editionId: stage.edition_id, stageId: stage.id, jurorId: juror.id, entryId: entry.id });
}

/** Applies the plan for the same seed; refused when an entry cannot be completed unless allowPartial. */
export function applyAutoAssignment(
  db: Db,
  input: { stageId: number; jurorsPerEntry?: number | undefined; seed: number; allowPartial: boolean },
  now: string,
): AssignmentPlan {
  const stage = loadStage(db, input.stageId);
  assertEditable(db, stage.edition_id);
  assertStageNotFrozen(db, stage.id);
  const plan = planAssignments(db, input, now);
  if (!plan.feasible && !input.allowPartial) {
    throw new AppError('jury.assignment.infeasible', { detail: plan.shortfalls.map((s) => s.message).join(' ') }, { plan });
  }
  const hadAny = !!queryOne(db, `SELECT 1 FROM assignment WHERE stage_id = ?`, stage.id);
  for (const a of plan.additions) execute(
    db,
    `INSERT INTO assignment (stage_id, juror_id, entry_id, source, seed, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    stage.id, a.jurorId, a.entryId, hadAny ? 'topup' : 'auto', input.seed, now,
  );
  appendAudit(db, {
    at: now,
    actor: 'organizer',
    action: 'assignment.auto',
    editionId: stage.edition_id,
    stageId: stage.id,
    newValue: { seed: input.seed, jurorsPerEntry: plan.jurorsPerEntry, added: plan.additions.map((a) => [a.entryId, a.jurorId]) },
  });
  return plan;
}
