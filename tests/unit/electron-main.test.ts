import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freePort, request, VENUE } from '../support/sede';

// Loads the real main.ts with a fake `electron`, then talks to its IPC handler the way a
// renderer (or an injected frame) would.
const fake = vi.hoisted(() => ({
  ipc: {} as Record<string, (event: unknown, ...args: unknown[]) => unknown>,
  windows: 0,
  urls: [] as string[],
  quit: false,
  ready: false,
  singleInstance: false,
  privileged: [] as { scheme: string; privileges: Record<string, boolean>; beforeReady: boolean }[],
  protocols: {} as Record<string, (request: { url: string }) => Promise<Response>>,
  permission: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((c: unknown, p: string) => boolean),
}));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-main-'));
// No override: the database goes where an installed app and `npm start` both put it.
delete process.env.BPGE_DB;
// As an installed app started with a dev-server URL planted in its environment.
process.env.ELECTRON_RENDERER_URL = 'https://evil.example/';

vi.mock('electron', () => {
  const webContents = {
    on() {},
    send() {},
    setWindowOpenHandler() {},
    session: {
      setPermissionRequestHandler: (handler: typeof fake.permission) => {
        fake.permission = handler;
      },
      setPermissionCheckHandler: (handler: typeof fake.permissionCheck) => {
        fake.permissionCheck = handler;
      },
      webRequest: { onHeadersReceived() {} },
    },
  };
  class BrowserWindow {
    webContents = webContents;
    constructor() {
      fake.windows++;
    }
    once() {}
    isDestroyed() {
      return false;
    }
    static getAllWindows() {
      return [];
    }
    loadURL(url: string) {
      fake.urls.push(url);
      return Promise.resolve();
    }
  }
  return {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => {
        fake.singleInstance = true;
        return true;
      },
      whenReady: () => {
        fake.ready = true;
        return Promise.resolve();
      },
      getPath: (name: string) => (name === 'userData' ? dataDir : path.join(dataDir, 'other', name)),
      getAppPath: () => dataDir,
      on() {},
      quit: () => {
        fake.quit = true;
      },
    },
    BrowserWindow,
    Menu: { setApplicationMenu() {} },
    dialog: { showErrorBox() {} },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
        fake.ipc[channel] = handler;
      },
    },
    shell: { openExternal() {} },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => {
        for (const scheme of schemes) fake.privileged.push({ ...scheme, beforeReady: !fake.ready });
      },
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
        fake.protocols[scheme] = handler;
      },
    },
  };
});

describe('Electron main process', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('opens one window and serves the contract over IPC only to the app frame', async () => {
    await import('../../electron/main');
    await vi.waitFor(() => expect(fake.ipc['bpge:call']).toBeTypeOf('function'), { timeout: 10_000 });
    expect(fake.windows).toBe(1);
    // One running copy per user: a second start focuses this one.
    expect(fake.singleInstance).toBe(true);
    const handler = fake.ipc['bpge:call']!;
    const appUrl = 'app://bpge/index.html';
    expect(fake.urls).toEqual([appUrl]);

    const intruder = (await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'editions.list', {})) as {
      ok: boolean;
      error?: { message: string };
    };
    expect(intruder).toMatchObject({ ok: false, error: { message: 'Remitente no autorizado.' } });

    const trusted = (await handler({ senderFrame: { url: appUrl, parent: null } }, 'editions.list', {})) as {
      ok: boolean;
      result?: { isDemo: boolean }[];
    };
    // First start on an empty database: the demo edition is there.
    expect(trusted.ok).toBe(true);
    expect(trusted.result?.[0]?.isDemo).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'concurso-bpge.db'))).toBe(true);
    // The dev-server page planted in the environment is not trusted either.
    const planted = (await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'editions.list', {})) as { ok: boolean };
    expect(planted.ok).toBe(false);
  });

  it('registers app:// as a privileged scheme before the app is ready and serves only the renderer from it', async () => {
    await vi.waitFor(() => expect(fake.protocols.app).toBeTypeOf('function'), { timeout: 10_000 });
    expect(fake.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }), beforeReady: true }),
    ]);
    const serve = fake.protocols.app!;
    // Under vitest main.ts runs from electron/, so the renderer folder it serves is renderer/.
    const index = await serve({ url: 'app://bpge/index.html' });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toBe(fs.readFileSync(path.resolve('renderer', 'index.html'), 'utf8'));
    for (const url of ['app://bpge/..%2F..%2Fpackage.json', 'app://bpge/%2e%2e%2fpackage.json', 'app://bpge/..%5Cpackage.json', 'app://bpge/index.html%00.png', 'app://bpge/%E0%A4%A', 'app://evil/index.html']) {
      const refused = await serve({ url });
      expect(refused.status, url).toBe(403);
    }
    expect((await serve({ url: 'app://bpge/no-such-file.js' })).status).toBe(404);
  });

  it('turns «Modo sede» on and off from the window: sede.start over IPC opens the venue listener', async () => {
    const handler = fake.ipc['bpge:call']!;
    const fromApp = { senderFrame: { url: 'app://bpge/index.html', parent: null } };
    const port = await freePort();
    const started = (await handler(fromApp, 'sede.start', { address: VENUE, port })) as { ok: boolean; result?: { on: boolean; url: string } };
    expect(started).toMatchObject({ ok: true, result: { on: true, url: `http://${VENUE}:${port}` } });
    // The venue gets the renderer, and its API wants a session (the window itself stays on IPC).
    expect((await request(VENUE, port, '/', { method: 'GET' })).status).toBe(200);
    expect((await request(VENUE, port, '/api/call/editions.list', { body: '{}' })).status).toBe(401);
    const stopped = (await handler(fromApp, 'sede.stop', {})) as { ok: boolean; result?: { on: boolean } };
    expect(stopped).toMatchObject({ ok: true, result: { on: false } });
    await expect(request(VENUE, port, '/', { method: 'GET' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('denies every permission request and check', () => {
    let granted: boolean | undefined;
    fake.permission?.({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(fake.permissionCheck?.({}, 'clipboard-read')).toBe(false);
  });
});
