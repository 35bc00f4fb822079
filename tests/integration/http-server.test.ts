import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../electron/server/http';
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

  it('serves the renderer with a CSP, falls back to index.html, and refuses path traversal', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<title>BPGE</title>');
    expect(await (await fetch(`${server.url}/assets/app.js`)).text()).toBe('console.log(1)');
    expect(await (await fetch(`${server.url}/ediciones/3`)).text()).toContain('<title>BPGE</title>');
    const traversal = await fetch(`${server.url}/..%2f..%2fpackage.json`);
    expect(await traversal.text()).not.toContain('"name"');
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
