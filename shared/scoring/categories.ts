import { METHODS, type ConsolidationOptions } from './options';
import { orderByCode, rankEntries, type RankCandidate } from './rank';
import type { CategoryResult, EntryResult, MethodRanking } from './result';
import type { TieDecision } from './types';

/**
 * Ranks one category under every method and writes each entry's ranks (in place: the entries
 * are the result's). A method applies to the category only when every scored entry has its
 * value (the trimmed mean needs N jurors for all, otherwise its ranking would silently compare
 * entries on different footings).
 */
export function rankCategory(
  categoryId: number | null,
  entries: readonly EntryResult[],
  options: ConsolidationOptions,
  decisions: readonly TieDecision[],
): CategoryResult {
  const scored = entries.filter((d) => d.counted > 0);
  // One candidate per entry, reused by every method: only the ranked value changes between
  // them, and a ranking keeps ids and numbers, never the candidates themselves.
  // Criterion means are looked up only by a priority-criterion rule.
  const byCriterion = options.tieBreak.some((r) => r.kind === 'priorityCriterion');
  const candidates = scored.map((d) => candidate(d, byCriterion));
  orderByCode(candidates);
  const top: CategoryResult['top'] = [];
  const rankings: MethodRanking[] = METHODS.map((method) => {
    const applicable = scored.length > 0 && scored.every((d) => d.values[method] !== null);
    if (!applicable) return { method, applicable, order: [], ties: [], unresolved: false };
    candidates.forEach((c, i) => (c.value = (scored[i] as EntryResult).values[method]));
    const ranking = rankEntries(candidates, options.tieBreak, decisions);
    for (const d of scored) d.ranks[method] = ranking.rankOf.get(d.entryId) ?? null;
    // By rank, not by position: an entry sharing the last top place (an unresolved tie) is in.
    top.push({ method, entryIds: ranking.order.filter((id) => (ranking.rankOf.get(id) ?? Infinity) <= options.topPlaces) });
    return { method, applicable, order: ranking.order, ties: ranking.ties, unresolved: ranking.unresolved };
  });
  const reference = top[0]?.entryIds ?? [];
  const topDiffers = top.some((t) => t.entryIds.length !== reference.length || t.entryIds.some((id, i) => id !== reference[i]));
  const first = entries[0];
  return {
    categoryId,
    scale: first ? first.scale : { min: 0, max: 0 },
    entryIds: entries.map((d) => d.entryId),
    rankings,
    top,
    topDiffers,
  };
}

const NO_MEANS: ReadonlyMap<number, number | null> = new Map();

function candidate(d: EntryResult, byCriterion: boolean): RankCandidate {
  return {
    entryId: d.entryId,
    code: d.code,
    value: null,
    median: d.values.median,
    mean: d.values.mean,
    spread: d.spread,
    criterionMeans: byCriterion ? new Map(d.criterionMeans.map((c) => [c.criterionId, c.mean])) : NO_MEANS,
  };
}
