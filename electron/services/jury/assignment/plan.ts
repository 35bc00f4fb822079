import type { AssignmentPlan, AssignmentShortfall } from '../../../../shared/domain/jury-types';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { queryAll } from '../../../db/query';
import { refreshConflicts } from '../conflicts/store';
import { entriesInStage, loadStage } from '../lookup';
import { listPanels } from '../panels';
import { getSettings } from '../settings';
import { balanceAssignments, type EntryNeed } from './balance';
import { assignmentRows, counts } from './status';

/**
 * Builds the automatic-assignment plan of a stage from the database: every entry completed to N
 * counting jurors from its category's panel (or the general panel). Existing assignments are kept,
 * so the same call is the "top up" after a withdrawal or a recusal.
 */
export function planAssignments(db: Db, input: { stageId: number; jurorsPerEntry?: number | undefined; seed: number }, now: string): AssignmentPlan {
  const stage = loadStage(db, input.stageId);
  refreshConflicts(db, stage.edition_id, now);
  const n = input.jurorsPerEntry ?? getSettings(db, stage.edition_id, now).jurorsPerEntry;
  const panels = listPanels(db, stage.id);
  const panelByCategory = new Map(panels.map((p) => [p.categoryId, p]));
  const categoryName = new Map(
    queryAll<{ id: number; name: string }>(db, `SELECT id, name FROM category WHERE edition_id = ?`, stage.edition_id).map((c) => [c.id, c.name]),
  );
  const conflicts = new Set(
    queryAll<{ juror_id: number; entry_id: number }>(
      db,
      `SELECT juror_id, entry_id FROM conflict WHERE edition_id = ? AND dismissed_at IS NULL`,
      stage.edition_id,
    ).map((c) => `${c.juror_id}:${c.entry_id}`),
  );
  const existing = assignmentRows(db, stage.id);
  const loads = new Map<number, number>();
  for (const p of panels) for (const m of p.members) if (!m.withdrawn) loads.set(m.jurorId, 0);
  const onEntry = new Map<number, { all: number[]; counting: number }>();
  for (const a of existing) {
    const slot = onEntry.get(a.entryId) ?? { all: [], counting: 0 };
    slot.all.push(a.jurorId);
    if (counts(a)) {
      slot.counting++;
      if (loads.has(a.jurorId)) loads.set(a.jurorId, (loads.get(a.jurorId) ?? 0) + 1);
    }
    onEntry.set(a.entryId, slot);
  }

  const needs: EntryNeed[] = [];
  const shortfalls: AssignmentShortfall[] = [];
  const codeOf = new Map<number, string>();
  for (const entry of entriesInStage(db, stage)) {
    codeOf.set(entry.id, entry.code);
    const slot = onEntry.get(entry.id) ?? { all: [], counting: 0 };
    const need = n - slot.counting;
    if (need <= 0) continue;
    const panel = panelByCategory.get(entry.category_id) ?? panelByCategory.get(null);
    if (!panel) {
      const category = entry.category_id === null ? '—' : (categoryName.get(entry.category_id) ?? '—');
      shortfalls.push({ entryId: entry.id, code: entry.code, needed: need, possible: 0, message: t('jury.assignment.noPanel', { code: entry.code, category }) });
      continue;
    }
    const eligible: number[] = [];
    let conflicted = 0;
    let withdrawn = 0;
    let already = 0;
    for (const m of panel.members) {
      if (m.withdrawn) withdrawn++;
      else if (conflicts.has(`${m.jurorId}:${entry.id}`)) conflicted++;
      else if (slot.all.includes(m.jurorId)) already++;
      else eligible.push(m.jurorId);
    }
    if (eligible.length < need) {
      shortfalls.push({
        entryId: entry.id,
        code: entry.code,
        needed: need,
        possible: eligible.length,
        message: t('jury.assignment.short', { code: entry.code, needed: n, possible: slot.counting + eligible.length, members: panel.members.length, conflicted, withdrawn, already }),
      });
    }
    needs.push({ entryId: entry.id, need, eligible, assigned: slot.all });
  }

  const result = balanceAssignments({ entries: needs, loads, seed: input.seed });
  const jurorName = new Map(panels.flatMap((p) => p.members.map((m) => [m.jurorId, m.name] as const)));
  const panelStats = panels.map((p) => {
    const memberLoads = p.members.filter((m) => !m.withdrawn).map((m) => result.loads.get(m.jurorId) ?? 0);
    const min = memberLoads.length ? Math.min(...memberLoads) : 0;
    const max = memberLoads.length ? Math.max(...memberLoads) : 0;
    return { panelId: p.id, name: p.name, min, max, balanced: max - min <= 1 };
  });
  const problems = [
    ...shortfalls.map((s) => s.message),
    ...panelStats.filter((p) => !p.balanced).map((p) => t('jury.assignment.unbalanced', { panel: p.name, min: p.min, max: p.max })),
  ];
  return {
    stageId: stage.id,
    seed: input.seed,
    jurorsPerEntry: n,
    additions: result.additions.map((a) => ({
      entryId: a.entryId,
      entryCode: codeOf.get(a.entryId) ?? '',
      jurorId: a.jurorId,
      jurorName: jurorName.get(a.jurorId) ?? '',
    })),
    shortfalls,
    panels: panelStats,
    problems,
    feasible: shortfalls.length === 0,
  };
}
