import type { Page, Route } from 'playwright-core';
import { sedeMethods, type CreatedInvitation, type Device, type Invitation, type NetworkInterfaceInfo, type SedeStatus, type WhoAmI } from '../../../shared/contract/sede';
import type { SessionScope } from '../../../shared/sede/roles';

/**
 * A stand-in for the venue hub's session and «Modo sede» methods, played at the HTTP level in
 * the page (page.route), while the hub's real ones are being written: every `sede.*` call, the
 * join and leave endpoints, and — for a device — the 401 the hub answers to any call without a
 * session. Every other call goes through to the real served app. The inputs are checked against
 * the contract's own schemas, so a screen that sends what the hub would refuse fails here too.
 * Once the hub is merged these fakes can be dropped: the tests then start serve with --sede and
 * create real invitations instead (this is the only file that plays the hub).
 */
export interface FakeHub {
  status: SedeStatus;
  interfaces: NetworkInterfaceInfo[];
  invitations: Invitation[];
  devices: Device[];
  /** This browser's session; null: none (whoami and every other call answer 401). */
  whoami: WhoAmI | null;
  /** The invitation codes the join accepts, and the session each one opens. */
  codes: Map<string, WhoAmI>;
  /** Every sede call the page made, with its input. */
  calls: { method: string; input: unknown }[];
  /** What the next invitation's code is. */
  nextCode: string;
}

export const ORGANIZER_SESSION: WhoAmI = { role: 'organizador', scope: { role: 'organizador' }, deviceId: null, name: null };

const NO_SESSION = { code: 'sede.error.noSession', message: 'Este dispositivo no tiene una sesión abierta en la sede. Ingrese el código de invitación que le dio la organización.' };

/** A QR code stand-in with a script inside: shown as an image, it must run nothing. */
export const FAKE_QR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" id="fake-qr" viewBox="0 0 4 4" width="200" height="200"><script>window.__qrScriptRan = true</script><rect width="4" height="4" fill="#fff"/><rect x="1" y="1" width="2" height="2" fill="#000"/></svg>';

export function device(id: number, name: string, scope: SessionScope, extra: Partial<Device> = {}): Device {
  return {
    id,
    name,
    scope,
    scopeLabel: scopeLabel(scope),
    address: `127.0.0.${id + 1}`,
    createdAt: '2026-05-20T13:00:00.000Z',
    lastSeenAt: '2026-05-20T14:05:00.000Z',
    revokedAt: null,
    revokedReason: null,
    connected: true,
    ...extra,
  };
}

function scopeLabel(scope: SessionScope): string {
  switch (scope.role) {
    case 'organizador':
      return 'Toda la sede';
    case 'jurado':
      return `Jurado ${scope.jurorId} · edición ${scope.editionId}`;
    case 'moderador':
      return `Salas ${scope.salaIds.join(', ')} · Encuentro ${scope.encuentroId}`;
    case 'registro':
      return `Puerta · Encuentro ${scope.encuentroId}`;
    case 'proyector':
      return scope.salaId !== null ? `Sala ${scope.salaId}` : `Práctica ${scope.practiceId}`;
  }
}

export function fakeHubState(overrides: Partial<FakeHub> = {}): FakeHub {
  return {
    status: { on: false, address: null, port: null, url: null, https: false, devices: 0, qrSvg: null },
    interfaces: [
      { name: 'lo', address: '127.0.0.1', family: 'IPv4', internal: true },
      { name: 'wlan0', address: '127.0.0.2', family: 'IPv4', internal: false },
    ],
    invitations: [],
    devices: [],
    whoami: ORGANIZER_SESSION,
    codes: new Map(),
    calls: [],
    nextCode: 'K7M2-P9QX',
    ...overrides,
  };
}

const json = (route: Route, status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });

/** Plays the hub for `page`; the returned state can be changed by the test at any time (e.g. `hub.whoami = null` revokes). */
export async function fakeSede(page: Page, hub: FakeHub = fakeHubState()): Promise<FakeHub> {
  let nextId = 100;
  const now = () => new Date().toISOString();
  const handlers: Record<string, (input: never) => unknown> = {
    'sede.whoami': () => hub.whoami,
    'sede.status': () => hub.status,
    'sede.interfaces': () => hub.interfaces,
    'sede.start': (input: { address: string; port?: number; tls?: unknown }) => {
      const port = input.port ?? 8443;
      const https = input.tls !== undefined;
      hub.status = { on: true, address: input.address, port, url: `${https ? 'https' : 'http'}://${input.address}:${port}/`, https, devices: hub.devices.filter((d) => !d.revokedAt).length, qrSvg: null };
      return hub.status;
    },
    'sede.stop': () => {
      hub.status = { on: false, address: null, port: null, url: null, https: false, devices: 0, qrSvg: null };
      hub.devices = hub.devices.map((d) => ({ ...d, connected: false }));
      return hub.status;
    },
    'sede.invitations.list': () => hub.invitations,
    'sede.invitations.create': (input: { name: string; scope: SessionScope; validMinutes: number }) => {
      const created = now();
      const invitation: Invitation = {
        id: nextId++,
        name: input.name,
        scope: input.scope,
        scopeLabel: scopeLabel(input.scope),
        createdAt: created,
        expiresAt: new Date(Date.now() + input.validMinutes * 60_000).toISOString(),
        usedAt: null,
        cancelledAt: null,
        deviceId: null,
      };
      hub.invitations.push(invitation);
      const joinUrl = hub.status.url ? `${hub.status.url}#/unirse/${hub.nextCode}` : null;
      const answer: CreatedInvitation = { ...invitation, code: hub.nextCode, joinUrl, qrSvg: joinUrl ? FAKE_QR_SVG : null };
      hub.codes.set(hub.nextCode, { role: input.scope.role, scope: input.scope, deviceId: nextId++, name: input.name });
      return answer;
    },
    'sede.invitations.cancel': (input: { id: number }) => {
      const invitation = hub.invitations.find((i) => i.id === input.id)!;
      invitation.cancelledAt = now();
      return invitation;
    },
    'sede.devices.list': () => hub.devices,
    'sede.devices.revoke': (input: { id: number }) => {
      const found = hub.devices.find((d) => d.id === input.id)!;
      found.revokedAt = now();
      found.connected = false;
      return found;
    },
  };

  await page.route('**/api/call/**', async (route) => {
    const method = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^\/api\/call\//, ''));
    if (hub.whoami === null) return json(route, 401, { ok: false, error: NO_SESSION });
    if (!method.startsWith('sede.')) return route.continue();
    const raw: unknown = route.request().postDataJSON();
    hub.calls.push({ method, input: raw });
    const spec = sedeMethods[method as keyof typeof sedeMethods];
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) return json(route, 200, { ok: false, error: { code: 'error.validation', message: `Entrada inválida para ${method}: ${parsed.error.message}` } });
    return json(route, 200, { ok: true, result: handlers[method]!(parsed.data as never) });
  });

  await page.route('**/api/sede/unirse', async (route) => {
    const { code } = route.request().postDataJSON() as { code: string };
    hub.calls.push({ method: 'unirse', input: { code } });
    const session = hub.codes.get(code);
    if (!session) return json(route, 401, { ok: false, error: { code: 'sede.error.badCode', message: 'El código no es válido o ya venció.' } });
    hub.codes.delete(code);
    hub.whoami = session;
    return json(route, 200, { ok: true, result: session });
  });

  await page.route('**/api/sede/salir', async (route) => {
    hub.calls.push({ method: 'salir', input: null });
    hub.whoami = null;
    return json(route, 200, { ok: true, result: null });
  });
  return hub;
}
