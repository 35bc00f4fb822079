import http from 'node:http';
import type { Actor } from '../../shared/sede/roles';

/**
 * Stand-in venue sessions for the bench and the tests, until the hub's invitation cookies exist:
 * each device is given a token, sent in one request header, that the HTTP server's
 * `authenticate` option maps back to the device's actor (a request without a known token gets
 * no session: 401). Swapping this for real invitations touches only this file.
 */
export const TEST_SESSION_HEADER = 'x-bpge-sesion-prueba';

export interface TestSessions {
  authenticate(req: http.IncomingMessage): Actor | null;
  /** The headers a device sends to be `actor`. */
  headersFor(actor: Actor): Record<string, string>;
}

export function testSessions(): TestSessions {
  const byToken = new Map<string, Actor>();
  const tokenOf = new Map<Actor, string>();
  return {
    authenticate: (req) => {
      const token = req.headers[TEST_SESSION_HEADER];
      return typeof token === 'string' ? (byToken.get(token) ?? null) : null;
    },
    headersFor: (actor) => {
      let token = tokenOf.get(actor);
      if (!token) {
        token = `dispositivo-${byToken.size + 1}`;
        byToken.set(token, actor);
        tokenOf.set(actor, token);
      }
      return { [TEST_SESSION_HEADER]: token };
    },
  };
}

export interface StreamedEvent {
  name: string;
  payload: unknown;
  /** performance.now() when the event was parsed. */
  at: number;
}

export interface EventStream {
  /** Resolves once the server has accepted the stream (its first comment arrived). */
  ready: Promise<void>;
  close(): void;
}

/**
 * A Server-Sent Events reader over node:http (as a browser's EventSource would hold it):
 * calls `onEvent` for every event. `localAddress` picks the loopback source address a device
 * connects from.
 */
export function openEventStream(baseUrl: string, headers: Record<string, string>, onEvent: (event: StreamedEvent) => void, localAddress?: string): EventStream {
  let resolveReady: () => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  const request = http.get(`${baseUrl}/api/events`, { headers: { Accept: 'text/event-stream', ...headers }, localAddress }, (response) => {
    if (response.statusCode !== 200) {
      rejectReady(new Error(`/api/events respondió ${response.statusCode}`));
      response.resume();
      return;
    }
    response.setEncoding('utf8');
    let buffer = '';
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(':')) {
          resolveReady();
          continue;
        }
        let name = 'message';
        let data = '';
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) name = line.slice(7);
          else if (line.startsWith('data: ')) data += line.slice(6);
        }
        onEvent({ name, payload: JSON.parse(data) as unknown, at: performance.now() });
      }
    });
  });
  request.on('error', (error) => rejectReady(error));
  return { ready, close: () => request.destroy() };
}

/** POST /api/call/<method> as a device; resolves with the HTTP status and the parsed body. */
export function postCall(
  baseUrl: string,
  method: string,
  input: unknown,
  headers: Record<string, string>,
  options: { agent?: http.Agent; localAddress?: string } = {},
): Promise<{ status: number; body: { ok: boolean; result?: unknown; error?: { code: string; message: string } } }> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}/api/call/${method}`,
      { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers }, agent: options.agent, localAddress: options.localAddress },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (error) {
            reject(error as Error);
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
