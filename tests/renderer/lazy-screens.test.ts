import { describe, expect, it, vi } from 'vitest';
import { lazyScreen } from '../../renderer/src/app/lazy-screens';

function Loaded(props: { id: number }) {
  return `pantalla ${props.id}`;
}

describe('pantallas en fragmentos propios (lazy-screens)', () => {
  it('antes de llegar su fragmento se suspende; una vez precargado, la pantalla se dibuja directamente, sin suspenderse', async () => {
    const load = vi.fn(async () => Loaded);
    const { Screen, preload } = lazyScreen(load);
    const before = Screen({ id: 1 });
    // React.lazy's element: it would suspend, and React would hold the reveal back up to 300 ms.
    expect(before.type).not.toBe(Loaded);
    await preload();
    const after = Screen({ id: 2 });
    expect(after.type).toBe(Loaded);
    expect(after.props).toEqual({ id: 2 });
  });

  it('pide el fragmento una sola vez, y otra vez si la primera falló', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(Loaded);
    const { preload } = lazyScreen<{ id: number }>(load);
    await expect(preload()).rejects.toThrow('offline');
    await expect(preload()).resolves.toBe(Loaded);
    await expect(preload()).resolves.toBe(Loaded);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
