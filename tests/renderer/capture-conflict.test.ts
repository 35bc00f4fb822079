import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodName } from '../../shared/contract';
import type { Actor } from '../../shared/sede/roles';
import type * as Client from '../../renderer/src/api/client';
import { deviceActor } from '../support/actors';
import { openEncuentro, type EncuentroFixture } from '../integration/encuentro/support';
import { CELL, loaded, stored, texts, typeLine } from './support/capture';
import { until } from './support/until';

/**
 * Two moderators' screens (two capture stores, each on its own device) editing the same line:
 * the later save must not silently replace the earlier one. Each store's calls go to the real
 * services as its own device.
 */
const link = vi.hoisted(() => ({ actor: null as unknown, handler: null as null | ((method: string, input: unknown, actor: unknown) => Promise<unknown>) }));

vi.mock('../../renderer/src/api/client', async (importOriginal) => {
  const original = await importOriginal<typeof Client>();
  return {
    ...original,
    call: async (method: string, input: unknown) => {
      if (!link.handler) throw new original.ApiError('error.transport', 'Sin conexión');
      return link.handler(method, input, link.actor);
    },
  };
});

Object.assign(globalThis, { window: globalThis });
const { CaptureStore } = await import('../../renderer/src/features/encuentro/capture/capture-store');
type Store = InstanceType<typeof CaptureStore>;

const mesa1 = deviceActor(21, 'Mesa 1');
const mesa2 = deviceActor(22, 'Mesa 2');

describe('capture store: a save that collides with another screen’s', () => {
  let f: EncuentroFixture;
  beforeEach(async () => {
    f = await openEncuentro();
    link.handler = async (method, input, actor) => {
      const result = await f.app.services.call(method as MethodName, input as MethodInput<MethodName>, (actor as Actor | null) ?? undefined);
      if (!result.ok) throw new Error(result.error.message);
      return result.result;
    };
  });
  afterEach(() => {
    link.handler = null;
    f.app.close();
  });

  /** Runs `fn` with the store's calls made as `actor` (one store acts at a time in these tests). */
  async function as<T>(actor: Actor, fn: () => Promise<T> | T): Promise<T> {
    link.actor = actor;
    return fn();
  }

  async function twoScreensOnOneLine(): Promise<{ one: Store; two: Store; key1: string; key2: string; id: number }> {
    const one = new CaptureStore(f.practiceA, f.salaId, { journal: null });
    const two = new CaptureStore(f.practiceA, f.salaId, { journal: null });
    const key1 = await as(mesa1, async () => {
      await loaded(one);
      const key = typeLine(one, 'Falta de presupuesto');
      await until(() => expect(one.counts().saved).toBe(1));
      return key;
    });
    await as(mesa2, () => loaded(two));
    const key2 = two.getSnapshot().cells[CELL]![0]!.key;
    const id = two.getSnapshot().cells[CELL]![0]!.id!;
    // Both screens now type on the same stored revision; Mesa 1's save arrives first.
    await as(mesa1, async () => {
      one.setText(key1, 'limiting', 'ugel', 'Falta de presupuesto para movilidad', false);
      one.flush(key1);
      await until(() => expect(one.counts().saved).toBe(1));
    });
    await as(mesa2, async () => {
      two.setText(key2, 'limiting', 'ugel', 'Falta de personal', false);
      two.flush(key2);
      await until(() => expect(two.counts().conflict).toBe(1));
    });
    return { one, two, key1, key2, id };
  }

  it('the later save is a conflict: nothing is overwritten, both texts are shown and kept, also while the moderator types on', async () => {
    const { two, key2, id } = await twoScreensOnOneLine();
    const item = two.getSnapshot().cells[CELL]![0]!;
    expect(item.conflict).toMatchObject({ theirs: 'Falta de presupuesto para movilidad', by: 'Mesa 1' });
    expect(texts(two)).toEqual(['Falta de personal']);
    expect(await stored(f)).toEqual(['Falta de presupuesto para movilidad']);
    const history = await f.app.call('encuentro.contributions.history', { id });
    expect(history.filter((v) => v.conflict).map((v) => [v.text, v.by])).toEqual([['Falta de personal', 'Mesa 2']]);
    // Typing on before choosing: still in conflict, the stored text untouched, the kept text follows (one version).
    await as(mesa2, async () => {
      two.setText(key2, 'limiting', 'ugel', 'Falta de personal docente', false);
      two.flush(key2);
      await until(async () => {
        const kept = (await f.app.call('encuentro.contributions.history', { id })).filter((v) => v.conflict);
        expect(kept.map((v) => [v.text, v.by])).toEqual([['Falta de personal docente', 'Mesa 2']]);
      });
    });
    expect(await stored(f)).toEqual(['Falta de presupuesto para movilidad']);
    expect(two.counts().conflict).toBe(1);
  });

  it('«Unir ambos» saves both texts, joined, on top of the stored one', async () => {
    const { two, key2 } = await twoScreensOnOneLine();
    await as(mesa2, async () => {
      two.resolveConflict(key2, 'both');
      await until(() => expect(two.counts().saved).toBe(1));
    });
    expect(await stored(f)).toEqual(['Falta de presupuesto para movilidad Falta de personal']);
  });

  it('«Conservar el mío» replaces the stored text with this screen’s', async () => {
    const { two, key2 } = await twoScreensOnOneLine();
    await as(mesa2, async () => {
      two.resolveConflict(key2, 'mine');
      await until(() => expect(two.counts().saved).toBe(1));
    });
    expect(await stored(f)).toEqual(['Falta de personal']);
  });

  it('«Usar el guardado» shows the stored text and leaves it as it is', async () => {
    const { two, key2 } = await twoScreensOnOneLine();
    two.resolveConflict(key2, 'theirs');
    expect(two.counts()).toMatchObject({ saved: 1, conflict: 0 });
    expect(texts(two)).toEqual(['Falta de presupuesto para movilidad']);
    expect(await stored(f)).toEqual(['Falta de presupuesto para movilidad']);
  });
});
