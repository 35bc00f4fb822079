import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { t, type MessageKey } from '../../shared/i18n';
import type { Services } from '../services/registry';
import { LOCAL_ORGANIZER, type Actor } from '../../shared/sede/roles';
import { canSee } from './event-visibility';
import { forbidden, mayEverCall } from '../services/access/authorize';
import { AppError } from '../../shared/errors';
import { contract, failure, isMethodName } from '../../shared/contract';
import type { ServerEvent } from '../services/events';
import { CONTENT_SECURITY_POLICY } from '../security';
import { contentTypeOf, isInside, JSON_TYPE } from '../static-files';

const MAX_BODY_BYTES = 40 * 1024 * 1024;
/** A join request is a code of a few characters: anything much bigger is not one. */
const JOIN_MAX_BYTES = 4 * 1024;
/** A venue device's call carries a few fields (a line of text, a score), or a file for the methods that take one. */
const DEVICE_MAX_BYTES = 256 * 1024;
/** An event stream whose reader is this far behind is closed (it reconnects and re-reads), rather than buffered without end. */
const STREAM_MAX_BACKLOG_BYTES = 1024 * 1024;

const PLAIN = 'text/plain; charset=utf-8';

export interface HttpServerOptions {
  services: Services;
  /** The built renderer (out/renderer). */
  staticDir: string;
  host?: string;
  port?: number;
  /** Where a request that failed unexpectedly is reported (the server answers 500 and goes on). */
  log?: (message: string, error?: unknown) => void;
  /**
   * Who is calling: the organizer on the loopback listener (the default), a venue device's
   * session on the venue listener, null when the request carries no valid session (answered 401).
   */
  authenticate?: (req: http.IncomingMessage) => Actor | null;
  /** HTTPS with this certificate and key (PEM); plain HTTP without. */
  tls?: { cert: string; key: string };
  /**
   * The Host headers accepted (`address:port`), asked on every request; by default this
   * server's own loopback names. Anything else is refused (DNS rebinding).
   */
  hosts?: (port: number) => readonly string[];
  /** POST /api/sede/unirse and /api/sede/salir (the venue listener); 404 without. */
  session?: SessionEndpoints;
  /** Told of every open event stream, with a way to close it; answers the function that forgets it. */
  onStream?: (actor: Actor, close: () => void) => () => void;
}

/** What a session endpoint answers: a status, a JSON body, and headers such as Set-Cookie. */
export interface EndpointAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface SessionEndpoints {
  /** Body {code}: a new session for the device that typed a valid invitation code. */
  join(input: unknown, req: http.IncomingMessage): EndpointAnswer;
  /** Ends the caller's session. */
  leave(req: http.IncomingMessage): EndpointAnswer;
}

