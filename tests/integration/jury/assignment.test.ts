import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balanceAssignments, type EntryNeed } from '../../../electron/services/jury/assignment/balance';
import { openTestApp, type TestApp } from '../../support/services';
import { buildScenario, generalPanel, type Scenario } from './scenario';

/** A random stage: jurors, entries needing N, a random set of conflicted pairs. */
const instance = fc
  .record({ jurors: fc.integer({ min: 1, max: 9 }), entries: fc.integer({ min: 0, max: 30 }), n: fc.integer({ min: 1, max: 4 }), seed: fc.nat() })
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      conflicts: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: base.jurors }), fc.integer({ min: 1, max: Math.max(1, base.entries) })), {
        maxLength: base.jurors * Math.max(1, base.entries),
      }),
    }),
  );

function toInput(i: { base: { jurors: number; entries: number; n: number; seed: number }; conflicts: [number, number][] }) {
  const conflicted = new Set(i.conflicts.map(([j, e]) => `${j}:${e}`));
  const jurors = Array.from({ length: i.base.jurors }, (_, k) => k + 1);
  const entries: EntryNeed[] = Array.from({ length: i.base.entries }, (_, k) => ({
    entryId: k + 1,
    need: i.base.n,
    eligible: jurors.filter((j) => !conflicted.has(`${j}:${k + 1}`)),
    assigned: [],
  }));
  return { entries, loads: new Map(jurors.map((j) => [j, 0])), seed: i.base.seed, conflicted };
}

const spread = (loads: Map<number, number>) => Math.max(...loads.values()) - Math.min(...loads.values());

/** Smallest achievable max − min by brute force (tiny instances only). */
function bruteForceSpread(entries: EntryNeed[], jurors: number[]): number {
  const choices = entries.map((e) => combinations(e.eligible, Math.min(e.need, e.eligible.length)));
  let best = Infinity;
  const loads = new Map(jurors.map((j) => [j, 0]));
  const walk = (index: number) => {
    if (index === choices.length) {
      best = Math.min(best, spread(loads));
      return;
    }
    for (const pick of choices[index] ?? []) {
      for (const j of pick) loads.set(j, (loads.get(j) ?? 0) + 1);
      walk(index + 1);
      for (const j of pick) loads.set(j, (loads.get(j) ?? 0) - 1);
    }
  };
  walk(0);
  return best;
}

function combinations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items as [T, ...T[]];
  return [...combinations(rest, k - 1).map((c) => [first, ...c]), ...combinations(rest, k)];
}

