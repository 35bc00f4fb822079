import type http from 'node:http';
import tls from 'node:tls';
import { AppError, isAppError } from '../../shared/errors';
import { formatTime, t } from '../../shared/i18n';
import type { Actor } from '../../shared/sede/roles';
import type { WhoAmI } from '../../shared/contract/sede';
import type { Services } from '../services/registry';
import type { HubController, HubStartOptions, HubState } from '../services/sede/controller';
import { OFF } from '../services/sede/controller';
import { noteSeen, redeemCode, revokeDevice, sessionOf } from '../services/sede/store';
import { hostPart, startHttpServer, type EndpointAnswer, type RunningServer } from './http';
import { JoinThrottle } from './join-throttle';

/** The venue session's cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
export const SESSION_COOKIE = 'bpge_sede';
/** The browser keeps the session across restarts for this long; the organizer revokes it sooner when needed. */
const COOKIE_MAX_AGE_S = 30 * 24 * 3600;
/** Open event streams one device may hold at once (the oldest is closed beyond this). */
export const MAX_STREAMS_PER_DEVICE = 3;
/** Joins, leaves and streams opening or closing are announced to the organizer's screens at most this often. */
const DEVICES_CHANGED_EVERY_MS = 500;
/** Last seen and address are written at most this often per device, not on every request. */
const SEEN_EVERY_MS = 60_000;

export interface HubOptions {
  services: Services;
  /** The built renderer, served to the devices as to the organizer's browser. */
  staticDir: string;
  log?: (message: string, error?: unknown) => void;
}

interface Venue {
  server: RunningServer;
  address: string;
  port: number;
  https: boolean;
}

/**
 * The HTTP servers of one running app: the loopback listener (the organizer's browser, no
 * session: `npm run serve`) and, while «Modo sede» is on, the venue listener on one interface
 * address, where every request needs a device session (cookie) except joining with a code.
 * Both are the same transport (startHttpServer) with its hardening; the venue one only adds the
 * session, its own Host, and the join and leave routes.
 */
export class Hub implements HubController {
  private loopback: RunningServer | null = null;
  private venue: Venue | null = null;
  /** The open event streams of each device, to close them when it is revoked. */
  private readonly streams = new Map<number, Set<() => void>>();
  private readonly seen = new Map<number, { at: number; address: string | null }>();
  private readonly throttle = new JoinThrottle();
  private devicesChangedTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(private readonly options: HubOptions) {
    this.log = options.log ?? ((message, error) => console.error(message, error));
    options.services.attachHub(this);
  }

  private get services(): Services {
    return this.options.services;
  }

  private now(): Date {
    return this.services.context.now();
  }

  /** The organizer's listener on 127.0.0.1 (no session: whoever reaches loopback is at this machine). */
  async openLoopback(port: number): Promise<RunningServer> {
    this.loopback = await startHttpServer({ services: this.services, staticDir: this.options.staticDir, port, log: this.log });
    return this.loopback;
  }

  state(): HubState {
    const venue = this.venue;
    if (!venue) return OFF;
    return { on: true, address: venue.address, port: venue.port, url: venue.server.url, https: venue.https };
  }

