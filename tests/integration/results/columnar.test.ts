import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsolidationOptions, ScoreSheet, ScoringInput } from '../../../shared/scoring';
import type { Db } from '../../../electron/db/open';
import { computeStage } from '../../../electron/services/jury/results/compute';
import { consolidate as referenceConsolidate } from '../../unit/scoring/reference/consolidate';
import { openTestApp, type TestApp } from '../../support/services';
import { addEntry, addJuror, addSheet, NOW, seedEdition } from './seed';

/**
 * The service streams sheets and scores straight into columns (electron/services/jury/
 * consolidation/sheets.ts, scores.ts, through electron/db/row-stream.ts). Here random stages are
 * read the plain way — one row per score into ScoreSheet objects, as the service used to — and
 * fed to the straightforward consolidation kept in tests/unit/scoring/reference: both must agree
 * to the last bit, values off the quarter grid and huge ones (1e15) included.
 */

function prng(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

const VALUES = [0, 1, 2, 3, 4, 4, 3, 2, 0.5, 2.5, 3.75, 2.1, 4 - 2 ** -40];

/** The old loader: sheets by entry then id, scores one row each. */
function plainInput(db: Db, stageId: number, base: Omit<ScoringInput, 'sheets'>): ScoringInput {
  const rows = db
    .prepare(
      `SELECT s.juror_id, s.entry_id, s.abstention, s.submitted_at IS NOT NULL AS submitted,
              EXISTS (SELECT 1 FROM conflict c WHERE c.juror_id = s.juror_id AND c.entry_id = s.entry_id AND c.dismissed_at IS NULL) AS conflicted
       FROM score_sheet s WHERE s.stage_id = ? ORDER BY s.entry_id, s.id`,
    )
    .all(stageId) as { juror_id: number; entry_id: number; abstention: string | null; submitted: number; conflicted: number }[];
  const known = new Set(base.criteria.map((c) => c.id));
  const scores = db.prepare(`SELECT criterion_id, value FROM score WHERE stage_id = ? AND entry_id = ? AND juror_id = ? AND value IS NOT NULL ORDER BY criterion_id`);
  const sheets: ScoreSheet[] = [];
  for (const r of rows) {
    const status = r.abstention === 'abstain' ? 'abstained' : r.abstention === 'recuse' ? 'recused' : r.submitted && !r.conflicted ? 'scored' : null;
    if (!status) continue;
    const values = status === 'scored' ? (scores.all(stageId, r.entry_id, r.juror_id) as { criterion_id: number; value: number }[]) : [];
    sheets.push({ jurorId: r.juror_id, entryId: r.entry_id, status, scores: new Map(values.filter((v) => known.has(v.criterion_id)).map((v) => [v.criterion_id, v.value])) });
  }
  return { ...base, sheets };
}

describe('columnar read of a stage', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp();
  });
  afterEach(() => app.close());

  it.each([1, 2, 3])('gives the same result and sheets as reading one row per score (random stage %i)', async (seed) => {
    {
      const random = prng(seed * 7919);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
      const s = await seedEdition(app, 150);
      const db = app.services.context.db();
      const criteria = Object.values(s.criteria);
      const entries: number[] = [];
      for (let e = 0; e < 14; e++) entries.push(await addEntry(app, s.editionId, e % 3 ? s.categories.inicio : s.categories.liderazgo, `Práctica ${seed}-${e}`));
      const jurors = Array.from({ length: 6 }, (_, j) => addJuror(db, s.editionId, `Jurado ${seed}-${j}`, 'MINEDU', 'Especialista'));
      for (const entryId of entries) {
        for (const jurorId of jurors) {
          const roll = random();
          if (roll < 0.08) continue;
          if (roll < 0.13) addSheet(db, s.stageId, jurorId, entryId, { abstention: pick(['abstain', 'recuse'] as const) });
          else if (roll < 0.17) addSheet(db, s.stageId, jurorId, entryId, { pending: { [pick(criteria)]: 2 } });
          else addSheet(db, s.stageId, jurorId, entryId, Object.fromEntries(criteria.filter(() => random() > 0.08).map((c) => [c, pick(VALUES)])));
        }
      }
      if (seed === 2) {
        // A huge value (the text-packed reader this test was written for had to read it again).
        db.prepare(`UPDATE score SET value = 1e15 WHERE stage_id = ? AND entry_id = ? AND criterion_id = ?`).run(s.stageId, entries[3], s.criteria.intercultural);
      }
      db.prepare(`INSERT INTO conflict (edition_id, juror_id, entry_id, basis, declared_reason, created_at) VALUES (?, ?, ?, 'declared', 'Asesoró la práctica', ?)`).run(
        s.editionId,
        jurors[1],
        entries[2],
        NOW,
      );

      const variants: Partial<ConsolidationOptions>[] = [{}, { missingRule: 'rescale', method: 'zscore', tieBreak: [{ kind: 'priorityCriterion', criterionId: s.criteria.resultados }] }];
      for (const options of variants) {
        const { report, sheets } = computeStage(db, s.editionId, s.stageId, options);
        const input = plainInput(db, s.stageId, {
          criteria: report.criteria.map((c) => ({ ...c, categoryIds: [] })),
          entries: report.result.entries.map((e) => ({ id: e.entryId, code: e.code, title: e.title, categoryId: e.categoryId })),
          jurors: report.jurors.map((j) => ({ id: j.id, name: j.name })),
          cutoff: report.result.cutoff,
          decisions: [],
        });
        expect(sheets).toEqual(input.sheets);
        expect(report.result).toEqual(referenceConsolidate(input, report.result.options));
        expect(report.conflictedSheets).toBeGreaterThan(0);
      }
    }
  });
  it('keeps sheets in entry order, then as stored, whatever order the jurors or entries were written in', async () => {
    const s = await seedEdition(app, 150);
    const db = app.services.context.db();
    const a = await addEntry(app, s.editionId, s.categories.inicio, 'Práctica A');
    const b = await addEntry(app, s.editionId, s.categories.inicio, 'Práctica B');
    const [j1, j2, j3] = ['Jurado 1', 'Jurado 2', 'Jurado 3'].map((name) => addJuror(db, s.editionId, name, 'MINEDU', 'Especialista')) as [number, number, number];
    // Written entry B first, and jurors in a different order for each entry: the stored order
    // (sheet id) differs from both the entry and the juror order.
    const written: [number, number][] = [
      [b, j3],
      [b, j1],
      [a, j2],
      [b, j2],
      [a, j3],
      [a, j1],
    ];
    written.forEach(([entryId, jurorId], k) => addSheet(db, s.stageId, jurorId, entryId, { [s.criteria.resultados]: k % 5, [s.criteria.innovacion]: 4 - (k % 5) }));
    const { sheets } = computeStage(db, s.editionId, s.stageId);
    expect(sheets.map((sheet) => [sheet.entryId, sheet.jurorId])).toEqual([
      [a, j2],
      [a, j3],
      [a, j1],
      [b, j3],
      [b, j1],
      [b, j2],
    ]);
    // Each sheet got its own scores.
    for (const sheet of sheets) {
      const k = written.findIndex(([entryId, jurorId]) => entryId === sheet.entryId && jurorId === sheet.jurorId);
      expect(sheet.scores.get(s.criteria.resultados)).toBe(k % 5);
      expect(sheet.scores.get(s.criteria.innovacion)).toBe(4 - (k % 5));
    }
  });

  it('reads every stage afresh: an earlier computation neither leaks into a later one nor changes with it', async () => {
    // Nothing read for one computation (score columns, streamed rows, cached statements) may carry over to the next.
    const s = await seedEdition(app, 150);
    const db = app.services.context.db();
    const entries = [await addEntry(app, s.editionId, s.categories.inicio, 'Práctica A'), await addEntry(app, s.editionId, s.categories.inicio, 'Práctica B')];
    const jurors = ['Jurado 1', 'Jurado 2', 'Jurado 3'].map((name) => addJuror(db, s.editionId, name, 'MINEDU', 'Especialista'));
    for (const entryId of entries) for (const jurorId of jurors) addSheet(db, s.stageId, jurorId, entryId, { [s.criteria.resultados]: 3, [s.criteria.innovacion]: 2 });
    const first = computeStage(db, s.editionId, s.stageId);
    const before = JSON.stringify({ report: first.report, sheets: first.sheets.map((sheet) => [...sheet.scores]) });

    // One score emptied and one sheet fewer: the next read must see neither the old value nor the old row.
    const [e0, e1] = entries as [number, number];
    const [j0, j1] = jurors as [number, number];
    db.prepare(`UPDATE score SET value = NULL WHERE stage_id = ? AND entry_id = ? AND juror_id = ? AND criterion_id = ?`).run(s.stageId, e0, j0, s.criteria.innovacion);
    db.prepare(`DELETE FROM score WHERE stage_id = ? AND entry_id = ? AND juror_id = ?`).run(s.stageId, e1, j1);
    db.prepare(`DELETE FROM score_sheet WHERE stage_id = ? AND entry_id = ? AND juror_id = ?`).run(s.stageId, e1, j1);
    const second = computeStage(db, s.editionId, s.stageId);

    expect(JSON.stringify({ report: first.report, sheets: first.sheets.map((sheet) => [...sheet.scores]) })).toBe(before);
    expect(second.sheets).toHaveLength(first.sheets.length - 1);
    const emptied = second.sheets.find((sheet) => sheet.entryId === e0 && sheet.jurorId === j0);
    expect(emptied?.scores.has(s.criteria.innovacion)).toBe(false);
    expect(emptied?.scores.get(s.criteria.resultados)).toBe(3);
    const missing = (stage: typeof first) => stage.report.result.entries.find((e) => e.entryId === e0)?.totals.find((t) => t.jurorId === j0)?.missingCriterionIds;
    expect(missing(first)).not.toContain(s.criteria.innovacion);
    expect(missing(second)).toContain(s.criteria.innovacion);
  });
});
