import type { MethodInput, MethodName, MethodOutput, WireResult } from '../../../shared/contract';
import type { Bridge } from '../../../shared/contract/bridge';
import type { WhoAmI } from '../../../shared/contract/sede';
import { ENCUENTRO_EVENT_NAMES } from '../../../shared/domain/encuentro-events';
import { t } from '../../../shared/i18n';

/**
 * The renderer's only door to the services. Inside Electron it speaks IPC through the
 * preload bridge; in a browser (serve mode) it speaks HTTP. Screens never know which.
 */
declare global {
  interface Window {
    bpge?: Bridge;
  }
}

export class ApiError extends Error {
  readonly code: string;
  readonly details: unknown;
  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  /** Field messages from a validation error, keyed by dotted path ("fields.weight"). */
  fieldErrors(): Record<string, string> {
    const issues = (this.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? [];
    return Object.fromEntries(issues.map((issue) => [issue.path.join('.'), issue.message]));
  }
}

/** A value screens read with useSyncExternalStore, told when it changes. */
function watchedValue<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: (): T => value,
    set(next: T): void {
      if (value === next) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// ——— Is the service reachable? (HTTP only: over IPC the service lives in the same app) ———
const online = watchedValue(true);
const setOnline = online.set;

/** For useSyncExternalStore: false while the last call or the push channel could not reach the service. */
export const connection = { subscribe: online.subscribe, isOnline: online.get };

// ——— Does this device still hold a venue session? (HTTP only: the desktop window is the organizer) ———
/** The wire code of a call refused for want of a session: none yet, revoked, or «Modo sede» turned off. */
export const NO_SESSION = 'sede.error.noSession';
/**
 * 'active' while calls go through (or nothing was refused yet); 'lost' once a call answered that
 * the device has no session (the app then shows the join page, keeping what the capture journal
 * holds); 'left' after this device's own «Salir».
 */
export type SessionState = 'active' | 'lost' | 'left';
const session = watchedValue<SessionState>('active');
const setSessionState = session.set;

/** For useSyncExternalStore: whether this device's venue session is still there. */
export const venueSession = { subscribe: session.subscribe, state: session.get };

async function postJson(path: string, body: unknown): Promise<WireResult<unknown>> {
  const unreachable = (): WireResult<unknown> => {
    setOnline(false);
    return { ok: false, error: { code: 'error.transport', message: t('error.transport') } };
  };
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  } catch {
    return unreachable();
  }
  // 401 (no venue session), 403 (not this role's) and 429 (too many wrong codes) carry the service's own answer.
  if (!response.ok && response.status !== 401 && response.status !== 403 && response.status !== 429) return unreachable();
  try {
    const result = (await response.json()) as WireResult<unknown>;
    setOnline(true);
    return result;
  } catch {
    // The service died while answering: the body was cut.
    return unreachable();
  }
}

/**
 * Joins the venue with an invitation code (the hub sets this device's session cookie). The
 * device then holds the role and scope it answers; every screen's data is read again.
 */
export async function joinVenue(code: string): Promise<WhoAmI> {
  const result = await postJson('/api/sede/unirse', { code });
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
  setSessionState('active');
  return result.result as WhoAmI;
}

/** Ends this device's session («Salir»): the hub forgets its cookie; the join page shows again. */
export async function leaveVenue(): Promise<void> {
  const result = await postJson('/api/sede/salir', {});
  // Already without a session is as good as having left.
  if (!result.ok && result.error.code !== NO_SESSION) throw new ApiError(result.error.code, result.error.message, result.error.details);
  setSessionState('left');
}

async function transport(method: string, input: unknown): Promise<WireResult<unknown>> {
  if (window.bpge) return window.bpge.call(method, input);
  const result = await postJson(`/api/call/${encodeURIComponent(method)}`, input);
  if (!result.ok && result.error.code === NO_SESSION) setSessionState('lost');
  return result;
}

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await transport(method, input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
  return result.result as MethodOutput<M>;
}

/** Pseudo-event delivered to listeners when the push channel comes back after a drop. */
export const CONNECTION_RESTORED = 'connection.restored';
const RECONNECT_DELAY_MS = 2000;

/** Subscribes to pushed events (data changes); returns the unsubscribe function. */
export function onServerEvent(listener: (name: string, payload: unknown) => void): () => void {
  if (window.bpge) return window.bpge.onEvent((event) => listener(event.name, event.payload));
  const handler = (event: MessageEvent<string>) => listener(event.type, JSON.parse(event.data) as unknown);
  // EventSource reconnects by itself after most drops, but gives up for good on some (an
  // aborted or refused request): then we open a new one. Events sent while disconnected are
  // lost, so listeners are told to read everything again once the channel is back.
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let connectedBefore = false;
  let stopped = false;
  const connect = () => {
    const current = new EventSource('/api/events');
    source = current;
    for (const name of ['data.changed', ...ENCUENTRO_EVENT_NAMES]) current.addEventListener(name, handler);
    current.addEventListener('open', () => {
      setOnline(true);
      if (connectedBefore) listener(CONNECTION_RESTORED, null);
      connectedBefore = true;
    });
    current.addEventListener('error', () => {
      if (!stopped) setOnline(false);
      if (current.readyState !== EventSource.CLOSED || stopped) return;
      // A stream refused for good may be a session revoked or the mode turned off (EventSource
      // does not say why): one call tells; without a session the stream waits for a new one.
      void transport('sede.whoami', {}).then(() => {
        if (stopped || session.get() !== 'active') return;
        retry = setTimeout(connect, RECONNECT_DELAY_MS);
      });
    });
  };
  connect();
  // Joined again after a loss: the stream opens again (and listeners read everything again).
  const unsubscribeSession = venueSession.subscribe(() => {
    if (session.get() !== 'active' || stopped || source?.readyState !== EventSource.CLOSED) return;
    clearTimeout(retry);
    connect();
  });
  return () => {
    stopped = true;
    clearTimeout(retry);
    unsubscribeSession();
    source?.close();
  };
}

/** Reads a picked file as base64 for the upload methods. */
export async function fileToBase64(file: File): Promise<string> {
  const buffer = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < buffer.length; i += chunk) binary += String.fromCharCode(...buffer.subarray(i, i + chunk));
  return btoa(binary);
}

/** Saves an exported file through the browser's download (Electron shows its save dialog). */
export function downloadFile(file: { fileName: string; mimeType: string; dataBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
