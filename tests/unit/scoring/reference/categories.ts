import { METHODS, type ConsolidationOptions, type Method } from './options';
import { rankEntries, type RankCandidate } from './rank';
import type { CategoryResult, EntryResult, MethodRanking } from './result';
import type { TieDecision } from './types';
import type { EntryDraft } from './entries';

/**
 * Ranks one category under every method and writes each entry's ranks. A method applies to the
 * category only when every scored entry has its value (the trimmed mean needs N jurors for all,
 * otherwise its ranking would silently compare entries on different footings).
 */
export function rankCategory(
  categoryId: number | null,
  drafts: readonly EntryDraft[],
  options: ConsolidationOptions,
  decisions: readonly TieDecision[],
): { category: CategoryResult; ranks: Map<number, Record<Method, number | null>> } {
  const scored = drafts.filter((d) => d.counted > 0);
  const ranks = new Map<number, Record<Method, number | null>>(drafts.map((d) => [d.entryId, { mean: null, median: null, trimmed: null, zscore: null }]));
  const rankings: MethodRanking[] = METHODS.map((method) => {
    const applicable = scored.length > 0 && scored.every((d) => d.values[method] !== null);
    if (!applicable) return { method, applicable, order: [], ties: [], unresolved: false };
    const ranking = rankEntries(scored.map((d) => candidate(d, method)), options.tieBreak, decisions);
    for (const [entryId, rank] of ranking.rankOf) (ranks.get(entryId) as Record<Method, number | null>)[method] = rank;
    return { method, applicable, order: ranking.order, ties: ranking.ties, unresolved: ranking.unresolved };
  });
  // The top places by rank: an entry sharing the last of them (an unresolved tie) is included.
  const top = rankings
    .filter((r) => r.applicable)
    .map((r) => ({ method: r.method, entryIds: r.order.filter((id) => (ranks.get(id)?.[r.method] ?? Infinity) <= options.topPlaces) }));
  const reference = top[0]?.entryIds ?? [];
  const topDiffers = top.some((t) => t.entryIds.length !== reference.length || t.entryIds.some((id, i) => id !== reference[i]));
  const first = drafts[0];
  return {
    category: {
      categoryId,
      scale: first ? first.scale : { min: 0, max: 0 },
      entryIds: drafts.map((d) => d.entryId),
      rankings,
      top,
      topDiffers,
    },
    ranks,
  };
}

function candidate(d: EntryDraft | EntryResult, method: Method): RankCandidate {
  return {
    entryId: d.entryId,
    code: d.code,
    value: d.values[method],
    median: d.values.median,
    mean: d.values.mean,
    spread: d.spread,
    criterionMeans: new Map(d.criterionMeans.map((c) => [c.criterionId, c.mean])),
  };
}
