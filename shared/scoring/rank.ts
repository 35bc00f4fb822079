import type { TieRule } from './options';
import { nearlyEqual } from './stats';
import type { TieDecision } from './types';

/** What the ranking and its tie-break rules may look at for one entry. */
export interface RankCandidate {
  entryId: number;
  code: string;
  /** The value of the method being ranked; null leaves the entry unranked. */
  value: number | null;
  median: number | null;
  mean: number | null;
  spread: number | null;
  /** criterion id → mean over the jurors who scored it. */
  criterionMeans: ReadonlyMap<number, number | null>;
  /** Position in the display order by code among the candidates ranked together (see orderByCode); computed when absent. */
  codeOrder?: number;
}

export type AutomaticRule = Exclude<TieRule, { kind: 'organizerDecision' }>;
export type TieStepRule = AutomaticRule | { kind: 'organizerDecision'; decisionId: number } | { kind: 'unresolved' };

/** Why `above` precedes `below` inside a tie: the first rule of the chain that told them apart. */
export interface TieStep {
  aboveEntryId: number;
  belowEntryId: number;
  rule: TieStepRule;
  aboveValue: number | null;
  belowValue: number | null;
}

export interface TieGroup {
  /** The tied value of the ranked method. */
  value: number;
  /** The tied entries in their final order. */
  entryIds: number[];
  steps: TieStep[];
}

export interface Ranking {
  /** Ranked entry ids, best first. */
  order: number[];
  /** entry id → rank (1 = first). Entries still tied after the whole chain share a rank. */
  rankOf: Map<number, number>;
  ties: TieGroup[];
  /** Some tie needs an organizer decision. */
  unresolved: boolean;
}

/**
 * Ranks by value, highest first. Entries with the same value (within rounding) go through the
 * configured chain in order; a rule that cannot compare every entry of the group (a value is
 * missing) is skipped rather than guessed. After the chain comes the organizer's recorded
 * decision; without one the entries share the rank and the tie is reported as unresolved.
 * Never random: the same data and decisions always give the same ranking.
 */
export function rankEntries(candidates: readonly RankCandidate[], rules: readonly TieRule[], decisions: readonly TieDecision[] = []): Ranking {
  const chain = automaticPrefix(rules);
  const sorted = candidates
    .filter((c): c is RankCandidate & { value: number } => c.value !== null)
    .sort((a, b) => b.value - a.value || compareCodes(a, b));
  const order: RankCandidate[] = [];
  const ties: TieGroup[] = [];
  const unresolvedBelow = new Set<number>();
  let start = 0;
  while (start < sorted.length) {
    let end = start + 1;
    while (end < sorted.length && nearlyEqual((sorted[end] as { value: number }).value, (sorted[end - 1] as { value: number }).value)) end += 1;
    if (end - start === 1) order.push(sorted[start] as RankCandidate);
    else {
      const group = sorted.slice(start, end);
      const resolved = resolve(group, chain, 0, decisions);
      order.push(...resolved.order);
      for (const step of resolved.steps) if (step.rule.kind === 'unresolved') unresolvedBelow.add(step.belowEntryId);
      ties.push({ value: (group[0] as { value: number }).value, entryIds: resolved.order.map((c) => c.entryId), steps: resolved.steps });
    }
    start = end;
  }

  const rankOf = new Map<number, number>();
  order.forEach((c, index) => {
    const previous = order[index - 1];
    rankOf.set(c.entryId, unresolvedBelow.has(c.entryId) && previous ? (rankOf.get(previous.entryId) as number) : index + 1);
  });
  return { order: order.map((c) => c.entryId), rankOf, ties, unresolved: unresolvedBelow.size > 0 };
}

interface Resolution {
  order: RankCandidate[];
  steps: TieStep[];
}

