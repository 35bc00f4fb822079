import fs from 'node:fs';
import path from 'node:path';
import { startHttpServer, type RunningServer } from '../../electron/server/http';
import { openEventStream, postCall, testSessions, type StreamedEvent } from '../../electron/bench/venue-sessions';
import type { Services } from '../../electron/services/registry';
import type { Actor } from '../../shared/sede/roles';

/**
 * The hub over HTTP with stand-in sessions (electron/bench/venue-sessions.ts): every device of a
 * test is an Actor, its requests say which through one header. The one place to swap for real
 * invitation cookies once the hub's sessions exist.
 */
export interface SedeHub {
  url: string;
  /** Calls a contract method as `actor`; throws on an error answer. */
  call<T = unknown>(actor: Actor, method: string, input: unknown): Promise<T>;
  /** Opens `actor`'s event stream; `events` fills as they arrive. */
  watch(actor: Actor): Promise<Viewer>;
  close(): Promise<void>;
}

export interface Viewer {
  events: StreamedEvent[];
  close(): void;
}

export async function startSedeHub(services: Services, dir: string, host = '127.0.0.1'): Promise<SedeHub> {
  const sessions = testSessions();
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>BPGE</title>');
  const server: RunningServer = await startHttpServer({ services, staticDir, host, port: 0, authenticate: sessions.authenticate, log: () => undefined });
  const viewers: Viewer[] = [];
  return {
    url: server.url,
    async call<T>(actor: Actor, method: string, input: unknown): Promise<T> {
      const { status, body } = await postCall(server.url, method, input, sessions.headersFor(actor));
      if (!body.ok) throw new Error(`${method} (${status}): ${body.error?.message ?? '?'}`);
      return body.result as T;
    },
    async watch(actor: Actor): Promise<Viewer> {
      const events: StreamedEvent[] = [];
      const stream = openEventStream(server.url, sessions.headersFor(actor), (event) => events.push(event));
      await stream.ready;
      const viewer = { events, close: stream.close };
      viewers.push(viewer);
      return viewer;
    },
    async close() {
      for (const viewer of viewers) viewer.close();
      await server.close();
    },
  };
}
