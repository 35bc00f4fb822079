import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodName } from '../../shared/contract';
import type * as Client from '../../renderer/src/api/client';
import { openEncuentro, type EncuentroFixture } from '../integration/encuentro/support';
import { loaded, stored, texts, typeLine } from './support/capture';
import { until } from './support/until';

/**
 * A moderator's device whose venue session is closed or revoked while lines are on their way:
 * the hub answers every call «no session» (401) until the device joins again. The lines stay
 * on the device, waiting, and are stored once it is back in — never dropped as refused.
 */
const link = vi.hoisted(() => ({ session: true, handler: null as null | ((method: string, input: unknown) => Promise<unknown>) }));

vi.mock('../../renderer/src/api/client', async (importOriginal) => {
  const original = await importOriginal<typeof Client>();
  return {
    ...original,
    call: async (method: string, input: unknown) => {
      if (!link.session) throw new original.ApiError(original.NO_SESSION, 'Este dispositivo no tiene una sesión abierta en la sede.');
      if (!link.handler) throw new original.ApiError('error.transport', 'Sin conexión');
      return link.handler(method, input);
    },
  };
});

Object.assign(globalThis, { window: globalThis });
const { CaptureStore } = await import('../../renderer/src/features/encuentro/capture/capture-store');

describe('capture store: a lost venue session keeps the lines and sends them after joining again', () => {
  let f: EncuentroFixture;
  beforeEach(async () => {
    f = await openEncuentro();
    link.session = true;
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

  it('lines typed after the session was revoked wait, with no error, and are stored once the device is in again', async () => {
    const store = new CaptureStore(f.practiceA, f.salaId);
    await loaded(store);
    typeLine(store, 'Antes del cierre');
    await until(() => expect(store.counts().saved).toBe(1));

    link.session = false;
    typeLine(store, 'Durante el cierre');
    await until(() => expect(store.counts().retrying).toBe(1));
    expect(store.counts().error).toBe(0);
    expect(texts(store)).toEqual(['Antes del cierre', 'Durante el cierre']);

    link.session = true;
    await until(() => expect(store.counts().saved).toBe(2));
    expect(await stored(f)).toEqual(['Antes del cierre', 'Durante el cierre']);
  });
});