  async start({ address, port, tls: pem }: HubStartOptions): Promise<void> {
    if (pem) {
      try {
        // Also checks that the key is the certificate's: https.createServer would only fail at the first connection.
        tls.createSecureContext({ cert: pem.certPem, key: pem.keyPem });
      } catch (error) {
        throw new AppError('sede.error.badCertificate', { detail: error instanceof Error ? error.message : String(error) });
      }
    }
    await this.stop();
    const hostHeader = `${hostPart(address)}:${port}`;
    let server: RunningServer;
    try {
      server = await startHttpServer({
        services: this.services,
        staticDir: this.options.staticDir,
        host: address,
        port,
        log: this.log,
        ...(pem ? { tls: { cert: pem.certPem, key: pem.keyPem } } : {}),
        // Only the address the mode is on for: a stale listener (being closed) or any other name is refused.
        hosts: () => (this.venue?.address === address && this.venue.port === port ? [hostHeader] : []),
        authenticate: (req) => this.authenticate(req),
        session: { join: (input, req) => this.join(input, req), leave: (req) => this.leave(req) },
        onStream: (actor, close) => this.trackStream(actor, close),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The port as typed, not formatted as a quantity («45,933»).
      if (code === 'EADDRINUSE') throw new AppError('sede.error.portInUse', { address, port: String(port) });
      throw new AppError('sede.error.listen', { address, port: String(port), detail: error instanceof Error ? error.message : String(error) });
    }
    this.venue = { server, address, port, https: Boolean(pem) };
  }

  async stop(): Promise<void> {
    const venue = this.venue;
    if (!venue) return;
    this.venue = null;
    // Closes every connection, open event streams included, at once.
    await venue.server.close();
  }

  isConnected(deviceId: number): boolean {
    return (this.streams.get(deviceId)?.size ?? 0) > 0;
  }

  disconnect(deviceId: number): void {
    const open = this.streams.get(deviceId);
    // Forgotten now, not when each socket reports it closed (later): the device is not connected any more.
    this.streams.delete(deviceId);
    for (const close of open ?? []) close();
    this.seen.delete(deviceId);
  }

  disconnectAll(): void {
    for (const id of [...this.streams.keys()]) this.disconnect(id);
  }

  /** Closes both listeners (the program is ending). */
  async close(): Promise<void> {
    if (this.devicesChangedTimer) clearTimeout(this.devicesChangedTimer);
    this.devicesChangedTimer = null;
    await this.stop();
    await this.loopback?.close();
    this.loopback = null;
    this.services.attachHub(null);
  }

  private trackStream(actor: Actor, close: () => void): () => void {
    const id = actor.deviceId;
    if (id === null) return () => undefined;
    let open = this.streams.get(id);
    if (!open) this.streams.set(id, (open = new Set()));
    // A device needs one stream (a second tab, a reconnect racing the old one): beyond a few, the
    // oldest is closed, so one device cannot make the hub hold and feed a thousand of them.
    while (open.size >= MAX_STREAMS_PER_DEVICE) {
      const oldest = open.values().next().value as (() => void) | undefined;
      if (!oldest) break;
      open.delete(oldest);
      oldest();
    }
    open.add(close);
    // «Conectado» in the organizer's list changes when the first stream opens and the last closes.
    if (open.size === 1) this.devicesChanged();
    return () => {
      open.delete(close);
      if (open.size === 0 && this.streams.get(id) === open) {
        this.streams.delete(id);
        this.devicesChanged();
      }
    };
  }

  private authenticate(req: http.IncomingMessage): Actor | null {
    const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
    if (!token || !this.services.context.isReady) return null;
    const db = this.services.context.db();
    const actor = sessionOf(db, token);
    if (actor?.deviceId != null) this.noteSeen(actor.deviceId, req.socket.remoteAddress ?? null);
    return actor;
  }

  private noteSeen(deviceId: number, address: string | null): void {
    const now = this.now();
    const last = this.seen.get(deviceId);
    if (last && last.address === address && now.getTime() - last.at < SEEN_EVERY_MS) return;
    this.seen.set(deviceId, { at: now.getTime(), address });
    try {
      noteSeen(this.services.context.db(), deviceId, address, now);
    } catch (error) {
      // Bookkeeping: a busy or read-only database must not refuse the request itself.
      this.log('sede: no se pudo anotar la última conexión', error);
    }
  }

  private join(input: unknown, req: http.IncomingMessage): EndpointAnswer {
    const source = req.socket.remoteAddress ?? '';
    const now = this.now();
    const verdict = this.throttle.check(source, now);
    if (verdict.refused) return lockedOut(verdict.reason, verdict.until, now);
    const code = typeof input === 'object' && input !== null && 'code' in input ? (input as { code: unknown }).code : undefined;
    if (typeof code !== 'string' || code.trim() === '') return refusal(400, 'sede.error.missingCode');
    if (!this.services.context.isReady) return refusal(503, 'error.db.unavailable', { detail: '' });
    const redeemed = redeemCode(this.services.context.db(), code.slice(0, 64), source, now);
    if ('refused' in redeemed) {
      const after = this.throttle.fail(source, now);
      return after.refused ? lockedOut(after.reason, after.until, now) : refusal(401, redeemed.refused);
    }
    this.throttle.succeed(source);
    // A browser that already had a session (a tablet moving from one sala's projector to another
    // role) gets the new cookie in place of the old one: the old session ends rather than linger as a ghost device.
    const previous = this.authenticate(req);
    if (previous?.deviceId != null) this.endSession(previous.deviceId, t('sede.device.replaced'));
    this.devicesChanged();
    const { actor, token } = redeemed;
    const whoami: WhoAmI = { role: actor.scope.role, scope: actor.scope, deviceId: actor.deviceId, name: actor.name };
    return { status: 200, body: { ok: true, result: whoami }, headers: { 'Set-Cookie': this.cookie(token, COOKIE_MAX_AGE_S) } };
  }

  private leave(req: http.IncomingMessage): EndpointAnswer {
    const actor = this.authenticate(req);
    if (!actor || actor.deviceId === null) return refusal(401, 'sede.error.noSession');
    this.endSession(actor.deviceId, t('sede.device.left'));
    this.devicesChanged();
    return { status: 200, body: { ok: true, result: null }, headers: { 'Set-Cookie': this.cookie('', 0) } };
  }

  private endSession(deviceId: number, reason: string): void {
    try {
      revokeDevice(this.services.context.db(), deviceId, reason, this.now());
    } catch (error) {
      // Revoked meanwhile by the organizer: the session is over either way.
      if (!isAppError(error)) throw error;
    }
    this.disconnect(deviceId);
  }

  private cookie(value: string, maxAge: number): string {
    const secure = this.venue?.https ? '; Secure' : '';
    return `${SESSION_COOKIE}=${value}; Max-Age=${maxAge}; Path=/; HttpOnly; SameSite=Strict${secure}`;
  }

  /** A join, a leave or a stream opening or closing changes the organizer's device list, as a revoke does. */
  private devicesChanged(): void {
    // Coalesced: a device opening and closing streams in a loop must not make every organizer screen re-read the list each time.
    if (this.devicesChangedTimer) return;
    this.devicesChangedTimer = setTimeout(() => {
      this.devicesChangedTimer = null;
      this.services.events.emit('data.changed', { method: 'sede.devices.revoke', backup: false, records: { kind: 'sede', ids: [] }, scope: {} });
    }, DEVICES_CHANGED_EVERY_MS);
    this.devicesChangedTimer.unref?.();
  }
}

type RefusalKey = Parameters<typeof t>[0];

function refusal(status: number, key: RefusalKey, params?: Record<string, string>): EndpointAnswer {
  return { status, body: { ok: false, error: { code: key, message: t(key, params) } } };
}

function lockedOut(reason: 'source' | 'global', until: Date, now: Date): EndpointAnswer {
  const answer = refusal(429, reason === 'source' ? 'sede.error.lockedOut' : 'sede.error.busy', { time: formatTime(until.toISOString()) });
  return { ...answer, headers: { 'Retry-After': String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))) } };
}

/** One cookie's value from a Cookie header (the first, when a name repeats). */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}
