import { BrowserWindow, screen, type Display } from 'electron';
import type { ProjectorResult } from '../shared/contract/bridge';
import { t } from '../shared/i18n';
import { hardenWebContents, secureWebPreferences, type WindowPaths } from './window';

/** Only projector routes may be opened: the window never loads anything the caller makes up. */
const ROUTE = /^proyector\/(sala\/\d{1,9}|practica\/\d{1,9}(\/\d{1,9})?)$/;

export function isProjectorRoute(route: unknown): route is string {
  return typeof route === 'string' && ROUTE.test(route);
}

/** The display that is not the primary one (the projector), or null on a single screen. */
export function externalDisplay(displays: readonly Display[], primary: Display): Display | null {
  return displays.find((d) => d.id !== primary.id) ?? null;
}

export function projectorUrl(rendererUrl: string, route: string): string {
  const url = new URL(rendererUrl);
  url.hash = `/${route}`;
  return url.toString();
}

/**
 * The projector's second window: the same renderer at #/proyector/…, full screen on the
 * external display when one is connected (otherwise an ordinary window the organizer can drag
 * to the projector). Hardened exactly like the main window. One projector at a time: opening
 * another view reuses it.
 */
export class ProjectorWindow {
  private window: BrowserWindow | null = null;

  constructor(
    private readonly paths: WindowPaths,
    private readonly title: string,
  ) {}

  open(route: unknown): ProjectorResult {
    if (!isProjectorRoute(route)) return { ok: false, error: { code: 'error.forbidden', message: t('error.projectorRoute') } };
    const url = projectorUrl(this.paths.rendererUrl, route);
    const target = externalDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay());
    if (this.window && !this.window.isDestroyed()) {
      void this.window.loadURL(url);
      this.place(this.window, target);
      this.window.show();
      return { ok: true, external: target !== null };
    }
    const bounds = target?.bounds ?? { x: undefined, y: undefined, width: 1280, height: 720 };
    const window = new BrowserWindow({
      ...(bounds.x !== undefined ? { x: bounds.x, y: bounds.y } : {}),
      width: bounds.width,
      height: bounds.height,
      title: this.title,
      show: false,
      fullscreen: target !== null,
      autoHideMenuBar: true,
      backgroundColor: '#000000',
      webPreferences: secureWebPreferences(this.paths.preload),
    });
    hardenWebContents(window.webContents, this.paths.rendererUrl);
    window.once('ready-to-show', () => window.show());
    window.once('closed', () => {
      if (this.window === window) this.window = null;
    });
    void window.loadURL(url);
    this.window = window;
    return { ok: true, external: target !== null };
  }

  private place(window: BrowserWindow, target: Display | null): void {
    if (!target) return;
    window.setBounds(target.bounds);
    window.setFullScreen(true);
  }

  /** Pushed events reach the projector too: that is what makes it live. */
  send(channel: string, payload: unknown): void {
    if (this.window && !this.window.isDestroyed()) this.window.webContents.send(channel, payload);
  }

  close(): void {
    if (this.window && !this.window.isDestroyed()) this.window.close();
    this.window = null;
  }
}
