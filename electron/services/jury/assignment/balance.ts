import { mulberry32, shuffled } from './prng';

/**
 * The pure core of automatic assignment. Each entry needs `need` more jurors chosen from its
 * `eligible` list (panel members without a conflict in force, not withdrawn, not yet on it).
 * Jurors have no capacity limit, so an entry can be filled iff it has enough eligible jurors; what
 * remains is spreading the work evenly. Greedy fills each entry with the least-loaded jurors, then
 * cost-reducing paths (move an entry from juror a to b, possibly through a chain of jurors) are
 * applied while some path leads from a juror to one with at least 2 fewer entries. When no such
 * path is left, no assignment under the same constraints has a smaller spread (the optimality
 * condition of balanced semi-matchings), so a remaining max − min > 1 is forced by the
 * conflicts or by existing assignments — which is what the plan then tells the user.
 */

export interface EntryNeed {
  entryId: number;
  need: number;
  eligible: readonly number[];
  /** Jurors already on the entry (existing assignments): never added again. */
  assigned: readonly number[];
}

export interface BalanceInput {
  entries: readonly EntryNeed[];
  /** Every candidate juror with their current load in the stage. */
  loads: ReadonlyMap<number, number>;
  seed: number;
}

export interface BalanceResult {
  additions: { entryId: number; jurorId: number }[];
  loads: Map<number, number>;
}

export function balanceAssignments(input: BalanceInput): BalanceResult {
  const random = mulberry32(input.seed);
  const jurorOrder = shuffled([...input.loads.keys()].sort((a, b) => a - b), random);
  const rank = new Map(jurorOrder.map((id, index) => [id, index]));
  const loads = new Map(input.loads);
  const onEntry = new Map<number, Set<number>>();
  const eligibleOf = new Map<number, readonly number[]>();
  for (const e of input.entries) {
    onEntry.set(e.entryId, new Set(e.assigned));
    eligibleOf.set(e.entryId, e.eligible.filter((j) => loads.has(j)));
  }
  // juror → entries newly given to them (only these may move during balancing)
  const added = new Map<number, Set<number>>();
  const load = (j: number) => loads.get(j) ?? 0;
  const byLoad = (a: number, b: number) => load(a) - load(b) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0);

  const entryTieBreak = new Map(shuffled(input.entries.map((e) => e.entryId), random).map((id, i) => [id, i]));
  const order = [...input.entries].sort(
    (a, b) =>
      (eligibleOf.get(a.entryId)?.length ?? 0) - a.need - ((eligibleOf.get(b.entryId)?.length ?? 0) - b.need) ||
      (entryTieBreak.get(a.entryId) ?? 0) - (entryTieBreak.get(b.entryId) ?? 0),
  );
  for (const entry of order) {
    const on = onEntry.get(entry.entryId) ?? new Set<number>();
    const candidates = (eligibleOf.get(entry.entryId) ?? []).filter((j) => !on.has(j));
    for (let k = 0; k < entry.need && candidates.length > 0; k++) {
      candidates.sort(byLoad);
      const juror = candidates.shift() as number;
      on.add(juror);
      loads.set(juror, load(juror) + 1);
      const set = added.get(juror) ?? new Set<number>();
      set.add(entry.entryId);
      added.set(juror, set);
    }
  }

  while (applyCostReducingPath(loads, added, onEntry, eligibleOf, jurorOrder)) {
    // each path lowers Σ load², so this ends
  }

  const additions: BalanceResult['additions'] = [];
  for (const juror of [...added.keys()].sort((a, b) => a - b)) {
    for (const entryId of [...(added.get(juror) ?? [])].sort((a, b) => a - b)) additions.push({ entryId, jurorId: juror });
  }
  additions.sort((a, b) => a.entryId - b.entryId || a.jurorId - b.jurorId);
  return { additions, loads };
}

/** Finds one path from a heavily loaded juror to one with ≥ 2 fewer entries and applies it. */
function applyCostReducingPath(
  loads: Map<number, number>,
  added: Map<number, Set<number>>,
  onEntry: Map<number, Set<number>>,
  eligibleOf: Map<number, readonly number[]>,
  jurorOrder: readonly number[],
): boolean {
  const load = (j: number) => loads.get(j) ?? 0;
  const starts = [...jurorOrder].sort((a, b) => load(b) - load(a));
  for (const start of starts) {
    if (!(added.get(start)?.size)) continue;
    // BFS over jurors; `via` remembers (previous juror, entry moved from it).
    const via = new Map<number, { from: number; entryId: number }>();
    const queue = [start];
    const seen = new Set([start]);
    while (queue.length > 0) {
      const juror = queue.shift() as number;
      for (const entryId of added.get(juror) ?? []) {
        const on = onEntry.get(entryId) ?? new Set<number>();
        for (const next of eligibleOf.get(entryId) ?? []) {
          if (seen.has(next) || on.has(next)) continue;
          seen.add(next);
          via.set(next, { from: juror, entryId });
          if (load(next) <= load(start) - 2) {
            applyPath(next, via, loads, added, onEntry);
            return true;
          }
          queue.push(next);
        }
      }
    }
  }
  return false;
}

function applyPath(
  end: number,
  via: Map<number, { from: number; entryId: number }>,
  loads: Map<number, number>,
  added: Map<number, Set<number>>,
  onEntry: Map<number, Set<number>>,
): void {
  loads.set(end, (loads.get(end) ?? 0) + 1);
  let juror = end;
  for (let step = via.get(juror); step; step = via.get(juror)) {
    // move step.entryId from step.from to juror
    added.get(step.from)?.delete(step.entryId);
    const set = added.get(juror) ?? new Set<number>();
    set.add(step.entryId);
    added.set(juror, set);
    const on = onEntry.get(step.entryId);
    on?.delete(step.from);
    on?.add(juror);
    juror = step.from;
  }
  loads.set(juror, (loads.get(juror) ?? 0) - 1);
}