/** How a listening address is written in a URL and a Host header (IPv6 in brackets). */
export function hostPart(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type Reply = (status: number, key: MessageKey, headers?: Record<string, string>) => void;

/**
 * The HTTP transport: the built renderer plus the contract at POST /api/call/<method>,
 * and pushed events as Server-Sent Events at GET /api/events. Bound to loopback; requests
 * whose Host or Origin is not this server are refused (DNS rebinding, cross-site posts).
 *
 * Any web page the user opens can make the browser send requests here (an <img> is enough), so
 * no request, however malformed, may stop the process: every refusal is a status code, and a
 * request that fails in a way nobody foresaw is logged and answered 500 (see `guard`). Requests
 * the HTTP parser itself cannot read (bad request line or headers) get Node's own 400.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const staticDir = path.resolve(options.staticDir);
  const log = options.log ?? ((message, error) => console.error(message, error));
  const authenticate = options.authenticate ?? (() => LOCAL_ORGANIZER);
  let port = options.port ?? 0;
  const scheme = options.tls ? 'https' : 'http';
  const allowedHosts = () => new Set(options.hosts ? options.hosts(port) : [`${hostPart(host)}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`]);

  const fail = (res: http.ServerResponse, error: unknown) => {
    log(`HTTP: fallo inesperado`, error);
    if (res.headersSent) res.destroy();
    else send(res, 500, PLAIN, t('error.http.internal'));
  };

  const route = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const reply: Reply = (status, key, headers) => send(res, status, PLAIN, t(key), headers);
    const hostHeader = req.headers.host ?? '';
    if (!allowedHosts().has(hostHeader)) return reply(403, 'error.http.hostRefused');
    const url = parseUrl(req.url, hostHeader);
    if (!url) return reply(400, 'error.http.badRequest');
    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin && origin !== `${scheme}://${hostHeader}`) return reply(403, 'error.http.originRefused');
      if (url.pathname.startsWith('/api/call/')) {
        if (req.method !== 'POST') return reply(405, 'error.http.methodNotAllowed', { Allow: 'POST' });
        const method = decodePath(url.pathname.slice('/api/call/'.length));
        if (method === null) return reply(400, 'error.http.badRequest');
        const actor = authenticate(req);
        if (!actor) return replyNoSession(res);
        // A device's call its role can never make is refused before its body is read: a projector
        // must not make the hub take in 40 MB to be told no.
        if (!mayEverCall(method, actor)) return replyWireError(res, 403, forbidden(actor));
        return handleCall(options.services, method, actor, () => authenticate(req), req, res, reply, fail);
      }
      if (url.pathname === '/api/events') {
        if (req.method !== 'GET') return reply(405, 'error.http.methodNotAllowed', { Allow: 'GET' });
        const actor = authenticate(req);
        if (!actor) return replyNoSession(res);
        return handleEvents(options.services, actor, req, res, log, options.onStream);
      }
      const session = options.session;
      if (session && (url.pathname === '/api/sede/unirse' || url.pathname === '/api/sede/salir')) {
        // The join page reads every answer of these routes as a wire result, refusals included.
        const wireReply: Reply = (status, key, headers) =>
          send(res, status, JSON_TYPE, JSON.stringify({ ok: false, error: { code: key, message: t(key) } }), headers);
        if (req.method !== 'POST') return wireReply(405, 'error.http.methodNotAllowed', { Allow: 'POST' });
        const answer = (outcome: EndpointAnswer) => send(res, outcome.status, JSON_TYPE, JSON.stringify(outcome.body), outcome.headers);
        if (url.pathname === '/api/sede/salir') return answer(session.leave(req));
        // Runs after the body arrived, outside this function's try: its failure is handled here.
        return readJson(req, res, wireReply, JOIN_MAX_BYTES, (input) => {
          try {
            answer(session.join(input, req));
          } catch (error) {
            fail(res, error);
          }
        });
      }
      return reply(404, 'error.http.notFound');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'error.http.methodNotAllowed', { Allow: 'GET, HEAD' });
    serveStatic(staticDir, url.pathname, res, reply, fail);
  };

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // A client that goes away mid-request makes these emit 'error': without a listener that would be thrown.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    try {
      route(req, res);
    } catch (error) {
      fail(res, error);
    }
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handler) : http.createServer(handler);
  // After listen(), errors such as running out of file descriptors on accept land here.
  const onServerError = (error: Error) => log('HTTP: error del servidor', error);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      server.on('error', onServerError);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `${scheme}://${hostPart(host)}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}

/** The request target as a URL, or null when it is not one (e.g. "//"). */
function parseUrl(target: string | undefined, hostHeader: string): URL | null {
  try {
    return new URL(target ?? '/', `http://${hostHeader}`);
  } catch {
    return null;
  }
}

/** Percent-decoding that answers null for what is not valid UTF-8 ("%E0%A4%A") instead of throwing. */
function decodePath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** 401 with the wire error, so the client can tell «join first» from an unreachable service. */
function replyNoSession(res: http.ServerResponse): void {
  replyWireError(res, 401, new AppError('sede.error.noSession'));
}

/** Reads a JSON body under the size cap; answers 413 or 400 itself when it cannot. */
function readJson(req: http.IncomingMessage, res: http.ServerResponse, reply: Reply, maxBytes: number, then: (input: unknown) => void): void {
  const tooLarge = () => {
    // Sent before the rest of the body is read: the connection closes once the answer is out.
    res.once('finish', () => req.destroy());
    reply(413, 'error.http.tooLarge', { Connection: 'close' });
  };
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > maxBytes) {
      refused = true;
      chunks.length = 0;
      return tooLarge();
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (refused) return;
    let input: unknown;
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      input = text ? JSON.parse(text) : {};
    } catch {
      return reply(400, 'error.http.badJson');
    }
    then(input);
  });
}

function replyWireError(res: http.ServerResponse, status: number, error: AppError): void {
  send(res, status, JSON_TYPE, JSON.stringify(failure(error)));
}

