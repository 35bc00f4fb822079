import http from 'node:http';
import net from 'node:net';
import type { Services } from '../services/registry';
import type { SessionScope } from '../../shared/sede/roles';

/**
 * Venue devices over real HTTP, for the bench and the tests: a device gets its session the way a
 * browser does (the organizer invites it, it joins with the code on the venue listener and keeps
 * the session cookie), then calls methods and reads the event stream with that cookie.
 */

/** A port free on `address` now (the OS picks it; the hub then binds it by number, as sede.start does). */
export async function freePort(address: string): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Invites a device as the organizer at the machine (sede.invitations.create) and joins with its
 * code on the venue listener at `venueUrl` (POST /api/sede/unirse): resolves with the Cookie
 * header that carries the device's session («bpge_sede=…»).
 */
export async function joinDevice(services: Services, venueUrl: string, scope: SessionScope, name: string): Promise<string> {
  const invited = await services.call('sede.invitations.create', { name, scope });
  if (!invited.ok) throw new Error(`sede.invitations.create: ${invited.error.message}`);
  const { code } = invited.result as { code: string };
  const body = JSON.stringify({ code });
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${venueUrl}/api/sede/unirse`,
      { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }, agent: false },
      (response) => {
        response.resume();
        const cookie = response.headers['set-cookie']?.[0]?.split(';')[0];
        if (response.statusCode === 200 && cookie) resolve(cookie);
        else reject(new Error(`/api/sede/unirse respondió ${response.statusCode} sin sesión para «${name}»`));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
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
