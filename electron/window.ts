import { BrowserWindow, shell, type WebContents, type WebFrameMain } from 'electron';
import path from 'node:path';
import { APP_ENTRY_URL } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * Electron's security checklist, applied in one place: isolated, sandboxed renderer without
 * Node; a strict CSP; no navigation away from the app; no new windows (http(s) links open in
 * the system browser); no permissions; IPC answered only for the app's own frame.
 */
export interface WindowPaths {
  preload: string;
  /** app://bpge/index.html (the built renderer), or the dev server URL in development. */
  rendererUrl: string;
  /** The built renderer folder, the only one the app:// handler serves files from. */
  rendererDir: string;
}

export function secureWebPreferences(preload: string): Electron.WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: true,
  };
}

export function isTrustedUrl(url: string, rendererUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(rendererUrl);
    if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin;
    // A custom scheme's origin is opaque ('null' for every such URL), so scheme and host are compared.
    if (target.protocol !== app.protocol || target.host !== app.host) return false;
    return app.protocol !== 'file:' || target.pathname === app.pathname;
  } catch {
    return false;
  }
}

/** The check run on every IPC message: only the app's own top frame may call services. */
export function isTrustedSender(frame: WebFrameMain | null | undefined, rendererUrl: string): boolean {
  if (!frame) return false;
  return frame.parent === null && isTrustedUrl(frame.url, rendererUrl);
}

export function hardenWebContents(contents: WebContents, rendererUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // The app needs no permission at all (no camera, notifications, clipboard reads, geolocation…):
  // requests are refused, and checks (which the page can make without asking) answer no.
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
  contents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export function createMainWindow(paths: WindowPaths, title: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(paths.preload),
  });
  hardenWebContents(window.webContents, paths.rendererUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(paths.rendererUrl);
  return window;
}

/**
 * Where the window's code comes from. The dev server URL (electron-vite dev) is honoured only in
 * an unpackaged app: in an installed one, an environment variable must not be able to point the
 * window, with its IPC bridge to the services, at another page.
 */
export function defaultPaths(mainDir: string, devServerUrl: string | undefined, packaged: boolean): WindowPaths {
  const preload = path.join(mainDir, '..', 'preload', 'preload.cjs');
  const rendererDir = path.join(mainDir, '..', 'renderer');
  const rendererUrl = !packaged && devServerUrl ? devServerUrl : APP_ENTRY_URL;
  return { preload, rendererUrl, rendererDir };
}
