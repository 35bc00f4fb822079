import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Client from '../../renderer/src/api/client';
import { findItem, patchItem, type CaptureItem, type Cells } from '../../renderer/src/features/encuentro/capture/capture-items';
import { CELL, cellsWith, draft, record } from './support/capture-lines';

/**
 * The capture store's save queue alone, on a host that is just the cells, a scripted transport
 * and the fake clock: when saves leave, how failures are retried, what a refusal leaves.
 */
const link = vi.hoisted(() => ({ answers: [] as ('down' | 'refused' | 'ok')[], calls: [] as { method: string; input: Record<string, unknown> }[] }));

vi.mock('../../renderer/src/api/client', async (importOriginal) => {
  const original = await importOriginal<typeof Client>();
  return {
    ...original,
    call: async (method: string, input: Record<string, unknown>) => {
      link.calls.push({ method, input });
      const answer = link.answers.shift() ?? 'ok';
      if (answer === 'down') throw new original.ApiError('error.transport', 'Sin conexión');
      if (answer === 'refused') throw new original.ApiError('error.validation', 'El texto es demasiado largo.');
      return record(40 + link.calls.length, String(input.text), { revision: Number(input.revision), clientKey: String(input.clientKey) });
    },
  };
});

Object.assign(globalThis, { window: globalThis });
const { ApiError, NO_SESSION } = await import('../../renderer/src/api/client');
const { SAVE_DELAY_MS, SaveQueue, isTransient, retryDelay } = await import('../../renderer/src/features/encuentro/capture/capture-saves');

function queueOn(lines: CaptureItem[]) {
  const host = {
    cells: cellsWith(lines) as Cells,
    practiceId: 1,
    salaId: 1,
    editor: 'pantalla-1',
    find: (key: string) => findItem(host.cells, key),
    cellOf: () => host.cells[CELL]!,
    update: (key: string, patch: Partial<CaptureItem>) => {
      host.cells = patchItem(host.cells, key, patch) ?? host.cells;
    },
    settled: vi.fn(),
    unrecovered: vi.fn(),
  };
  return { host, queue: new SaveQueue(host) };
}

describe('the save queue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    link.answers = [];
    link.calls = [];
  });
  afterEach(() => vi.useRealTimers());

  it('retries only what can get through later (transport, busy, no session), with growing pauses', () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelay)).toEqual([400, 800, 1500, 3000, 3000, 3000]);
    expect(isTransient(new ApiError('error.transport', ''))).toBe(true);
    expect(isTransient(new ApiError(NO_SESSION, ''))).toBe(true);
    expect(isTransient(new Error('fetch failed'))).toBe(true);
    expect(isTransient(new ApiError('error.validation', ''))).toBe(false);
  });

  it('a keystroke does not put off a save already waiting: a moderator who never pauses is saved every SAVE_DELAY_MS', async () => {
    const { host, queue } = queueOn([draft('a', 'Hola')]);
    queue.schedule('a', SAVE_DELAY_MS);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 50);
    queue.schedule('a', SAVE_DELAY_MS);
    await vi.advanceTimersByTimeAsync(50);
    expect(link.calls.map((c) => c.method)).toEqual(['encuentro.contributions.create']);
    expect(findItem(host.cells, 'a')).toMatchObject({ id: 41, ackedRevision: 1, inFlight: false });
    expect(host.settled).toHaveBeenCalled();
  });

  it('a save that fails on the way is sent again after each pause until it gets through; a refusal is shown, not retried', async () => {
    const { host, queue } = queueOn([draft('a', 'Hola'), draft('b', 'Chau')]);
    link.answers = ['down', 'down', 'ok'];
    queue.schedule('a', 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(findItem(host.cells, 'a')).toMatchObject({ failed: true, id: null });
    await vi.advanceTimersByTimeAsync(399);
    expect(link.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(link.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(799);
    expect(link.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(link.calls).toHaveLength(3);
    expect(findItem(host.cells, 'a')).toMatchObject({ failed: false, id: 43, ackedRevision: 1 });

    link.answers = ['refused'];
    queue.schedule('b', 0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(link.calls).toHaveLength(4);
    expect(findItem(host.cells, 'b')).toMatchObject({ failed: false, error: 'El texto es demasiado largo.' });
  });
});
