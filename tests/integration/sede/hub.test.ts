import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Hub } from '../../../electron/server/hub';
import { createServices } from '../../../electron/services/registry';
import { rawRequest, requestText } from '../../support/raw-http';
import { openTestApp, type TestApp } from '../../support/services';
import { callAs, freePort, join, makeHub, openEvents, request, sessionCookie, VENUE } from '../../support/sede';

const fixtures = path.join(import.meta.dirname, '..', '..', 'fixtures', 'sede');

/** «Modo sede»: the venue listener's life, sessions, revocation, Host rules and HTTPS. */
describe('Modo sede: the hub', () => {
  let app: TestApp;
  let hub: Hub;
  let port: number;

  beforeEach(async () => {
    app = await openTestApp();
    hub = makeHub(app);
    port = await freePort();
  });
  afterEach(async () => {
    await hub.close();
    app.close();
  });

  async function joinedDevice(name = 'Mesa 1'): Promise<string> {
    const { code } = await app.call('sede.invitations.create', { name, scope: { role: 'organizer' }, validMinutes: 60 });
    return sessionCookie(await join(port, code));
  }

  async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
    for (let i = 0; i < 200; i += 1) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('condition never became true');
  }

  it('restoring a backup does not bring back a revoked session nor a spent code, and open streams reconnect', async () => {
    await app.call('sede.start', { address: VENUE, port });
    const lost = await joinedDevice('Tableta perdida');
    const kept = await joinedDevice('Mesa 2');
    const spare = await app.call('sede.invitations.create', { name: 'Mesa 3', scope: { role: 'organizer' }, validMinutes: 60 });
    const backup = await app.call('backups.create', {});
    const lostDevice = (await app.call('sede.devices.list', {})).find((device) => device.name === 'Tableta perdida');
    await app.call('sede.devices.revoke', { id: lostDevice!.id, reason: 'Robada' });
    expect((await join(port, spare.code)).status).toBe(200);
    const stream = await openEvents(port, kept);

    await app.call('backups.restore', { name: backup.name });
    expect((await callAs(port, lost, 'sede.whoami')).status).toBe(401);
    const again = await join(port, spare.code);
    expect(again.status).toBe(401);
    expect(again.json().error?.code).toBe('sede.error.codeCancelled');
    await stream.ended;
    expect((await callAs(port, kept, 'sede.whoami')).status).toBe(200);
  });

  it('revoking a device closes its open event stream at once and refuses its next call', async () => {
    await app.call('sede.start', { address: VENUE, port });
    const cookie = await joinedDevice('Proyector sala 1');
    const other = await joinedDevice('Proyector sala 2');
    const stream = await openEvents(port, cookie);
    const otherStream = await openEvents(port, other);
    expect(stream.status).toBe(200);
    const [, first] = await app.call('sede.devices.list', {});
    expect(first).toMatchObject({ name: 'Proyector sala 1', connected: true });

    const revoked = await app.call('sede.devices.revoke', { id: first!.id, reason: 'Equipo perdido' });
    expect(revoked).toMatchObject({ revokedAt: expect.any(String), revokedReason: 'Equipo perdido', connected: false });
    await stream.ended;
    const refused = await callAs(port, cookie, 'sede.whoami');
    expect(refused.status).toBe(401);
    expect(refused.json().error?.code).toBe('sede.error.noSession');
    expect((await openEvents(port, cookie)).status).toBe(401);
    // The other device goes on.
    expect((await callAs(port, other, 'sede.whoami')).status).toBe(200);
    expect((await app.call('sede.devices.list', {})).find((d) => d.name === 'Proyector sala 2')?.connected).toBe(true);
    expect((await app.fail('sede.devices.revoke', { id: first!.id })).code).toBe('sede.error.deviceRevoked');
    otherStream.close();
  });

  it('tells the organizer’s screens when a device joins, connects its stream and disconnects', async () => {
    await app.call('sede.start', { address: VENUE, port });
    const seen: string[] = [];
    const unsubscribe = app.services.events.subscribe((event) => {
      if (event.name === 'data.changed') seen.push((event.payload as { method: string }).method);
    });
    try {
      const cookie = await joinedDevice();
      await until(() => seen.length === 2);
      expect(seen).toEqual(['sede.invitations.create', 'sede.devices.revoke']);
      const stream = await openEvents(port, cookie);
      await until(() => seen.length === 3);
      stream.close();
      await until(() => seen.length === 4);
      expect((await app.call('sede.devices.list', {}))[0]?.connected).toBe(false);
      // A device opening and closing its stream in a loop is announced a few times, not once per stream.
      const started = Date.now();
      for (let i = 0; i < 20; i += 1) (await openEvents(port, cookie)).close();
      const elapsed = Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 1200));
      // At most one announcement per half second of the loop (plus the one pending at its end), however fast the loop ran.
      expect(seen.length - 4).toBeLessThanOrEqual(Math.min(40, Math.ceil(elapsed / 500) + 2));
      expect(seen.length - 4).toBeGreaterThan(0);
    } finally {
      unsubscribe();
    }
  });

  it('a device that leaves ends its own session and the cookie is cleared', async () => {
    await app.call('sede.start', { address: VENUE, port });
    const cookie = await joinedDevice();
    const left = await request(VENUE, port, '/api/sede/salir', { cookie, body: '{}' });
    expect(left.status).toBe(200);
    expect(left.headers['set-cookie']?.[0]).toMatch(/^bpge_sede=; Max-Age=0;/);
    expect((await callAs(port, cookie, 'sede.whoami')).status).toBe(401);
    expect((await request(VENUE, port, '/api/sede/salir', { cookie, body: '{}' })).status).toBe(401);
    expect(await app.call('sede.status', {})).toMatchObject({ devices: 0 });
    expect((await app.call('sede.devices.list', {}))[0]?.revokedReason).toBe('El dispositivo cerró su sesión.');
  });

  it('a browser that joins again with another code leaves its previous session', async () => {
    await app.call('sede.start', { address: VENUE, port });
    const first = await joinedDevice('Proyector sala 1');
    const { code } = await app.call('sede.invitations.create', { name: 'Moderador sala 1', scope: { role: 'organizer' }, validMinutes: 60 });
    const second = sessionCookie(await join(port, code, { cookie: first }));
    expect((await callAs(port, first, 'sede.whoami')).status).toBe(401);
    expect((await callAs(port, second, 'sede.whoami')).json().result).toMatchObject({ name: 'Moderador sala 1' });
    const devices = await app.call('sede.devices.list', {});
    expect(devices.map((d) => [d.name, d.revokedReason])).toEqual([
      ['Moderador sala 1', null],
      ['Proyector sala 1', 'El dispositivo entró con otra invitación.'],
    ]);
  });

  it('opens on IPv6 loopback too, with the address in brackets in the Host and the URLs', async () => {
    const v6Port = await freePort('::1');
    expect(await app.call('sede.start', { address: '::1', port: v6Port })).toMatchObject({ on: true, url: `http://[::1]:${v6Port}` });
    const { code, joinUrl } = await app.call('sede.invitations.create', { name: 'IPv6', scope: { role: 'organizer' }, validMinutes: 60 });
    expect(joinUrl).toBe(`http://[::1]:${v6Port}/#/unirse/${code}`);
    const joined = await request('::1', v6Port, '/api/sede/unirse', { body: JSON.stringify({ code }), host: `[::1]:${v6Port}` });
    expect(joined.status).toBe(200);
    expect((await request('::1', v6Port, '/', { method: 'GET', host: `::1:${v6Port}` })).status).toBe(403);
  });

  it('stopping the mode closes the venue listener and every remote connection at once', async () => {
    await app.call('sede.start', { address: VENUE, port });
    const cookie = await joinedDevice();
    const stream = await openEvents(port, cookie);
    const status = await app.call('sede.stop', {});
    expect(status).toMatchObject({ on: false, address: null, url: null });
    await stream.ended;
    await expect(callAs(port, cookie, 'sede.whoami')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // Invitations made while off carry no address to join.
    const created = await app.call('sede.invitations.create', { name: 'Luego', scope: { role: 'organizer' }, validMinutes: 60 });
    expect(created).toMatchObject({ joinUrl: null, qrSvg: null });
    // On again: the session is still there (the mode off closes connections, it does not revoke).
    await app.call('sede.start', { address: VENUE, port });
    expect((await callAs(port, cookie, 'sede.whoami')).status).toBe(200);
  });

  it('sessions survive a restart of the hub over the same database', async () => {
    await app.call('sede.start', { address: VENUE, port });
    const cookie = await joinedDevice('Tablet jurado');
    await hub.close();
    app.services.close();

    const services = await createServices({ dbPath: app.dbPath, demo: 'never', log: () => undefined });
    const restarted = new Hub({ services, staticDir: path.join(app.dir, 'renderer'), log: () => undefined });
    try {
      expect(await services.call('sede.start', { address: VENUE, port })).toMatchObject({ ok: true, result: { on: true, devices: 1 } });
      const whoami = await callAs(port, cookie, 'sede.whoami');
      expect(whoami.status).toBe(200);
      expect(whoami.json().result).toMatchObject({ name: 'Tablet jurado', role: 'organizer' });
    } finally {
      await restarted.close();
      services.close();
    }
  });

  it('accepts the LAN address as Host only while the mode is on for that address', async () => {
    const loopback = await hub.openLoopback(0);
    const get = (address: string, listenPort: number, host: string) => request(address, listenPort, '/', { method: 'GET', host });
    // Off: the organizer's loopback listener refuses the venue's name (DNS rebinding), keeps its own.
    expect((await get('127.0.0.1', loopback.port, `${VENUE}:${port}`)).status).toBe(403);
    expect((await get('127.0.0.1', loopback.port, `127.0.0.1:${loopback.port}`)).status).toBe(200);
    await expect(get(VENUE, port, `${VENUE}:${port}`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    await app.call('sede.start', { address: VENUE, port });
    expect((await get(VENUE, port, `${VENUE}:${port}`)).status).toBe(200);
    expect((await get(VENUE, port, `127.0.0.5:${port}`)).status).toBe(403);
    expect((await get(VENUE, port, `localhost:${port}`)).status).toBe(403);
    expect((await get(VENUE, port, `127.0.0.1:${port}`)).status).toBe(403);
    expect((await get('127.0.0.1', loopback.port, `${VENUE}:${port}`)).status).toBe(403);
    // The loopback listener is still the organizer, with no session.
    const organizer = await request('127.0.0.1', loopback.port, '/api/call/sede.whoami', { body: '{}' });
    expect(organizer.json()).toMatchObject({ ok: true, result: { role: 'organizer', deviceId: null } });
    // The venue's own Origin is accepted on its API, a cross-site one refused.
    const cookie = await joinedDevice();
    const sameSite = await request(VENUE, port, '/api/call/sede.whoami', { body: '{}', cookie, origin: `http://${VENUE}:${port}` });
    expect(sameSite.status).toBe(200);
    const crossSite = await request(VENUE, port, '/api/call/sede.whoami', { body: '{}', cookie, origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);

    // Moved to another address: the old one's Host is no longer accepted there.
    const otherPort = await freePort('127.0.0.6');
    await app.call('sede.start', { address: '127.0.0.6', port: otherPort });
    expect((await get('127.0.0.6', otherPort, `127.0.0.6:${otherPort}`)).status).toBe(200);
    expect((await get('127.0.0.6', otherPort, `${VENUE}:${port}`)).status).toBe(403);
    await expect(get(VENUE, port, `${VENUE}:${port}`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('keeps the transport’s hardening on the venue listener', async () => {
    await app.call('sede.start', { address: VENUE, port });
    const cookie = await joinedDevice();
    const text = (line: string, headers: string[] = [], body = '') => requestText(port, line, [`Cookie: ${cookie}`, ...headers], body, VENUE);
    const cases: { request: string; status: number }[] = [
      { request: text('GET /%E0%A4%A HTTP/1.1'), status: 400 },
      { request: text('POST /api/call/%E0 HTTP/1.1', [], '{}'), status: 400 },
      { request: text('GET /api/call/sede.whoami HTTP/1.1'), status: 405 },
      { request: text('POST /api/call/sede.whoami HTTP/1.1', ['Content-Length: 99999999999']), status: 413 },
      { request: text('POST /api/call/sede.whoami HTTP/1.1', [], '{"a": '), status: 400 },
      { request: text('POST /api/call/sede.whoami HTTP/1.1', ['Origin: http://evil.example'], '{}'), status: 403 },
      { request: text('POST /api/sede/unirse HTTP/1.1', ['Origin: http://evil.example'], '{"code":"AAAA-AAAA"}'), status: 403 },
      { request: text('GET /..%2f..%2fetc/passwd HTTP/1.1'), status: 403 },
      { request: 'GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n', status: 403 },
      { request: 'GET / HTTP/1.0\r\n\r\n', status: 403 },
      { request: 'HOLA\r\n\r\n', status: 400 },
      { request: requestText(port, 'POST /api/call/sede.whoami HTTP/1.1', ['Cookie: bpge_sede=falsificada'], '{}', VENUE), status: 401 },
      { request: requestText(port, 'GET /api/events HTTP/1.1', [], '', VENUE), status: 401 },
    ];
    for (const { request: raw, status } of cases) {
      const answer = await rawRequest(port, raw, VENUE);
      expect(answer.status, raw.split('\r\n')[0]).toBe(status);
    }
    expect((await callAs(port, cookie, 'sede.whoami')).status).toBe(200);
  });

  it('serves HTTPS with the organizer’s certificate: Secure cookie, and an unusable certificate is refused in Spanish', async () => {
    const certPem = fs.readFileSync(path.join(fixtures, 'venue-cert.pem'), 'utf8');
    const keyPem = fs.readFileSync(path.join(fixtures, 'venue-key.pem'), 'utf8');
    const bad = await app.fail('sede.start', { address: VENUE, port, tls: { certPem, keyPem: 'no es una clave' } });
    expect(bad.code).toBe('sede.error.badCertificate');
    expect(await app.call('sede.status', {})).toMatchObject({ on: false });

    const status = await app.call('sede.start', { address: VENUE, port, tls: { certPem, keyPem } });
    expect(status).toMatchObject({ on: true, https: true, url: `https://${VENUE}:${port}` });
    const { code, joinUrl } = await app.call('sede.invitations.create', { name: 'Tablet', scope: { role: 'organizer' }, validMinutes: 60 });
    expect(joinUrl).toBe(`https://${VENUE}:${port}/#/unirse/${code}`);
    const joined = await join(port, code, { https: true, ca: certPem });
    expect(joined.status).toBe(200);
    expect(joined.headers['set-cookie']?.[0]).toMatch(/; Secure$/);
    const whoami = await callAs(port, sessionCookie(joined), 'sede.whoami', {}, { https: true, ca: certPem });
    expect(whoami.json()).toMatchObject({ ok: true, result: { name: 'Tablet' } });
    // Plain HTTP gets no answer from the HTTPS listener.
    await expect(callAs(port, sessionCookie(joined), 'sede.whoami')).rejects.toBeDefined();
  });

  it('refuses to open on an address that is not this machine’s, the wildcard, or a busy port', async () => {
    for (const address of ['0.0.0.0', '::', 'sede.local']) {
      const error = await app.fail('sede.start', { address, port });
      expect(error.code).toBe('sede.error.badAddress');
    }
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, VENUE, resolve));
    try {
      const busy = await app.fail('sede.start', { address: VENUE, port });
      expect(busy.message).toBe(`Otro programa ya usa el puerto ${port} en ${VENUE}. Elija otro puerto.`);
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
    expect(await app.call('sede.status', {})).toMatchObject({ on: false });
  });

  it('lists the network interfaces, loopback marked internal', async () => {
    const interfaces = await app.call('sede.interfaces', {});
    expect(interfaces).toContainEqual({ name: expect.any(String), address: '127.0.0.1', family: 'IPv4', internal: true });
  });

  it('without a hub (no program owns the listeners) the mode cannot start, and says so', async () => {
    await hub.close();
    expect((await app.fail('sede.start', { address: VENUE, port })).code).toBe('sede.error.noHub');
    expect(await app.call('sede.status', {})).toMatchObject({ on: false });
  });

  it('a device’s last address and time are kept', async () => {
    await app.call('sede.start', { address: VENUE, port });
    const { code } = await app.call('sede.invitations.create', { name: 'Mesa 9', scope: { role: 'organizer' }, validMinutes: 60 });
    const cookie = sessionCookie(await join(port, code, { from: '127.0.0.3' }));
    await callAs(port, cookie, 'sede.whoami', {}, { from: '127.0.0.4' });
    await until(async () => (await app.call('sede.devices.list', {}))[0]?.address === '127.0.0.4');
  });
});
