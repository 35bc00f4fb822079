import type { TieDecision, TieDecisionRecord } from '../../../../shared/scoring';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { assertEditable } from '../../editions/write';
import { loadStage } from '../lookup';
import { sql } from '../statements';

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

export function listDecisions(db: Db, stageId: number): TieDecisionRecord[] {
  loadStage(db, stageId);
  return (sql(db, `SELECT * FROM tie_decision WHERE stage_id = ? ORDER BY id`).all(stageId) as DecisionRow[]).map(toRecord);
}

export function asTieDecisions(records: readonly TieDecisionRecord[]): TieDecision[] {
  return records.map((r) => ({ id: r.id, orderedEntryIds: r.orderedEntryIds, reason: r.reason }));
}

/**
 * Stores the organizer's order for tied entries (table tie_decision of the jury schema). The
 * entries must be distinct, of the stage's edition and of one category. Whether they are tied
 * is not checked: a decision only ever applies to a tie whose entries it names, so one taken
 * ahead of time (or for another method) is harmless.
 */
export function recordDecision(db: Db, input: { stageId: number; orderedEntryIds: number[]; reason: string }, now: string): TieDecisionRecord {
  const stage = loadStage(db, input.stageId);
  assertEditable(db, stage.edition_id);
  const find = db.prepare(`SELECT id, code, edition_id, category_id FROM entry WHERE id = ?`);
  const seen = new Set<number>();
  const categories = new Set<number | null>();
  for (const entryId of input.orderedEntryIds) {
    const entry = find.get(entryId) as { id: number; code: string; edition_id: number; category_id: number | null } | undefined;
    if (!entry || entry.edition_id !== stage.edition_id) throw new AppError('consolidation.error.decisionForeign');
    if (seen.has(entryId)) throw new AppError('consolidation.error.decisionDuplicate', { code: entry.code });
    seen.add(entryId);
    categories.add(entry.category_id);
  }
  if (categories.size !== 1) throw new AppError('consolidation.error.decisionCategories');
  const categoryId = [...categories][0] ?? null;
  const info = db
    .prepare(`INSERT INTO tie_decision (stage_id, category_id, entry_ids, reason, decided_at) VALUES (?, ?, ?, ?, ?)`)
    .run(input.stageId, categoryId, JSON.stringify(input.orderedEntryIds), input.reason, now);
  return toRecord(db.prepare(`SELECT * FROM tie_decision WHERE id = ?`).get(info.lastInsertRowid) as DecisionRow);
}
