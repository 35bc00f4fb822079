import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { t } from '../shared/i18n';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { BRIDGE_CHANNELS } from '../shared/contract/bridge';
import { ProjectorWindow } from './projector';
import { createServices, type Services } from './services/registry';
import { Hub } from './server/hub';
import { createMainWindow, defaultPaths, isTrustedSender } from './window';

/**
 * The thin Electron shell: one window, the IPC bridge to the services, nothing else.
 * All behaviour lives in the services (plain Node), tested without Electron.
 */
const { call: CALL_CHANNEL, event: EVENT_CHANNEL, projector: PROJECTOR_CHANNEL } = BRIDGE_CHANNELS;

function nativeBinding(): string | undefined {
  // `npm start` builds better-sqlite3 for Electron's ABI here, leaving node_modules for Node (tests).
  // An installed app carries its own Electron build inside node_modules (rebuilt when packaged).
  if (app.isPackaged) return undefined;
  const candidate = path.join(app.getAppPath(), '.cache', 'native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

async function start(): Promise<void> {
  await app.whenReady();
  Menu.setApplicationMenu(null);
  const dbPath = process.env.BPGE_DB ?? path.join(app.getPath('userData'), 'concurso-bpge.db');
  const binding = nativeBinding();
  let services: Services;
  try {
    services = await createServices({ dbPath, program: 'desktop', demo: 'ifEmpty', import: { prewarmWorker: true }, ...(binding ? { nativeBinding: binding } : {}) });
  } catch (error) {
    dialog.showErrorBox(t('app.title'), error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }

  const paths = defaultPaths(import.meta.dirname, process.env.ELECTRON_RENDERER_URL, app.isPackaged);
  serveAppProtocol(paths.rendererDir);
  // «Modo sede»: off until the organizer turns it on from the window (sede.start over IPC); the
  // window itself stays on IPC, as the organizer, and opens no HTTP listener.
  const hub = new Hub({ services, staticDir: paths.rendererDir });
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, paths.rendererUrl) || typeof method !== 'string') {
      return { ok: false, error: { code: 'error.forbidden', message: t('error.forbidden') } };
    }
    return services.call(method, input);
  });

  const window = createMainWindow(paths, t('app.title'));
  const projector = new ProjectorWindow(paths, t('encuentroUi.projector.windowTitle'));
  ipcMain.handle(PROJECTOR_CHANNEL, (event, route: unknown) =>
    isTrustedSender(event.senderFrame, paths.rendererUrl) ? projector.open(route) : { ok: false, error: { code: 'error.forbidden', message: t('error.forbidden') } },
  );
  window.once('closed', () => projector.close());
  const unsubscribe = services.events.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
    projector.send(EVENT_CHANNEL, event);
  });
  app.on('window-all-closed', () => {
    unsubscribe();
    // Every venue device is disconnected before the database closes under them.
    void hub.close().finally(() => {
      services.close();
      app.quit();
    });
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

registerAppScheme();
// A second double-click opens no second copy on the same database (the lock file would refuse
// it with a message anyway): the running window comes to the front instead.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  void start();
} else {
  app.quit();
}
