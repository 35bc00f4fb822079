import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../../electron/server/hub';
import { SOURCE_FAILURES } from '../../../electron/server/join-throttle';
import { openTestApp, sampleEdition, type TestApp } from '../../support/services';
import { callAs, freePort, join, makeHub, request, sessionCookie, VENUE } from '../../support/sede';

/** Joining the venue with an invitation code: the session cookie, single use, expiry, throttling. */
describe('Modo sede: joining with a code', () => {
  let app: TestApp;
  let hub: Hub;
  let port: number;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date('2026-12-06T15:00:00Z');
    app = await openTestApp({ now: () => clock });
    hub = makeHub(app);
    port = await freePort();
    await app.call('sede.start', { address: VENUE, port });
  });
  afterEach(async () => {
    await hub.close();
    app.close();
  });

  async function jurorScope() {
    const edition = await app.call('editions.create', sampleEdition);
    const juror = await app.call('jurors.create', { editionId: edition.id, fields: { name: 'Ana Quispe', institution: 'MINEDU', cargo: 'Especialista', affiliations: [] } });
    return { role: 'juror' as const, editionId: edition.id, jurorId: juror.id };
  }

  it('a valid code opens a session: the cookie makes whoami answer the invitation’s role, scope and name', async () => {
    const scope = await jurorScope();
    const invitation = await app.call('sede.invitations.create', { name: 'Tablet jurado 1', scope, validMinutes: 60 });
    expect(invitation.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(invitation.joinUrl).toBe(`http://${VENUE}:${port}/#/unirse/${invitation.code}`);
    expect(invitation.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(invitation.scopeLabel).toContain('Ana Quispe');

    const noSession = await callAs(port, null, 'sede.whoami');
    expect(noSession.status).toBe(401);
    expect(noSession.json().error?.code).toBe('sede.error.noSession');

    // Typed in lower case, without the dash, with an O for the zero: still the code.
    const typed = invitation.code.toLowerCase().replace('-', ' ').replace(/0/g, 'o');
    const joined = await join(port, typed);
    expect(joined.status).toBe(200);
    expect(joined.json()).toEqual({ ok: true, result: { role: 'juror', scope, deviceId: expect.any(Number), name: 'Tablet jurado 1' } });

    const whoami = await callAs(port, sessionCookie(joined), 'sede.whoami');
    expect(whoami.status).toBe(200);
    expect(whoami.json()).toEqual(joined.json());

    const [device] = await app.call('sede.devices.list', {});
    expect(device).toMatchObject({ name: 'Tablet jurado 1', address: '127.0.0.1', revokedAt: null, scope });
    const [listed] = await app.call('sede.invitations.list', {});
    expect(listed).toMatchObject({ usedAt: expect.any(String), deviceId: device!.id });
    expect(await app.call('sede.status', {})).toMatchObject({ on: true, address: VENUE, port, devices: 1, https: false });
  });

  it('the cookie is HttpOnly, SameSite=Strict, Path=/ and not Secure over plain HTTP', async () => {
    const { code } = await app.call('sede.invitations.create', { name: 'Proyector', scope: { role: 'organizer' }, validMinutes: 60 });
    const joined = await join(port, code);
    const setCookie = joined.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/^bpge_sede=[A-Za-z0-9_-]{43};/);
    const flags = setCookie.split(';').map((part) => part.trim().toLowerCase());
    expect(flags).toContain('httponly');
    expect(flags).toContain('samesite=strict');
    expect(flags).toContain('path=/');
    expect(flags).not.toContain('secure');
  });

  it('a code works once: a second device typing it is refused', async () => {
    const { code } = await app.call('sede.invitations.create', { name: 'Mesa 1', scope: { role: 'organizer' }, validMinutes: 60 });
    expect((await join(port, code)).status).toBe(200);
    const again = await join(port, code, { from: '127.0.0.3' });
    expect(again.status).toBe(401);
    expect(again.json().error).toMatchObject({ code: 'sede.error.codeUsed', message: expect.stringContaining('ya fue usado') });
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(await app.call('sede.devices.list', {})).toHaveLength(1);
  });

  it('an expired code is refused; one cancelled by the organizer too', async () => {
    const expiring = await app.call('sede.invitations.create', { name: 'Mesa 2', scope: { role: 'organizer' }, validMinutes: 5 });
    const cancelled = await app.call('sede.invitations.create', { name: 'Mesa 3', scope: { role: 'organizer' }, validMinutes: 60 });
    expect(expiring.expiresAt).toBe('2026-12-06T15:05:00.000Z');
    await app.call('sede.invitations.cancel', { id: cancelled.id });
    clock = new Date('2026-12-06T15:05:00Z');
    const late = await join(port, expiring.code);
    expect(late.status).toBe(401);
    expect(late.json().error?.code).toBe('sede.error.codeExpired');
    const withdrawn = await join(port, cancelled.code);
    expect(withdrawn.json().error?.code).toBe('sede.error.codeCancelled');
    expect(await app.call('sede.devices.list', {})).toEqual([]);
    // A used or cancelled invitation cannot be cancelled (again).
    expect((await app.fail('sede.invitations.cancel', { id: cancelled.id })).code).toBe('sede.error.invitationClosed');
  });

  it('wrong codes lock out their source after a few tries, with the time it ends; another source is not affected', async () => {
    const { code } = await app.call('sede.invitations.create', { name: 'Mesa 4', scope: { role: 'organizer' }, validMinutes: 60 });
    for (let i = 1; i < SOURCE_FAILURES; i += 1) {
      const wrong = await join(port, 'ZZZZ-ZZZZ', { from: '127.0.0.3' });
      expect(wrong.status).toBe(401);
      expect(wrong.json().error?.code).toBe('sede.error.badCode');
    }
    const last = await join(port, 'ZZZZ-ZZZZ', { from: '127.0.0.3' });
    expect(last.status).toBe(429);
    // 15:00 UTC + 10 minutes is 10:10 in Peru.
    expect(last.json().error).toMatchObject({ code: 'sede.error.lockedOut', message: expect.stringContaining('10:10') });
    // Locked out: even the right code is not looked at from there.
    const right = await join(port, code, { from: '127.0.0.3' });
    expect(right.status).toBe(429);
    expect(right.headers['set-cookie']).toBeUndefined();
    // Another address joins with it.
    const other = await join(port, code, { from: '127.0.0.4' });
    expect(other.status).toBe(200);
    // The lock-out ends.
    clock = new Date('2026-12-06T15:10:01Z');
    expect((await join(port, 'ZZZZ-ZZZZ', { from: '127.0.0.3' })).status).toBe(401);
  });

  it('many sources guessing together hit the overall cap', async () => {
    const { code } = await app.call('sede.invitations.create', { name: 'Mesa 5', scope: { role: 'organizer' }, validMinutes: 60 });
    // 15 sources × 4 wrong codes (under each one's lock-out) = the overall cap of 60 a minute.
    for (let source = 10; source < 25; source += 1) {
      for (let i = 0; i < SOURCE_FAILURES - 1; i += 1) await join(port, 'ZZZZ-ZZZZ', { from: `127.0.0.${source}` });
    }
    const busy = await join(port, code, { from: '127.0.0.4' });
    expect(busy.status).toBe(429);
    expect(busy.json().error?.code).toBe('sede.error.busy');
    clock = new Date('2026-12-06T15:01:01Z');
    expect((await join(port, code, { from: '127.0.0.4' })).status).toBe(200);
  });

  it('notes a device’s last call at most once a minute, unless its address changes', async () => {
    const { code } = await app.call('sede.invitations.create', { name: 'Mesa 8', scope: { role: 'organizer' }, validMinutes: 60 });
    const cookie = sessionCookie(await join(port, code, { from: '127.0.0.3' }));
    const lastSeen = async () => (await app.call('sede.devices.list', {}))[0]!;
    clock = new Date('2026-12-06T15:00:30Z');
    await callAs(port, cookie, 'sede.whoami', {}, { from: '127.0.0.3' });
    await callAs(port, cookie, 'sede.whoami', {}, { from: '127.0.0.3' });
    expect(await lastSeen()).toMatchObject({ lastSeenAt: '2026-12-06T15:00:30.000Z', address: '127.0.0.3' });
    clock = new Date('2026-12-06T15:00:50Z');
    await callAs(port, cookie, 'sede.whoami', {}, { from: '127.0.0.3' });
    expect((await lastSeen()).lastSeenAt).toBe('2026-12-06T15:00:30.000Z');
    await callAs(port, cookie, 'sede.whoami', {}, { from: '127.0.0.4' });
    expect(await lastSeen()).toMatchObject({ lastSeenAt: '2026-12-06T15:00:50.000Z', address: '127.0.0.4' });
    clock = new Date('2026-12-06T15:01:51Z');
    await callAs(port, cookie, 'sede.whoami', {}, { from: '127.0.0.4' });
    expect((await lastSeen()).lastSeenAt).toBe('2026-12-06T15:01:51.000Z');
  });

  it('stores codes and session tokens only as hashes', async () => {
    const { code } = await app.call('sede.invitations.create', { name: 'Mesa 6', scope: { role: 'organizer' }, validMinutes: 60 });
    const token = sessionCookie(await join(port, code)).split('=')[1]!;
    const db = new Database(app.dbPath, { readonly: true, fileMustExist: true });
    try {
      const dump = JSON.stringify([db.prepare('SELECT * FROM sede_invitation').all(), db.prepare('SELECT * FROM sede_device').all()]);
      expect(dump).not.toContain(token);
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace('-', ''));
      expect(dump).toMatch(/"token_hash":"[0-9a-f]{64}"/);
      expect(dump).toMatch(/"code_hash":"[0-9a-f]{64}"/);
    } finally {
      db.close();
    }
  });

  it('refuses an invitation whose scope names records that do not exist, in Spanish, writing nothing', async () => {
    const scope = await jurorScope();
    const error = await app.fail('sede.invitations.create', { name: 'X', scope: { ...scope, jurorId: scope.jurorId + 99 }, validMinutes: 60 });
    expect(error.message).toBe(`El jurado ${scope.jurorId + 99} no pertenece a esa edición.`);
    const noEncuentro = await app.fail('sede.invitations.create', { name: 'X', scope: { role: 'checkIn', encuentroId: 42 }, validMinutes: 60 });
    expect(noEncuentro.message).toBe('No existe el Encuentro 42.');
    expect(await app.call('sede.invitations.list', {})).toEqual([]);
  });

  it('survives hostile join requests: huge body, bad JSON, missing or odd code, wrong method', async () => {
    const cases: { body: string; status: number }[] = [
      { body: JSON.stringify({ code: 'A'.repeat(100_000) }), status: 413 },
      { body: '{"code": ', status: 400 },
      { body: '{}', status: 400 },
      { body: 'null', status: 400 },
      { body: '[1,2]', status: 400 },
      { body: JSON.stringify({ code: 12345678 }), status: 400 },
      { body: JSON.stringify({ code: { $ne: null } }), status: 400 },
      { body: JSON.stringify({ code: '\u0000\u{1F600}-ÿÿÿÿ' }), status: 401 },
    ];
    for (const { body, status } of cases) {
      const answer = await request(VENUE, port, '/api/sede/unirse', { body, from: '127.0.0.5' });
      expect(answer.status, body.slice(0, 40)).toBe(status);
      // Every refusal is a wire result the join page can show.
      expect(answer.json()).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
    }
    const get = await request(VENUE, port, '/api/sede/unirse', { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.json().error?.code).toBe('error.http.methodNotAllowed');
    const missing = await request(VENUE, port, '/api/sede/unirse', { body: '{}' });
    expect(missing.json().error?.message).toContain('código de invitación');
    // Still serving, and a real code still works.
    const { code } = await app.call('sede.invitations.create', { name: 'Mesa 7', scope: { role: 'organizer' }, validMinutes: 60 });
    expect((await join(port, code)).status).toBe(200);
  });

  it('never stops, whatever body arrives at the join route (property, 40 runs)', async () => {
    const bodies = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json(),
      fc.record({ code: fc.oneof(fc.string({ maxLength: 80 }), fc.integer(), fc.constant(null), fc.array(fc.string())) }).map((value) => JSON.stringify(value)),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const answer = await request(VENUE, port, '/api/sede/unirse', { body, from: '127.0.0.7' });
        expect([400, 401, 429]).toContain(answer.status);
        expect(answer.headers['set-cookie']).toBeUndefined();
        expect(answer.json().ok).toBe(false);
      }),
      { numRuns: 40 },
    );
    const { code } = await app.call('sede.invitations.create', { name: 'Mesa 10', scope: { role: 'organizer' }, validMinutes: 60 });
    expect((await join(port, code)).status).toBe(200);
  });
});
