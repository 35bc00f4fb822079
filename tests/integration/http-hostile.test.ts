import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../electron/server/http';
import type { Services } from '../../electron/services/registry';
import { rawRequest, requestText } from '../support/raw-http';
import { openTestApp, sampleEdition, type TestApp } from '../support/services';

/**
 * Whatever arrives, the server answers with a status code and stays up: any web page the user
 * visits can make the browser send such requests to 127.0.0.1 (an <img src> is enough).
 */
describe('HTTP transport under malformed and hostile requests', () => {
  let app: TestApp;
  let server: RunningServer;
  let staticDir: string;
  const logged: string[] = [];

  beforeAll(async () => {
    app = await openTestApp();
    staticDir = path.join(app.dir, 'renderer');
    fs.mkdirSync(staticDir, { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>BPGE</title>');
    server = await startHttpServer({ services: app.services, staticDir, port: 0, log: (message) => logged.push(message) });
    await app.call('editions.create', sampleEdition);
  });
  afterAll(async () => {
    await server.close();
    app.close();
  });

  /** The server still serves the app and runs the contract. */
  async function stillServing(): Promise<void> {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>BPGE</title>');
    const listed = await fetch(`${server.url}/api/call/editions.list`, { method: 'POST', body: '{}' });
    expect(await listed.json()).toMatchObject({ ok: true, result: [{ name: sampleEdition.name }] });
  }

  const cases: { name: string; request: (port: number) => string; status: number }[] = [
    { name: 'GET with a broken percent-escape (URIError)', request: (p) => requestText(p, 'GET /%E0%A4%A HTTP/1.1'), status: 400 },
    { name: 'GET of an asset with an invalid escape', request: (p) => requestText(p, 'GET /assets/%ZZ%E0.js HTTP/1.1'), status: 400 },
    { name: 'contract call whose method name is not UTF-8', request: (p) => requestText(p, 'POST /api/call/%E0 HTTP/1.1', [], '{}'), status: 400 },
    { name: 'request target that is not a URL ("//")', request: (p) => requestText(p, 'GET // HTTP/1.1'), status: 400 },
    { name: 'NUL byte in the path', request: (p) => requestText(p, 'GET /%00 HTTP/1.1'), status: 400 },
    { name: 'GET on the contract endpoint', request: (p) => requestText(p, 'GET /api/call/editions.list HTTP/1.1'), status: 405 },
    { name: 'DELETE on the event stream', request: (p) => requestText(p, 'DELETE /api/events HTTP/1.1'), status: 405 },
    { name: 'PUT on a page', request: (p) => requestText(p, 'PUT /index.html HTTP/1.1', [], 'x'), status: 405 },
    { name: 'unknown API path', request: (p) => requestText(p, 'GET /api/nada HTTP/1.1'), status: 404 },
    { name: 'declared body over the cap', request: (p) => requestText(p, 'POST /api/call/editions.create HTTP/1.1', ['Content-Length: 99999999999']), status: 413 },
    { name: 'malformed JSON', request: (p) => requestText(p, 'POST /api/call/editions.create HTTP/1.1', [], '{"name": '), status: 400 },
    { name: 'body that is not UTF-8', request: (p) => requestText(p, 'POST /api/call/editions.create HTTP/1.1', [], '\u00ff\u00fe{'), status: 400 },
    { name: 'foreign Host (DNS rebinding)', request: () => 'GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n', status: 403 },
    { name: 'HTTP/1.0 without Host', request: () => 'GET / HTTP/1.0\r\n\r\n', status: 403 },
    { name: 'cross-site Origin on the API', request: (p) => requestText(p, 'POST /api/call/editions.list HTTP/1.1', ['Origin: http://evil.example'], '{}'), status: 403 },
    { name: 'garbage request line', request: () => 'HOLA\r\n\r\n', status: 400 },
    { name: 'header line without a colon', request: (p) => requestText(p, 'GET / HTTP/1.1', ['Cabecera rota']), status: 400 },
    {
      name: 'broken chunked body',
      request: (p) => `POST /api/call/editions.list HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n`,
      status: 400,
    },
    { name: 'headers over 16 KB', request: (p) => requestText(p, 'GET / HTTP/1.1', [`X-Relleno: ${'a'.repeat(20_000)}`]), status: 431 },
  ];

  for (const { name, request, status } of cases) {
    it(`answers ${status} to ${name}, and keeps serving`, async () => {
      const response = await rawRequest(server.port, request(server.port));
      expect(response.status).toBe(status);
      await stillServing();
    });
  }

  it('answers HEAD with the page headers and no body', async () => {
    const response = await rawRequest(server.port, requestText(server.port, 'HEAD / HTTP/1.1'));
    expect(response.status).toBe(200);
    expect(response.head).toMatch(/content-security-policy/i);
    expect(response.body).toBe('');
    await stillServing();
  });

  it('survives a client that hangs up in the middle of a body', async () => {
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port: server.port }, () => {
        socket.write(`POST /api/call/editions.create HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Length: 1000\r\n\r\n{"year": 20`, () => {
          socket.destroy();
          resolve();
        });
      });
      socket.on('error', reject);
    });
    await stillServing();
    const count = (await app.call('editions.list', {})).length;
    expect(count).toBe(1);
  });

  it('answers 500 and logs when the services fail in a way nobody foresaw, and keeps serving', async () => {
    const broken: Services = {
      ...app.services,
      call: () => Promise.reject(new Error('unexpected failure')),
      events: { ...app.services.events, subscribe: app.services.events.subscribe.bind(app.services.events) } as Services['events'],
    };
    const other = await startHttpServer({ services: broken, staticDir, port: 0, log: (message) => logged.push(message) });
    try {
      const before = logged.length;
      const response = await rawRequest(other.port, requestText(other.port, 'POST /api/call/editions.list HTTP/1.1', [], '{}'));
      expect(response.status).toBe(500);
      expect(response.body).toContain('el servicio sigue en marcha');
      expect(logged.length).toBeGreaterThan(before);
      const page = await fetch(`${other.url}/`);
      expect(page.status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('answers 500 when a result cannot be serialised, and keeps serving', async () => {
    const odd: Services = { ...app.services, call: () => Promise.resolve({ ok: true, result: 10n }) };
    const other = await startHttpServer({ services: odd, staticDir, port: 0, log: (message) => logged.push(message) });
    try {
      const response = await rawRequest(other.port, requestText(other.port, 'POST /api/call/editions.list HTTP/1.1', [], '{}'));
      expect(response.status).toBe(500);
      expect((await fetch(`${other.url}/`)).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('an event that cannot be sent to an open stream is logged, and neither the service that emitted it nor the stream fails', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read(); // ": conectado"
    const before = logged.length;
    // A payload JSON cannot write (a BigInt), emitted from inside a service call.
    expect(() => app.services.events.emit('data.changed', { method: 'editions.create', backup: 1n as unknown as boolean, records: null, scope: {} })).not.toThrow();
    expect(logged.length).toBeGreaterThan(before);
    await app.call('editions.update', { id: 1, fields: sampleEdition });
    let text = '';
    while (!text.includes('editions.update')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await stillServing();
  });

  it('never stops, whatever method, path and body arrive (property, 60 runs)', async () => {
    const segment = fc.oneof(
      fc.constantFrom('%', '%E0', '%A4%A', '%C3', '%2e%2e', '%2f', '%5c', '..', '.', '\\', 'api', 'call', 'events', '%00', '%ZZ', 'editions.list', 'index.html', '?x=%E0'),
      fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@-]{0,6}$/),
    );
    const requests = fc.record({
      method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE'),
      path: fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`),
      body: fc.oneof(fc.constant(''), fc.constant('{'), fc.string({ maxLength: 40 }), fc.json({ maxDepth: 2 })),
    });
    await fc.assert(
      fc.asyncProperty(requests, async ({ method, path: target, body }) => {
        const response = await rawRequest(server.port, requestText(server.port, `${method} ${target} HTTP/1.1`, [], body));
        expect(response.status).toBeGreaterThanOrEqual(200);
        expect(response.status).toBeLessThan(600);
        const page = await fetch(`${server.url}/`);
        expect(page.status).toBe(200);
      }),
      { numRuns: 60 },
    );
    await stillServing();
  });
  it('a download cut off halfway leaves no file open (a page could otherwise exhaust the descriptors with aborted <img> requests)', async () => {
    fs.writeFileSync(path.join(staticDir, 'grande.js'), Buffer.alloc(8 * 1024 * 1024, 0x61));
    const openFiles = () => fs.readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`).endsWith('grande.js');
      } catch {
        return false;
      }
    }).length;
    for (let i = 0; i < 20; i += 1) {
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect({ host: '127.0.0.1', port: server.port });
        socket.once('error', reject);
        // Reads the first bytes of the body, then hangs up, as a page does when it drops an <img>.
        socket.once('data', () => {
          socket.destroy();
          resolve();
        });
        socket.write(requestText(server.port, 'GET /grande.js HTTP/1.1'));
      });
    }
    await expect.poll(openFiles, { timeout: 15_000, interval: 50 }).toBe(0);
    await stillServing();
  });
});
