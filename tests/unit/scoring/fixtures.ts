import type { ScoreSheet, ScoringCriterion, ScoringEntry, ScoringInput, ScoringJuror } from '../../../shared/scoring';

/** Small builders so each test states its numbers and nothing else. */

export function criterion(id: number, fields: Partial<ScoringCriterion> = {}): ScoringCriterion {
  return { id, name: `C${id}`, weight: 1, scaleMin: 0, scaleMax: 10, independent: false, categoryIds: [], ...fields };
}

export function entry(id: number, categoryId: number | null = 1): ScoringEntry {
  return { id, code: `P-${String(id).padStart(3, '0')}`, title: `Práctica ${id}`, categoryId };
}

export function juror(id: number): ScoringJuror {
  return { id, name: `Jurado ${id}` };
}

export function sheet(jurorId: number, entryId: number, scores: Record<number, number> | 'abstained' | 'recused'): ScoreSheet {
  if (typeof scores === 'string') return { jurorId, entryId, status: scores, scores: new Map() };
  return { jurorId, entryId, status: 'scored', scores: new Map(Object.entries(scores).map(([k, v]) => [Number(k), v])) };
}

/** A juror's cell in a one-criterion table: a score, 'A' abstained, 'R' recused, null not assigned. */
export type Cell = number | 'A' | 'R' | null;

/**
 * One criterion (id 1, weight 1, scale 0–10), so a juror's total is their score: rows are
 * entries (ids 1…), columns are jurors (ids 1…). Keeps hand arithmetic readable.
 */
export function oneCriterionInput(rows: Cell[][], extra: Partial<ScoringInput> = {}): ScoringInput {
  const jurorCount = Math.max(0, ...rows.map((r) => r.length));
  const sheets: ScoreSheet[] = [];
  rows.forEach((row, e) =>
    row.forEach((cell, j) => {
      if (cell === null) return;
      sheets.push(sheet(j + 1, e + 1, cell === 'A' ? 'abstained' : cell === 'R' ? 'recused' : { 1: cell }));
    }),
  );
  return {
    criteria: [criterion(1)],
    entries: rows.map((_, e) => entry(e + 1)),
    jurors: Array.from({ length: jurorCount }, (_, j) => juror(j + 1)),
    sheets,
    cutoff: null,
    ...extra,
  };
}
