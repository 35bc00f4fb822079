import { beforeEach, describe, expect, it, vi } from 'vitest';

// The projector's second window, against a recorded fake of the parts of `electron` it uses
// (the real binary is not available on build machines), in the style of electron-security.
const recorded = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; urls: string[]; sent: unknown[][]; bounds?: unknown; fullscreen?: boolean; shown: number }[],
  handlers: {} as Record<string, (...args: unknown[]) => unknown>,
  windowOpen: undefined as undefined | ((details: { url: string }) => { action: string }),
  permission: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((c: unknown, p: string) => boolean),
  displays: [] as { id: number; bounds: { x: number; y: number; width: number; height: number } }[],
  closed: [] as (() => void)[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    private readonly record: (typeof recorded.windows)[number];
    private destroyed = false;
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.record = { options, urls: [], sent: [], shown: 0 };
      recorded.windows.push(this.record);
      const record = this.record;
      this.webContents = {
        on: (event: string, handler: (...args: unknown[]) => unknown) => {
          recorded.handlers[event] = handler;
        },
        setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
          recorded.windowOpen = handler;
        },
        send: (...args: unknown[]) => record.sent.push(args),
        session: {
          setPermissionRequestHandler: (handler: typeof recorded.permission) => {
            recorded.permission = handler;
          },
          setPermissionCheckHandler: (handler: typeof recorded.permissionCheck) => {
            recorded.permissionCheck = handler;
          },
          webRequest: { onHeadersReceived: () => undefined },
        },
      };
    }
    once(event: string, handler: () => void) {
      if (event === 'closed')
        recorded.closed.push(() => {
          this.destroyed = true;
          handler();
        });
    }
    loadURL(url: string) {
      this.record.urls.push(url);
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    show() {
      this.record.shown += 1;
    }
    setBounds(bounds: unknown) {
      this.record.bounds = bounds;
    }
    setFullScreen(value: boolean) {
      this.record.fullscreen = value;
    }
    close() {
      for (const fn of recorded.closed.splice(0)) fn();
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: () => undefined },
    screen: {
      getAllDisplays: () => recorded.displays,
      getPrimaryDisplay: () => recorded.displays[0],
    },
  };
});

const { ProjectorWindow, isProjectorRoute } = await import('../../electron/projector');

const APP_URL = 'app://bpge/index.html';
const PATHS = { preload: '/opt/bpge/out/preload/preload.cjs', rendererUrl: APP_URL, rendererDir: '/opt/bpge/out/renderer' };
const LAPTOP = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
const PROJECTOR = { id: 2, bounds: { x: 1366, y: 0, width: 1920, height: 1080 } };

describe('projector window', () => {
  beforeEach(() => {
    recorded.windows.length = 0;
    recorded.closed.length = 0;
    recorded.handlers = {};
    recorded.displays = [LAPTOP];
  });

  it('goes full screen on the external display when there is one', () => {
    recorded.displays = [LAPTOP, PROJECTOR];
    const result = new ProjectorWindow(PATHS, 'Proyector').open('proyector/sala/3');
    expect(result).toEqual({ ok: true, external: true });
    const options = recorded.windows[0]!.options;
    expect(options).toMatchObject({ x: 1366, y: 0, width: 1920, height: 1080, fullscreen: true });
    expect(recorded.windows[0]!.urls).toEqual([`${APP_URL}#/proyector/sala/3`]);
  });

  it('opens an ordinary 1280×720 window on a single screen', () => {
    const result = new ProjectorWindow(PATHS, 'Proyector').open('proyector/practica/5/2');
    expect(result).toEqual({ ok: true, external: false });
    expect(recorded.windows[0]!.options).toMatchObject({ width: 1280, height: 720, fullscreen: false });
    expect(recorded.windows[0]!.options).not.toHaveProperty('x');
    expect(recorded.windows[0]!.urls).toEqual([`${APP_URL}#/proyector/practica/5/2`]);
  });

  it('is hardened like the main window', () => {
    new ProjectorWindow(PATHS, 'Proyector').open('proyector/sala/1');
    expect(recorded.windows[0]!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: PATHS.preload,
    });
    const prevented: string[] = [];
    const event = (url: string) => ({ preventDefault: () => prevented.push(url) });
    recorded.handlers['will-navigate']?.(event('https://evil.example/'), 'https://evil.example/');
    recorded.handlers['will-navigate']?.(event(`${APP_URL}#/proyector/sala/2`), `${APP_URL}#/proyector/sala/2`);
    expect(prevented).toEqual(['https://evil.example/']);
    expect(recorded.windowOpen?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    let granted: boolean | undefined;
    recorded.permission?.({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(recorded.permissionCheck?.({}, 'fullscreen')).toBe(false);
  });

  it('refuses anything but a projector route', () => {
    const projector = new ProjectorWindow(PATHS, 'Proyector');
    for (const route of ['https://evil.example/', 'proyector/sala/1?x=1', 'proyector/sala/../../etc', 'editions', '', 42, null]) {
      expect(isProjectorRoute(route)).toBe(false);
      expect(projector.open(route).ok).toBe(false);
    }
    expect(recorded.windows).toHaveLength(0);
  });

  it('reuses one window, forwards pushed events to it, and forgets it once closed', () => {
    recorded.displays = [LAPTOP, PROJECTOR];
    const projector = new ProjectorWindow(PATHS, 'Proyector');
    projector.open('proyector/sala/1');
    projector.open('proyector/practica/4');
    expect(recorded.windows).toHaveLength(1);
    expect(recorded.windows[0]!.urls).toEqual([`${APP_URL}#/proyector/sala/1`, `${APP_URL}#/proyector/practica/4`]);
    expect(recorded.windows[0]!.fullscreen).toBe(true);
    projector.send('bpge:event', { name: 'encuentro.contribution' });
    expect(recorded.windows[0]!.sent).toEqual([['bpge:event', { name: 'encuentro.contribution' }]]);
    projector.close();
    projector.send('bpge:event', { name: 'after-close' });
    expect(recorded.windows[0]!.sent).toHaveLength(1);
    projector.open('proyector/sala/1');
    expect(recorded.windows).toHaveLength(2);
  });
});
