import { joinDevice, openEventStream, type StreamedEvent } from '../../electron/bench/venue-sessions';
import { Hub } from '../../electron/server/hub';
import type { Services } from '../../electron/services/registry';
import type { SessionScope } from '../../shared/sede/roles';
import { freePort, request, VENUE } from './sede';

/** What one call over HTTP answered: the status and the parsed JSON body (null when not JSON). */
export interface SedeReply {
  status: number;
  body: { ok: boolean; result?: unknown; error?: { code: string; message: string } } | null;
}

export interface SedeDevice {
  call(method: string, input: unknown): Promise<SedeReply>;
  /** Calls a method and returns its result; throws on an error answer. */
  result<T = unknown>(method: string, input: unknown): Promise<T>;
  /** Opens this device's event stream; `events` fills as they arrive. */
  watch(): Promise<Viewer>;
}

export interface Viewer {
  events: StreamedEvent[];
  close(): void;
}

export interface SedeHub {
  /** The venue listener (127.0.0.2 standing in for the venue's interface). */
  url: string;
  /** A device holding a session with this role and scope (the organizer's role included). */
  join(scope: SessionScope, name: string): SedeDevice;
  /** The organizer at the machine: a browser on the hub's loopback listener, no session. */
  local: SedeDevice;
  close(): Promise<void>;
}

/**
 * The one way the tests open venue sessions over the HTTP transport, the way a device does: the
 * organizer creates an invitation (sede.invitations.create), the device joins with its code on
 * the venue listener and keeps the session cookie for every call and its event stream.
 */
export async function openSedeHub(services: Services, staticDir: string): Promise<SedeHub> {
  const hub = new Hub({ services, staticDir, log: () => undefined });
  const loopback = await hub.openLoopback(0);
  const port = await freePort(VENUE);
  const started = await services.call('sede.start', { address: VENUE, port });
  if (!started.ok) throw new Error(`sede.start: ${started.error.message}`);
  const url = `http://${VENUE}:${port}`;
  const viewers: Viewer[] = [];
  const device = (address: string, devicePort: number, cookie: Promise<string | null>): SedeDevice => {
    const call = async (method: string, input: unknown): Promise<SedeReply> => {
      const answer = await request(address, devicePort, `/api/call/${encodeURIComponent(method)}`, { cookie: await cookie, body: JSON.stringify(input) });
      return { status: answer.status, body: parseJson(answer.body) };
    };
    return {
      call,
      async result<T>(method: string, input: unknown): Promise<T> {
        const { status, body } = await call(method, input);
        if (!body?.ok) throw new Error(`${method} (${status}): ${body?.error?.message ?? '?'}`);
        return body.result as T;
      },
      async watch() {
        const events: StreamedEvent[] = [];
        const held = await cookie;
        const stream = openEventStream(`http://${address}:${devicePort}`, held ? { Cookie: held } : {}, (event) => events.push(event));
        await stream.ready;
        const viewer = { events, close: stream.close };
        viewers.push(viewer);
        return viewer;
      },
    };
  };
  return {
    url,
    join: (scope, name) => device(VENUE, port, joinDevice(services, url, scope, name)),
    local: device(new URL(loopback.url).hostname, Number(new URL(loopback.url).port), Promise.resolve(null)),
    async close() {
      for (const viewer of viewers) viewer.close();
      await hub.close();
    },
  };
}

function parseJson(text: string): SedeReply['body'] {
  try {
    return JSON.parse(text) as SedeReply['body'];
  } catch {
    return null;
  }
}
