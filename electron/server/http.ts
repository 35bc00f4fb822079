import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Services } from '../services/registry';
import { CONTENT_SECURITY_POLICY } from '../security';

const MAX_BODY_BYTES = 40 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export interface HttpServerOptions {
  services: Services;
  /** The built renderer (out/renderer). */
  staticDir: string;
  host?: string;
  port?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The HTTP transport: the built renderer plus the contract at POST /api/call/<method>,
 * and pushed events as Server-Sent Events at GET /api/events. Bound to loopback; requests
 * whose Host or Origin is not this server are refused (DNS rebinding, cross-site posts).
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const staticDir = path.resolve(options.staticDir);
  let port = options.port ?? 0;
  const allowedHosts = () => new Set([`${host}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`]);

  const server = http.createServer((req, res) => {
    const hostHeader = req.headers.host ?? '';
    if (!allowedHosts().has(hostHeader)) return send(res, 403, 'text/plain; charset=utf-8', 'Host no permitido');
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${hostHeader}`) return send(res, 403, 'text/plain; charset=utf-8', 'Origen no permitido');
      if (req.method === 'POST' && url.pathname.startsWith('/api/call/')) {
        handleCall(options.services, decodeURIComponent(url.pathname.slice('/api/call/'.length)), req, res);
        return;
      }
      if (req.method === 'GET' && url.pathname === '/api/events') return handleEvents(options.services, req, res);
      return send(res, 404, 'text/plain; charset=utf-8', 'No encontrado');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Método no permitido');
    serveStatic(staticDir, url.pathname, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

function handleCall(services: Services, method: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let aborted = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES && !aborted) {
      aborted = true;
      send(res, 413, 'text/plain; charset=utf-8', 'Solicitud demasiado grande');
      req.destroy();
      return;
    }
    if (!aborted) chunks.push(chunk);
  });
  req.on('end', () => {
    if (aborted) return;
    let input: unknown;
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      input = text ? JSON.parse(text) : {};
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'JSON inválido');
    }
    void services.call(method, input).then((result) => send(res, 200, MIME['.json']!, JSON.stringify(result)));
  });
}

function handleEvents(services: Services, req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': conectado\n\n');
  const unsubscribe = services.events.subscribe((event) => {
    res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
  });
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(ping);
    unsubscribe();
  });
}

function serveStatic(staticDir: string, pathname: string, res: http.ServerResponse): void {
  const relative = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = path.join(staticDir, relative);
  if (!file.startsWith(staticDir)) return send(res, 403, 'text/plain; charset=utf-8', 'Prohibido');
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(staticDir, 'index.html');
  if (!fs.existsSync(file)) {
    return send(res, 500, 'text/plain; charset=utf-8', 'No se encontró la interfaz compilada: ejecute «npm run build».');
  }
  const type = MIME[path.extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    headers['Cache-Control'] = 'no-store';
  }
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
}