function resolve(group: RankCandidate[], rules: readonly AutomaticRule[], index: number, decisions: readonly TieDecision[]): Resolution {
  if (group.length === 1) return { order: group, steps: [] };
  if (index >= rules.length) return byDecision(group, decisions);
  const rule = rules[index] as AutomaticRule;
  const keyed = group.map((c) => ({ c, key: ruleKey(rule, c) }));
  if (keyed.some((k) => k.key === null)) return resolve(group, rules, index + 1, decisions);
  // Every rule is "higher is better" except the spread, where jurors who agree more rank first.
  const sign = rule.kind === 'smallerSpread' ? 1 : -1;
  sortStable(keyed, (a, b) => sign * ((a.key as number) - (b.key as number)) || compareCodes(a.c, b.c));

  const order: RankCandidate[] = [];
  const steps: TieStep[] = [];
  let start = 0;
  let previousLast: { c: RankCandidate; key: number } | null = null;
  while (start < keyed.length) {
    let end = start + 1;
    while (end < keyed.length && nearlyEqual(keyed[end]?.key as number, keyed[end - 1]?.key as number)) end += 1;
    const sub = resolve(keyed.slice(start, end).map((k) => k.c), rules, index + 1, decisions);
    const first = sub.order[0] as RankCandidate;
    const key = keyed[start]?.key as number;
    if (previousLast) {
      steps.push({ aboveEntryId: previousLast.c.entryId, belowEntryId: first.entryId, rule, aboveValue: previousLast.key, belowValue: key });
    }
    order.push(...sub.order);
    steps.push(...sub.steps);
    previousLast = { c: sub.order[sub.order.length - 1] as RankCandidate, key: keyed[end - 1]?.key as number };
    start = end;
  }
  return { order, steps };
}

/** The organizer's latest decision naming every tied entry orders them; otherwise the tie stays. */
function byDecision(group: RankCandidate[], decisions: readonly TieDecision[]): Resolution {
  const ids = group.map((c) => c.entryId);
  const decision = [...decisions].sort((a, b) => b.id - a.id).find((d) => ids.every((id) => d.orderedEntryIds.includes(id)));
  const order = decision ? [...group].sort((a, b) => decision.orderedEntryIds.indexOf(a.entryId) - decision.orderedEntryIds.indexOf(b.entryId)) : group;
  const rule: TieStepRule = decision ? { kind: 'organizerDecision', decisionId: decision.id } : { kind: 'unresolved' };
  const steps = order.slice(1).map((c, i) => ({ aboveEntryId: (order[i] as RankCandidate).entryId, belowEntryId: c.entryId, rule, aboveValue: null, belowValue: null }));
  return { order, steps };
}

/** The automatic steps before the first 'organizerDecision' (the decision is always applied last). */
function automaticPrefix(rules: readonly TieRule[]): AutomaticRule[] {
  const stop = rules.findIndex((r) => r.kind === 'organizerDecision');
  return (stop === -1 ? rules : rules.slice(0, stop)) as AutomaticRule[];
}

function ruleKey(rule: AutomaticRule, c: RankCandidate): number | null {
  switch (rule.kind) {
    case 'priorityCriterion':
      return c.criterionMeans.get(rule.criterionId) ?? null;
    case 'higherMedian':
      return c.median;
    case 'higherMean':
      return c.mean;
    case 'smallerSpread':
      return c.spread;
  }
}

/**
 * Display order inside an unresolved tie: by code, so the list is stable — it does not rank.
 * One collator for every comparison: localeCompare(…, 'es') builds one per call, which made
 * sorting a large category slow; the order is the same.
 */
const codeCollator = new Intl.Collator('es');

/**
 * Array.prototype.sort, with short arrays sorted by insertion instead: V8's sort allocates a
 * fresh bookkeeping array of about 1.4 KB per call, and a large stage's tie-breaks sort hundreds
 * of groups of two or three entries. Both sorts are stable, so with the same comparator they
 * give the same order.
 */
function sortStable<T>(items: T[], compare: (a: T, b: T) => number): void {
  if (items.length > 16) {
    items.sort(compare);
    return;
  }
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    for (; j >= 0 && compare(items[j] as T, item) > 0; j--) items[j + 1] = items[j] as T;
    items[j + 1] = item;
  }
}

function compareCodes(a: RankCandidate, b: RankCandidate): number {
  if (a.codeOrder !== undefined && b.codeOrder !== undefined) return a.codeOrder - b.codeOrder;
  return codeCollator.compare(a.code, b.code) || a.entryId - b.entryId;
}

/**
 * Numbers the candidates in code order once (sets codeOrder), so the rankings of every method
 * compare two numbers where they would call the collator on every tie: a large category's
 * many ties cost thousands of collator calls per method. The order is the same.
 */
export function orderByCode(candidates: readonly RankCandidate[]): void {
  const byCode = [...candidates].sort((a, b) => codeCollator.compare(a.code, b.code) || a.entryId - b.entryId);
  byCode.forEach((c, i) => (c.codeOrder = i));
}
