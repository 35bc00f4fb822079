import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { freePort as freePortOn } from '../../electron/bench/venue-sessions';
import { Hub } from '../../electron/server/hub';
import type { TestApp } from './services';

/** The address standing in for the venue network's interface: loopback, never a real network. */
export const VENUE = '127.0.0.2';

/** A port free on `address` now (by default the venue's stand-in). */
export const freePort = (address = VENUE): Promise<number> => freePortOn(address);

/** A hub over the test app's services, serving a one-page renderer. */
export function makeHub(app: TestApp): Hub {
  const staticDir = path.join(app.dir, 'renderer');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>BPGE</title>');
  return new Hub({ services: app.services, staticDir, log: () => undefined });
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: () => { ok: boolean; result?: unknown; error?: { code: string; message: string } };
}

export interface RequestOptions {
  method?: string;
  body?: string;
  cookie?: string | null;
  /** The Host header; by default the address and port requested. */
  host?: string;
  origin?: string;
  /** The client socket's own address: tells the hub's per-source limits apart (127.0.0.3, 127.0.0.4). */
  from?: string;
  https?: boolean;
  /** The CA to trust under HTTPS (the test's self-signed certificate). */
  ca?: string;
}

/** One request to `address:port` over a fresh connection (no keep-alive: each call stands alone). */
export function request(address: string, port: number, pathName: string, options: RequestOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { Host: options.host ?? `${address}:${port}`, Connection: 'close' };
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.origin) headers.Origin = options.origin;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const client = options.https ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        host: address,
        port,
        path: pathName,
        method: options.method ?? 'POST',
        headers,
        agent: false,
        ...(options.from ? { localAddress: options.from } : {}),
        ...(options.https ? { ca: options.ca, servername: undefined } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) as ReturnType<Answer['json']> });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The session cookie a join answered, as a Cookie header sends it back («bpge_sede=…»). */
export function sessionCookie(answer: Answer): string {
  const setCookie = answer.headers['set-cookie']?.[0];
  if (!setCookie) throw new Error(`no Set-Cookie in the answer (${answer.status}: ${answer.body})`);
  return setCookie.split(';')[0]!;
}

/** Joins with a code from `from` (default the test client's own loopback address). */
export function join(port: number, code: string, options: Omit<RequestOptions, 'body' | 'method'> = {}): Promise<Answer> {
  return request(VENUE, port, '/api/sede/unirse', { ...options, body: JSON.stringify({ code }) });
}

/** Calls a contract method on the venue listener with a session cookie. */
export function callAs(port: number, cookie: string | null, method: string, input: unknown = {}, options: RequestOptions = {}): Promise<Answer> {
  return request(VENUE, port, `/api/call/${method}`, { ...options, cookie, body: JSON.stringify(input) });
}

/** Opens the event stream with a session; resolves once the server has answered the headers. */
export function openEvents(port: number, cookie: string): Promise<{ status: number; ended: Promise<void>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: VENUE, port, path: '/api/events', method: 'GET', headers: { Host: `${VENUE}:${port}`, Cookie: cookie }, agent: false }, (res) => {
      const ended = new Promise<void>((done) => {
        res.on('close', () => done());
        res.on('error', () => done());
      });
      res.resume();
      resolve({ status: res.statusCode ?? 0, ended, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}
