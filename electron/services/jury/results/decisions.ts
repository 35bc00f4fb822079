import type { TieDecision, TieDecisionRecord } from '../../../../shared/scoring';
import { AppError } from '../../../../shared/errors';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { execute, queryAll, queryOne } from '../../../db/query';
import { assertEditable } from '../../editions/write';
import { appendAudit } from '../audit/chain';
import { loadStage } from '../lookup';

interface DecisionRow {
  id: number;
  stage_id: number;
  category_id: number | null;
  entry_ids: string;
  reason: string;
  decided_at: string;
}

const toRecord = (r: DecisionRow): TieDecisionRecord => ({
  id: r.id,
  stageId: r.stage_id,
  categoryId: r.category_id,
  orderedEntryIds: JSON.parse(r.entry_ids) as number[],
  reason: r.reason,
  decidedAt: r.decided_at,
});

/** The decisions in force (revoked ones stay in the table and the audit log, not here). */
export function listDecisions(db: Db, stageId: number): TieDecisionRecord[] {
  loadStage(db, stageId);
  return queryAll<DecisionRow>(db, `SELECT * FROM tie_decision WHERE stage_id = ? AND revoked_at IS NULL ORDER BY id`, stageId).map(toRecord);
}

/** What the audit log keeps of a decision: ids for machines, codes for people reading the log. */
function auditValue(record: TieDecisionRecord, codes: readonly string[]) {
  return { decisionId: record.id, categoryId: record.categoryId, orderedEntryIds: record.orderedEntryIds, entryCodes: codes, reason: record.reason };
}

function entryCodes(db: Db, ids: readonly number[]): string[] {
  return ids.map((entryId) => queryOne<{ code: string }>(db, `SELECT code FROM entry WHERE id = ?`, entryId)?.code ?? `#${entryId}`);
}

export function asTieDecisions(records: readonly TieDecisionRecord[]): TieDecision[] {
  return records.map((r) => ({ id: r.id, orderedEntryIds: r.orderedEntryIds, reason: r.reason }));
}

/**
 * Stores the organizer's order for tied entries (table tie_decision of the jury schema), with its
 * audit row ('tie.decide', old → new when it replaces the decision in force for the same entries);
 * run inside a transaction so both or neither are written. The
 * entries must be distinct, of the stage's edition and of one category. Whether they are tied
 * is not checked: a decision only ever applies to a tie whose entries it names, so one taken
 * ahead of time (or for another method) is harmless.
 */
export function recordDecision(db: Db, input: { stageId: number; orderedEntryIds: number[]; reason: string }, now: string): TieDecisionRecord {
  const stage = loadStage(db, input.stageId);
  assertEditable(db, stage.edition_id);
  const seen = new Set<number>();
  const categories = new Set<number | null>();
  for (const entryId of input.orderedEntryIds) {
    const entry = queryOne<{ id: number; code: string; edition_id: number; category_id: number | null }>(
      db,
      `SELECT id, code, edition_id, category_id FROM entry WHERE id = ?`,
      entryId,
    );
    if (!entry || entry.edition_id !== stage.edition_id) throw new AppError('results.error.decisionForeign');
    if (seen.has(entryId)) throw new AppError('results.error.decisionDuplicate', { code: entry.code });
    seen.add(entryId);
    categories.add(entry.category_id);
  }
  if (categories.size !== 1) throw new AppError('results.error.decisionCategories');
  const categoryId = [...categories][0] ?? null;
  // The decision in force for exactly these entries, if any: the new one supersedes it (the
  // ranking applies the latest decision naming every tied entry), so the log shows old → new.
  const sameSet = (r: TieDecisionRecord) => r.orderedEntryIds.length === seen.size && r.orderedEntryIds.every((e) => seen.has(e));
  const previous = listDecisions(db, input.stageId).filter(sameSet).pop();
  const info = execute(
    db,
    `INSERT INTO tie_decision (stage_id, category_id, entry_ids, reason, decided_at) VALUES (?, ?, ?, ?, ?)`,
    input.stageId, categoryId, JSON.stringify(input.orderedEntryIds), input.reason, now,
  );
  const record = toRecord(queryOne<DecisionRow>(db, `SELECT * FROM tie_decision WHERE id = ?`, info.lastInsertRowid)!);
  // Changing a decision withdraws the one it replaces, so withdrawing the new one later does not
  // silently bring the old one back.
  if (previous) {
    execute(db, `UPDATE tie_decision SET revoked_at = ?, revoked_reason = ? WHERE id = ?`, now, t('results.decisionReplaced', { id: record.id }), previous.id);
  }
  appendAudit(db, {
    at: now,
    actor: 'organizer',
    action: 'tie.decide',
    editionId: stage.edition_id,
    stageId: input.stageId,
    oldValue: previous ? auditValue(previous, entryCodes(db, previous.orderedEntryIds)) : null,
    newValue: auditValue(record, entryCodes(db, record.orderedEntryIds)),
    reason: input.reason,
  });
  return record;
}

/** Withdraws a decision: the row stays (revoked_at, revoked_reason) and the log records why. Run inside a transaction. */
export function revokeDecision(db: Db, input: { id: number; reason: string }, now: string): void {
  const row = queryOne<DecisionRow & { revoked_at: string | null }>(db, `SELECT * FROM tie_decision WHERE id = ?`, input.id);
  if (!row) throw new AppError('error.notFound', { what: t('error.what.tieDecision') });
  const stage = loadStage(db, row.stage_id);
  assertEditable(db, stage.edition_id);
  if (row.revoked_at !== null) throw new AppError('results.error.decisionRevoked');
  execute(db, `UPDATE tie_decision SET revoked_at = ?, revoked_reason = ? WHERE id = ?`, now, input.reason, input.id);
  const record = toRecord(row);
  appendAudit(db, {
    at: now,
    actor: 'organizer',
    action: 'tie.revoke',
    editionId: stage.edition_id,
    stageId: row.stage_id,
    oldValue: auditValue(record, entryCodes(db, record.orderedEntryIds)),
    newValue: null,
    reason: input.reason,
  });
}