/** Whether a method's input carries a file (the upload methods), which a device's call may then be large for. */
function takesFile(method: string): boolean {
  if (!isMethodName(method)) return false;
  const shape = (contract[method].input as { shape?: Record<string, unknown> }).shape;
  return shape !== undefined && 'dataBase64' in shape;
}

function handleCall(
  services: Services,
  method: string,
  actor: Actor,
  stillSignedIn: () => Actor | null,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  reply: Reply,
  fail: (res: http.ServerResponse, error: unknown) => void,
): void {
  const device = actor.deviceId !== null;
  readJson(req, res, reply, device && !takesFile(method) ? DEVICE_MAX_BYTES : MAX_BODY_BYTES, (input) => {
    // The session is checked again once the body is in: a device revoked while it was still
    // sending a call (slowly, on purpose or not) must not have that call run.
    if (device && stillSignedIn()?.deviceId !== actor.deviceId) return replyNoSession(res);
    services
      .call(method, input, actor)
      .then((result) => send(res, !result.ok && result.error.code === 'sede.error.forbidden' ? 403 : 200, JSON_TYPE, JSON.stringify(result)))
      .catch((error: unknown) => fail(res, error));
  });
}

function handleEvents(
  services: Services,
  actor: Actor,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  log: (message: string, error?: unknown) => void,
  onStream: HttpServerOptions['onStream'],
): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  const write = (chunk: string) => {
    if (res.writableEnded || res.destroyed) return;
    // A reader that stopped reading (gone quiet on a bad network, or on purpose) is cut off rather
    // than have the hub buffer every event for it: it reconnects and re-reads what it shows.
    if (res.writableLength > STREAM_MAX_BACKLOG_BYTES) return void res.destroy();
    res.write(chunk);
  };
  write(': conectado\n\n');
  // Events are written on the next turn of the event loop, after the answer of the call that
  // caused them has gone out (the writer is not kept waiting for the fan-out to every screen), and
  // several events of one turn go out in one write.
  let pending: string[] = [];
  const flush = () => {
    const chunk = pending.join('');
    pending = [];
    write(chunk);
  };
  // A listener runs inside the service that emitted the event: nothing may be thrown back there.
  const unsubscribe = services.events.subscribe((event) => {
    try {
      if (!canSee(actor, event)) return;
      if (pending.push(serialized(event)) === 1) setImmediate(flush);
    } catch (error) {
      log(`HTTP: could not send event ${event.name}`, error);
    }
  });
  const ping = setInterval(() => write(': ping\n\n'), 15_000);
  const forget = onStream?.(actor, () => res.destroy()) ?? (() => undefined);
  const stop = () => {
    clearInterval(ping);
    unsubscribe();
    forget();
  };
  req.on('close', stop);
  res.on('close', stop);
}

/** Each event is written out once, however many streams it goes to. */
const serializedEvents = new WeakMap<ServerEvent, string>();

function serialized(event: ServerEvent): string {
  let text = serializedEvents.get(event);
  if (text === undefined) {
    text = `event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`;
    serializedEvents.set(event, text);
  }
  return text;
}

function serveStatic(staticDir: string, pathname: string, res: http.ServerResponse, reply: Reply, fail: (res: http.ServerResponse, error: unknown) => void): void {
  const decoded = decodePath(pathname);
  if (decoded === null || decoded.includes('\0')) return reply(400, 'error.http.badRequest');
  // The URL parser resolves a literal "/../", but not an encoded one ("..%2f", "%2e%2e%5c"): refused, not resolved.
  if (decoded.split(/[/\\]/).includes('..')) return reply(403, 'error.http.forbidden');
  const relative = path.normalize(decoded).replace(/^([/\\])+/, '');
  let file = path.join(staticDir, relative);
  if (!isInside(staticDir, file)) return reply(403, 'error.http.forbidden');
  if (!isFile(file)) file = path.join(staticDir, 'index.html');
  if (!isFile(file)) return reply(500, 'error.http.noBuild');
  const type = contentTypeOf(file);
  const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    headers['Cache-Control'] = 'no-store';
  }
  const stream = fs.createReadStream(file);
  // The file may vanish or become unreadable between the check and the read (a rebuild).
  stream.once('error', (error) => fail(res, error));
  // pipe() does not close the file when the client hangs up mid-download: without this, every
  // aborted request (a page can send them by the thousand) would keep a descriptor open.
  res.once('close', () => stream.destroy());
  stream.once('open', () => {
    res.writeHead(200, headers);
    stream.pipe(res);
  });
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
