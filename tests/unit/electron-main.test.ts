import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Loads the real main.ts with a fake `electron`, then talks to its IPC handler the way a
// renderer (or an injected frame) would.
const fake = vi.hoisted(() => ({
  ipc: {} as Record<string, (event: unknown, ...args: unknown[]) => unknown>,
  windows: 0,
  quit: false,
}));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-main-'));
process.env.BPGE_DB = path.join(dataDir, 'app.db');

vi.mock('electron', () => {
  const webContents = {
    on() {},
    send() {},
    setWindowOpenHandler() {},
    session: { setPermissionRequestHandler() {}, webRequest: { onHeadersReceived() {} } },
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
    loadURL() {
      return Promise.resolve();
    }
  }
  return {
    app: {
      whenReady: () => Promise.resolve(),
      getPath: () => dataDir,
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
  };
});

describe('Electron main process', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('opens one window and serves the contract over IPC only to the app frame', async () => {
    await import('../../electron/main');
    await vi.waitFor(() => expect(fake.ipc['bpge:call']).toBeTypeOf('function'), { timeout: 10_000 });
    expect(fake.windows).toBe(1);
    const handler = fake.ipc['bpge:call']!;
    const appUrl = new URL(`file://${path.join(path.resolve('electron'), '..', 'renderer', 'index.html')}`).toString();

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
    expect(fs.existsSync(process.env.BPGE_DB!)).toBe(true);
  });
});
