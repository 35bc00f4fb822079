import type { MethodInput, MethodName, MethodOutput, WireResult } from '../../../shared/contract';
import type { Bridge } from '../../../shared/contract/bridge';
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

// ——— Is the service reachable? (HTTP only: over IPC the service lives in the same app) ———
let online = true;
const connectionListeners = new Set<() => void>();

function setOnline(value: boolean): void {
  if (online === value) return;
  online = value;
  for (const listener of connectionListeners) listener();
}

/** For useSyncExternalStore: false while the last call or the push channel could not reach the service. */
export const connection = {
  subscribe(listener: () => void): () => void {
    connectionListeners.add(listener);
    return () => connectionListeners.delete(listener);
  },
  isOnline: (): boolean => online,
};

async function transport(method: string, input: unknown): Promise<WireResult<unknown>> {
  if (window.bpge) return window.bpge.call(method, input);
  const unreachable = (): WireResult<unknown> => {
    setOnline(false);
    return { ok: false, error: { code: 'error.transport', message: t('error.transport') } };
  };
  let response: Response;
  try {
    response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return unreachable();
  }
  // 401 (no venue session) and 403 (not this role's) carry the service's own answer.
  if (!response.ok && response.status !== 401 && response.status !== 403) return unreachable();
  try {
    const result = (await response.json()) as WireResult<unknown>;
    setOnline(true);
    return result;
  } catch {
    // The service died while answering: the body was cut.
    return unreachable();
  }
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
      retry = setTimeout(connect, RECONNECT_DELAY_MS);
    });
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
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
