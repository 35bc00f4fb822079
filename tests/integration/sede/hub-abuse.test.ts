import http from 'node:http';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../../electron/server/hub';
import { MAX_STREAMS_PER_DEVICE } from '../../../electron/server/hub';
import { openTestApp, type TestApp } from '../../support/services';
import { callAs, freePort, join, makeHub, openEvents, sessionCookie, VENUE } from '../../support/sede';
import type { SessionScope } from '../../../shared/sede/roles';

/** What one device, invited or not, can try against the hub: none of it may outlive a revoke, wedge the hub or fill its memory. */
describe('Modo sede: a device that misbehaves', () => {
  let app: TestApp;
  let hub: Hub;
  let port: number;

  beforeEach(async () => {
    app = await openTestApp();
    hub = makeHub(app);
    port = await freePort();
    await app.call('sede.start', { address: VENUE, port });
  });
  afterEach(async () => {
    await hub.close();
    app.close();
  });

  async function device(name: string, scope: SessionScope = { role: 'organizer' }): Promise<string> {
    const { code } = await app.call('sede.invitations.create', { name, scope, validMinutes: 60 });
    return sessionCookie(await join(port, code));
  }

  it('a call whose body was still arriving when its device was revoked does not run', async () => {
    const cookie = await device('Tableta robada');
    const body = JSON.stringify({ name: 'creada tras revocar', scope: { role: 'organizer' } });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: VENUE,
          port,
          path: '/api/call/sede.invitations.create',
          method: 'POST',
          agent: false,
          headers: { Host: `${VENUE}:${port}`, Cookie: cookie, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 5));
      // The rest is sent once the hub has the headers (and has checked the session) and the
      // organizer has revoked the device. (Only the order matters: a slower hub just makes the
      // revoke land later, and the call must be refused either way.)
      void (async () => {
        await new Promise<void>((resolve) => req.once('socket', (socket) => (socket.connecting ? socket.once('connect', () => resolve()) : resolve())));
        await new Promise((resolve) => setTimeout(resolve, 300));
        const [tablet] = (await app.call('sede.devices.list', {})).filter((d) => d.name === 'Tableta robada');
        await app.call('sede.devices.revoke', { id: tablet!.id, reason: 'Robada' });
        req.end(body.slice(5));
      })();
    });
    const { status } = await answer;
    expect(status).toBe(401);
    expect((await app.call('sede.invitations.list', {})).map((i) => i.name)).not.toContain('creada tras revocar');
  });

  it('a role is refused a method it can never call before the body is read, and a device’s ordinary call is capped', async () => {
    const { encuentroId } = await app.call('encuentro.ensureDemo', {});
    const detail = await app.call('encuentro.get', { id: encuentroId });
    const projector = await device('Proyector', { role: 'projector', encuentroId, salaId: detail.salas[0]!.id, practiceId: null });
    // Announced as 30 MB, of which only the start is ever sent: the refusal comes from the headers alone.
    const refused = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: VENUE,
          port,
          path: '/api/call/backups.restore',
          method: 'POST',
          agent: false,
          headers: { Host: `${VENUE}:${port}`, Cookie: projector, 'Content-Type': 'application/json', 'Content-Length': 30 * 1024 * 1024 },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write('{"name":"');
    });
    expect(refused.status).toBe(403);
    expect((JSON.parse(refused.body) as { error: { code: string } }).error.code).toBe('sede.error.forbidden');
    // The hub is still there and a call the role may make still works.
    expect((await callAs(port, projector, 'sede.whoami')).status).toBe(200);
    // A granted method with an oversized body: 413, not read to the end.
    const oversized = await callAs(port, projector, 'encuentro.matrix', { practiceId: 1, salaId: detail.salas[0]!.id, padding: 'x'.repeat(1024 * 1024) });
    expect(oversized.status).toBe(413);
  });

  it(`one device holds at most ${MAX_STREAMS_PER_DEVICE} event streams: opening more closes its oldest`, async () => {
    const cookie = await device('Proyector insistente');
    const streams = [];
    for (let i = 0; i < MAX_STREAMS_PER_DEVICE + 2; i += 1) streams.push(await openEvents(port, cookie));
    expect(streams.every((s) => s.status === 200)).toBe(true);
    await Promise.all([streams[0]!.ended, streams[1]!.ended]);
    let stillOpen = 0;
    for (const stream of streams.slice(2)) {
      const ended = await Promise.race([stream.ended.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 200))]);
      if (!ended) stillOpen += 1;
    }
    expect(stillOpen).toBe(MAX_STREAMS_PER_DEVICE);
  });

  it('a stream whose reader stopped reading is closed instead of buffered without end', async () => {
    const cookie = await device('Teléfono en mala señal');
    const socket = net.connect({ host: VENUE, port });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`GET /api/events HTTP/1.1\r\nHost: ${VENUE}:${port}\r\nCookie: ${cookie}\r\n\r\n`);
    let received = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // Wait for the stream to be open, then stop reading.
    for (let i = 0; i < 200 && received === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    socket.pause();
    const big = 'x'.repeat(200 * 1024);
    const sent = 40;
    for (let i = 0; i < sent; i += 1) {
      app.services.events.emit('data.changed', { method: big, backup: false, records: null, scope: {} });
      await new Promise((resolve) => setImmediate(resolve));
    }
    socket.resume();
    await closed;
    // It got what the hub had sent before cutting it off: far less than the 8 MB emitted.
    expect(received).toBeLessThan((sent * big.length) / 2);
  });
});
