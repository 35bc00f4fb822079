import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodName } from '../../shared/contract';
import type * as Client from '../../renderer/src/api/client';
import { openEncuentro, type EncuentroFixture } from '../integration/encuentro/support';
import { loaded, stored, texts, typeLine } from './support/capture';
import { until } from './support/until';

/**
 * The moderator's capture store (renderer) driven against the real services, with the
 * transport switchable "down" to play a server outage. What is checked is what the moderator
 * sees and what ends up stored — in the order they typed it.
 */
const link = vi.hoisted(() => ({ online: true, handler: null as null | ((method: string, input: unknown) => Promise<unknown>) }));

vi.mock('../../renderer/src/api/client', async (importOriginal) => {
  const original = await importOriginal<typeof Client>();
  return {
    ...original,
    call: async (method: string, input: unknown) => {
      if (!link.online || !link.handler) throw new original.ApiError('error.transport', 'Sin conexión');
      return link.handler(method, input);
    },
  };
});

// The store only needs the browser's timers.
Object.assign(globalThis, { window: globalThis });
const { CaptureStore } = await import('../../renderer/src/features/encuentro/capture/capture-store');

describe('capture store: what the moderator typed survives an outage, in order', () => {
  let f: EncuentroFixture;
  beforeEach(async () => {
    f = await openEncuentro();
    link.online = true;
    link.handler = async (method, input) => {
      const result = await f.app.services.call(method as MethodName, input as MethodInput<MethodName>);
      if (!result.ok) throw new Error(result.error.message);
      return result.result;
    };
  });
  afterEach(() => {
    link.handler = null;
    f.app.close();
  });




  it('a refresh during the outage keeps the unsaved lines in typing order, and they are stored in that order', async () => {
    const store = new CaptureStore(f.practiceA, f.salaId);
    await loaded(store);
    typeLine(store, 'Aporte 1');
    await until(() => expect(store.counts().saved).toBe(1));

    link.online = false;
    for (const text of ['Aporte 2', 'Aporte 3', 'Aporte 4', 'Aporte 5']) typeLine(store, text);
    await until(() => expect(store.counts().retrying).toBeGreaterThan(0));
    expect(texts(store)).toEqual(['Aporte 1', 'Aporte 2', 'Aporte 3', 'Aporte 4', 'Aporte 5']);

    // The connection comes back and the screen re-reads the server (as after a reconnect).
    link.online = true;
    await store.load();
    expect(texts(store)).toEqual(['Aporte 1', 'Aporte 2', 'Aporte 3', 'Aporte 4', 'Aporte 5']);

    await until(() => expect(store.counts().saved).toBe(5));
    expect(await stored(f)).toEqual(['Aporte 1', 'Aporte 2', 'Aporte 3', 'Aporte 4', 'Aporte 5']);
  });

  it('a refresh keeps unsaved lines between the saved ones they were typed among, and adds what another moderator saved', async () => {
    const store = new CaptureStore(f.practiceA, f.salaId);
    await loaded(store);
    const first = typeLine(store, 'Primero');
    typeLine(store, 'Último');
    await until(() => expect(store.counts().saved).toBe(2));

    link.online = false;
    // Two lines inserted between the saved ones (Enter at the end of the first).
    const a = store.insertDraftAfter(first);
    store.setText(a, 'limitantes', 'ugel', 'Entre A', false);
    const b = store.insertDraftAfter(a);
    store.setText(b, 'limitantes', 'ugel', 'Entre B', false);
    // Meanwhile another moderator's line reaches the server.
    await f.app.call('encuentro.contributions.create', { practiceId: f.practiceA, salaId: f.salaId, block: 'limitantes', level: 'ugel', text: 'De otra laptop', revision: 1 });

    link.online = true;
    await store.load();
    expect(texts(store)).toEqual(['Primero', 'Entre A', 'Entre B', 'Último', 'De otra laptop']);
    await until(() => expect(store.counts().saved).toBe(5));
    expect(await stored(f)).toEqual(['Primero', 'Entre A', 'Entre B', 'Último', 'De otra laptop']);
  });
});
