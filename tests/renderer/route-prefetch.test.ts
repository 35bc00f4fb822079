import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRoutePrefetch } from '../../renderer/src/app/route-prefetch';

/**
 * The grid's read starts when the navigation starts: on the Navigation API's `navigate` event,
 * dispatched synchronously when the hash is set, not on `hashchange`, which the browser queues.
 * A fake window stands in for the browser's (this suite runs under Node); the transport is the
 * preload bridge's shape, so the calls the prefetch sends are seen as they are sent.
 */
function fakeWindow(withNavigationApi: boolean) {
  const calls: { method: string; input: unknown }[] = [];
  const win = Object.assign(new EventTarget(), {
    location: { hash: '#/ediciones' },
    navigation: withNavigationApi ? new EventTarget() : undefined,
    bpge: {
      call: (method: string, input: unknown) => {
        calls.push({ method, input });
        return new Promise(() => undefined);
      },
      onEvent: () => () => undefined,
    },
  });
  vi.stubGlobal('window', win);
  return { win, calls };
}

const navigate = (url: string) => Object.assign(new Event('navigate'), { destination: { url } });

describe('route prefetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the grid read from the navigate event, synchronously, once per route', async () => {
    const { win, calls } = fakeWindow(true);
    const stop = startRoutePrefetch(new QueryClient());
    expect(calls).toEqual([]);
    win.navigation!.dispatchEvent(navigate('http://127.0.0.1:5000/#/calificar/3/7/cuadricula'));
    await Promise.resolve();
    expect(calls).toEqual([{ method: 'scores.grid', input: { stageId: 3, jurorId: 7 } }]);
    // hashchange comes later and does not send it again; other screens send nothing.
    win.dispatchEvent(new Event('hashchange'));
    win.navigation!.dispatchEvent(navigate('http://127.0.0.1:5000/#/calificar/3/7/cuadricula'));
    win.navigation!.dispatchEvent(navigate('http://127.0.0.1:5000/#/ediciones'));
    await Promise.resolve();
    expect(calls).toHaveLength(1);
    stop();
    win.navigation!.dispatchEvent(navigate('http://127.0.0.1:5000/#/calificar/4/7/cuadricula'));
    await Promise.resolve();
    expect(calls).toHaveLength(1);
  });

  it('falls back to hashchange without the Navigation API, and reads the route the app opens with', async () => {
    const { win, calls } = fakeWindow(false);
    win.location.hash = '#/calificar/3/7/cuadricula';
    const stop = startRoutePrefetch(new QueryClient());
    await Promise.resolve();
    expect(calls).toEqual([{ method: 'scores.grid', input: { stageId: 3, jurorId: 7 } }]);
    win.location.hash = '#/calificar/5/7/cuadricula';
    win.dispatchEvent(new Event('hashchange'));
    await Promise.resolve();
    expect(calls.map((c) => c.input)).toEqual([
      { stageId: 3, jurorId: 7 },
      { stageId: 5, jurorId: 7 },
    ]);
    stop();
  });
});