describe('automatic assignment (pure core)', () => {
  it('never assigns a conflicted pair, never twice, and fills every entry that has enough eligible jurors', () => {
    fc.assert(
      fc.property(instance, (i) => {
        const input = toInput(i);
        const result = balanceAssignments(input);
        const seen = new Set<string>();
        for (const a of result.additions) {
          expect(input.conflicted.has(`${a.jurorId}:${a.entryId}`)).toBe(false);
          expect(seen.has(`${a.jurorId}:${a.entryId}`)).toBe(false);
          seen.add(`${a.jurorId}:${a.entryId}`);
        }
        for (const e of input.entries) {
          const got = result.additions.filter((a) => a.entryId === e.entryId).length;
          expect(got).toBe(Math.min(e.need, e.eligible.length));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('balances loads to max − min ≤ 1 when there are no conflicts', () => {
    fc.assert(
      fc.property(instance, (i) => {
        const result = balanceAssignments(toInput({ ...i, conflicts: [] }));
        expect(spread(result.loads)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('with conflicts, reaches the smallest spread any valid assignment could (brute force on small stages)', () => {
    const small = fc
      .record({ jurors: fc.integer({ min: 2, max: 5 }), entries: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 2 }), seed: fc.nat() })
      .chain((base) =>
        fc.record({
          base: fc.constant(base),
          conflicts: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: base.jurors }), fc.integer({ min: 1, max: base.entries })), { maxLength: 6 }),
        }),
      );
    fc.assert(
      fc.property(small, (i) => {
        const input = toInput(i);
        const result = balanceAssignments(input);
        const jurors = [...input.loads.keys()];
        expect(spread(result.loads)).toBe(bruteForceSpread(input.entries, jurors));
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic for a seed, and the seed matters', () => {
    fc.assert(
      fc.property(instance, (i) => {
        expect(balanceAssignments(toInput(i))).toEqual(balanceAssignments(toInput(i)));
      }),
      { numRuns: 100 },
    );
    const base = { base: { jurors: 8, entries: 20, n: 3, seed: 1 }, conflicts: [] as [number, number][] };
    const a = balanceAssignments(toInput(base)).additions;
    const b = balanceAssignments(toInput({ ...base, base: { ...base.base, seed: 2 } })).additions;
    expect(a).not.toEqual(b);
  });
});

describe('automatic assignment (stage)', () => {
  let app: TestApp;
  let s: Scenario;
  beforeEach(async () => {
    app = await openTestApp();
    s = await buildScenario(app);
  });
  afterEach(() => app.close());

  it('plans, applies, shows balanced loads, and is reproducible for the seed', async () => {
    await generalPanel(app, s);
    const plan = await app.call('assignments.plan', { stageId: s.evaluation, jurorsPerEntry: 2, seed: 42 });
    expect(plan.feasible).toBe(true);
    expect(plan.additions).toHaveLength(10);
    expect(await app.call('assignments.plan', { stageId: s.evaluation, jurorsPerEntry: 2, seed: 42 })).toEqual(plan);
    await app.call('assignments.auto', { stageId: s.evaluation, jurorsPerEntry: 2, seed: 42 });
    const loads = await app.call('assignments.loads', { stageId: s.evaluation, jurorsPerEntry: 2 });
    expect(loads.max - loads.min).toBeLessThanOrEqual(1);
    expect(loads.shortEntries).toEqual([]);
    expect(loads.jurors.map((j) => j.active).reduce((a, b) => a + b)).toBe(10);
    const rows = await app.call('assignments.list', { stageId: s.evaluation });
    expect(rows.every((r) => r.source === 'auto')).toBe(true);
    expect(rows.some((r) => r.jurorId === s.jurors.ana && r.entryId === s.entries.lamas)).toBe(false);
  });

  it('explains in Spanish why a request is infeasible, and tops up after a withdrawal', async () => {
    await app.call('panels.save', { stageId: s.evaluation, categoryId: s.catA, name: 'Panel A', jurorIds: [s.jurors.ana, s.jurors.beto] });
    const plan = await app.call('assignments.plan', { stageId: s.evaluation, jurorsPerEntry: 2, seed: 1 });
    expect(plan.feasible).toBe(false);
    expect(plan.problems).toContain(
      'La postulación 2024-001 necesita 2 jurados pero solo hay 1 posibles en su panel (2 miembros: 1 con conflicto de interés, 0 retirados, 0 ya asignados).',
    );
    expect(plan.problems).toContain('La postulación 2024-003 no tiene panel en esta etapa: cree el panel de «Liderazgo para la mejora de aprendizajes» o un panel general.');
    const refused = await app.fail('assignments.auto', { stageId: s.evaluation, jurorsPerEntry: 2, seed: 1 });
    expect(refused.message).toMatch(/^No se puede completar la asignación automática: La postulación 2024-001 necesita 2 jurados/);

    await generalPanel(app, s);
    await app.call('panels.delete', { id: (await app.call('panels.list', { stageId: s.evaluation })).find((p) => p.categoryId === s.catA)!.id });
    await app.call('assignments.auto', { stageId: s.evaluation, jurorsPerEntry: 2, seed: 9 });
    const withdrawn = (await app.call('assignments.list', { stageId: s.evaluation })).find((r) => r.jurorId === s.jurors.dario);
    expect(withdrawn).toBeDefined();
    await app.call('jurors.withdraw', { id: s.jurors.dario, reason: 'Renunció por motivos de salud.' });
    const short = await app.call('assignments.loads', { stageId: s.evaluation, jurorsPerEntry: 2 });
    expect(short.shortEntries.length).toBeGreaterThan(0);
    const topUp = await app.call('assignments.auto', { stageId: s.evaluation, jurorsPerEntry: 2, seed: 9 });
    expect(topUp.additions.every((a) => a.jurorId !== s.jurors.dario)).toBe(true);
    const after = await app.call('assignments.loads', { stageId: s.evaluation, jurorsPerEntry: 2 });
    expect(after.shortEntries).toEqual([]);
    const rows = await app.call('assignments.list', { stageId: s.evaluation });
    expect(rows.filter((r) => r.source === 'topup')).toHaveLength(topUp.additions.length);
  });

  it('keeps manual assignment rules: no duplicates, no removal once scored', async () => {
    await generalPanel(app, s);
    await app.call('assignments.add', { stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.cusco });
    const dup = await app.fail('assignments.add', { stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.cusco });
    expect(dup.message).toBe('La postulación 2024-003 ya está asignada a «Beto Huamán».');
    await app.call('scores.set', { stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.cusco, criterionId: s.criteria.innovacion, value: 3 });
    const refused = await app.fail('assignments.remove', { stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.cusco });
    expect(refused.message).toBe('No se puede quitar la asignación: «Beto Huamán» ya registró puntajes para la postulación 2024-003.');
  });
});
