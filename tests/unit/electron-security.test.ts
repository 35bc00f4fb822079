import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real Electron binary is not available on build machines: the shell's security
// settings are verified against a recorded fake of the parts of `electron` it uses.
const recorded = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; url?: string }[],
  handlers: {} as Record<string, (...args: unknown[]) => unknown>,
  windowOpen: undefined as undefined | ((details: { url: string }) => { action: string }),
  permission: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((c: unknown, p: string, origin: string) => boolean),
  headers: undefined as undefined | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void),
  external: [] as string[],
}));

vi.mock('electron', () => {
  const webContents = {
    on: (event: string, handler: (...args: unknown[]) => unknown) => {
      recorded.handlers[event] = handler;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      recorded.windowOpen = handler;
    },
    session: {
      setPermissionRequestHandler: (handler: typeof recorded.permission) => {
        recorded.permission = handler;
      },
      setPermissionCheckHandler: (handler: typeof recorded.permissionCheck) => {
        recorded.permissionCheck = handler;
      },
      webRequest: {
        onHeadersReceived: (handler: typeof recorded.headers) => {
          recorded.headers = handler;
        },
      },
    },
  };
  class BrowserWindow {
    webContents = webContents;
    constructor(options: Record<string, unknown>) {
      recorded.windows.push({ options });
    }
    once() {}
    loadURL(url: string) {
      recorded.windows[recorded.windows.length - 1]!.url = url;
      return Promise.resolve();
    }
  }
  return { BrowserWindow, shell: { openExternal: (url: string) => recorded.external.push(url) } };
});

const { createMainWindow, defaultPaths, isTrustedSender, isTrustedUrl } = await import('../../electron/window');

const APP_URL = 'app://bpge/index.html';

describe('Electron window hardening', () => {
  beforeEach(() => {
    recorded.windows.length = 0;
    recorded.external.length = 0;
    createMainWindow({ preload: '/opt/bpge/out/preload/preload.cjs', rendererUrl: APP_URL, rendererDir: '/opt/bpge/out/renderer' }, 'Concurso BPGE');
  });

  it('isolates and sandboxes the renderer without Node', () => {
    const prefs = recorded.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/bpge/out/preload/preload.cjs',
    });
    expect(recorded.windows[0]?.url).toBe(APP_URL);
  });

  it('blocks navigation away from the app and webviews', () => {
    const prevented: string[] = [];
    const event = (url: string) => ({ preventDefault: () => prevented.push(url) });
    recorded.handlers['will-navigate']?.(event('https://evil.example/'), 'https://evil.example/');
    recorded.handlers['will-navigate']?.(event('file:///etc/passwd'), 'file:///etc/passwd');
    recorded.handlers['will-navigate']?.(event('app://other/index.html'), 'app://other/index.html');
    recorded.handlers['will-navigate']?.(event('evil://bpge/index.html'), 'evil://bpge/index.html');
    recorded.handlers['will-navigate']?.(event(APP_URL), APP_URL);
    recorded.handlers['will-navigate']?.(event(`${APP_URL}#/proyector/sala/1`), `${APP_URL}#/proyector/sala/1`);
    expect(prevented).toEqual(['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'evil://bpge/index.html']);
    let webview = false;
    recorded.handlers['will-attach-webview']?.({ preventDefault: () => (webview = true) });
    expect(webview).toBe(true);
  });

  it('denies every new window; http(s) links go to the system browser, anything else nowhere', () => {
    expect(recorded.windowOpen?.({ url: 'https://bit.ly/2jRjCKC' })).toEqual({ action: 'deny' });
    expect(recorded.windowOpen?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(recorded.external).toEqual(['https://bit.ly/2jRjCKC']);
  });

  it('denies permission requests and permission checks, and sets the CSP header', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'fullscreen', 'openExternal']) {
      let granted: boolean | undefined;
      recorded.permission?.({}, permission, (ok) => (granted = ok));
      expect(granted).toBe(false);
      expect(recorded.permissionCheck?.({}, permission, 'app://bpge')).toBe(false);
    }
    let headers: Record<string, string[]> = {};
    recorded.headers?.({ responseHeaders: {} }, (r) => (headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders));
    expect(headers['Content-Security-Policy']?.[0]).toContain("default-src 'self'");
    expect(headers['Content-Security-Policy']?.[0]).not.toContain('unsafe-eval');
  });

  it('answers IPC only from the app’s own top-level frame', () => {
    expect(isTrustedSender({ url: APP_URL, parent: null } as never, APP_URL)).toBe(true);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null } as never, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: APP_URL, parent: {} } as never, APP_URL)).toBe(false);
    expect(isTrustedSender(null, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null } as never, 'http://localhost:5173/')).toBe(true);
    // Custom schemes have an opaque origin in the URL parser: another scheme or host is still foreign.
    expect(isTrustedUrl('foo://bar/', APP_URL)).toBe(false);
    expect(isTrustedUrl('app://bpge.evil/index.html', APP_URL)).toBe(false);
  });

  it('loads the built renderer from app://bpge/, and the dev server only in an unpackaged app', () => {
    expect(recorded.windows[0]?.url).toBe('app://bpge/index.html');
    const main = '/opt/bpge/out/main';
    expect(defaultPaths(main, undefined, false)).toEqual({
      preload: '/opt/bpge/out/preload/preload.cjs',
      rendererUrl: 'app://bpge/index.html',
      rendererDir: '/opt/bpge/out/renderer',
    });
    expect(defaultPaths(main, 'http://localhost:5173/', false).rendererUrl).toBe('http://localhost:5173/');
    expect(defaultPaths(main, 'http://localhost:5173/', true).rendererUrl).toBe('app://bpge/index.html');
    expect(defaultPaths(main, 'https://evil.example/', true).rendererUrl).toBe('app://bpge/index.html');
  });
});
