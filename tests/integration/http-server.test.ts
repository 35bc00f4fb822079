import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../electron/server/http';
import { rawRequest, requestText } from '../support/raw-http';
import { openTestApp, sampleEdition, type TestApp } from '../support/services';

describe('HTTP transport', () => {
  let app: TestApp;
  let server: RunningServer;
  beforeAll(async () => {
    app = await openTestApp();
    const staticDir = path.join(app.dir, 'renderer');
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>BPGE</title>');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    server = await startHttpServer({ services: app.services, staticDir, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    app.close();
  });

  const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/call/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('runs contract methods and returns validation errors in Spanish', async () => {
    const created = await (await post('editions.create', sampleEdition)).json();
    expect(created).toMatchObject({ ok: true, result: { name: sampleEdition.name } });
    const invalid = await (await post('editions.create', { ...sampleEdition, name: '' })).json();
    expect(invalid).toMatchObject({ ok: false, error: { code: 'error.validation', message: expect.stringMatching(/obligatorio/) } });
    const unknown = await (await post('editions.drop', {})).json();
    expect(unknown).toMatchObject({ ok: false, error: { code: 'error.unknownMethod' } });
  });

  it('serves the renderer with a CSP and falls back to index.html', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<title>BPGE</title>');
    expect(await (await fetch(`${server.url}/assets/app.js`)).text()).toBe('console.log(1)');
    expect(await (await fetch(`${server.url}/ediciones/3`)).text()).toContain('<title>BPGE</title>');
  });

  it('never serves a file outside the static folder, however the path is encoded', async () => {
    // Real files beside the static folder: one in its parent, one in a sibling whose name
    // starts like it (a prefix check on "…/renderer" would let "…/renderer-old" through).
    const secret = 'SECRETO-fuera-de-la-carpeta';
    fs.writeFileSync(path.join(app.dir, 'secreto.txt'), secret);
    fs.mkdirSync(path.join(app.dir, 'renderer-old'), { recursive: true });
    fs.writeFileSync(path.join(app.dir, 'renderer-old', 'secreto.txt'), secret);
    const absolute = encodeURIComponent(path.join(app.dir, 'secreto.txt'));
    // Sent raw: fetch would resolve "/../" itself. A literal "/../" is resolved by the URL
    // parser to a path inside the folder (index.html comes back); an encoded one is refused.
    const variants: [string, number][] = [
      ['/../secreto.txt', 200],
      ['/..%2fsecreto.txt', 403],
      ['/..%2Fsecreto.txt', 403],
      ['/%2e%2e/secreto.txt', 200],
      ['/%2e%2e%2fsecreto.txt', 403],
      ['/.%2e%2fsecreto.txt', 403],
      ['/..%5csecreto.txt', 403],
      ['/..\\secreto.txt', 200],
      ['/assets/..%2f..%2f..%2frenderer-old%2fsecreto.txt', 403],
      ['/..%2frenderer-old%2fsecreto.txt', 403],
      ['/%252e%252e%252fsecreto.txt', 200],
      [`/${absolute}`, 200],
      [`/%2f${absolute}`, 200],
    ];
    for (const [target, status] of variants) {
      const response = await rawRequest(server.port, requestText(server.port, `GET ${target} HTTP/1.1`));
      expect({ target, status: response.status }).toEqual({ target, status });
      expect(response.body).not.toContain(secret);
      if (status === 200) expect(response.body).toContain('<title>BPGE</title>');
    }
  });

  it('refuses other origins and unknown Host headers (cross-site posts, DNS rebinding)', async () => {
    const crossSite = await post('editions.list', {}, { Origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${server.url}/api/call/editions.list`, { method: 'POST', headers: { Host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('rejects malformed JSON without touching data', async () => {
    const response = await fetch(`${server.url}/api/call/editions.create`, { method: 'POST', body: '{no json' });
    expect(response.status).toBe(400);
    const after = (await (await post('editions.list', {})).json()) as { result: unknown[] };
    expect(after.result).toHaveLength(1);
  });

  it('pushes data.changed events over SSE after a write', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read(); // ": conectado"
    await post('editions.create', { ...sampleEdition, name: 'Otra edición' });
    let text = '';
    while (!text.includes('data.changed')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"method":"editions.create"');
    controller.abort();
  });
});
