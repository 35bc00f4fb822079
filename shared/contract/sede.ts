import { z } from 'zod';
import { sessionScope, type Role, type SessionScope } from '../sede/roles';
import { id, optionalText, requiredText } from '../domain/schemas';
import { method, ORGANIZER } from './define';

/** A network interface the hub can listen on (os.networkInterfaces, loopback included for tests and a single machine). */
export interface NetworkInterfaceInfo {
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  internal: boolean;
}

export interface SedeStatus {
  on: boolean;
  /** The address and port the venue listener is bound to, and the address devices type (null while off). */
  address: string | null;
  port: number | null;
  url: string | null;
  https: boolean;
  /** Devices with an open session that are not revoked. */
  devices: number;
  /** The QR code of `url` as an SVG document, for devices to open the hub's address (null while off). */
  qrSvg: string | null;
}

export interface Invitation {
  id: number;
  name: string;
  scope: SessionScope;
  /** Readable description of the scope (e.g. «Sala 2 · III Encuentro»). */
  scopeLabel: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  cancelledAt: string | null;
  /** The device that joined with it (null until used). */
  deviceId: number | null;
}

/** What creating an invitation answers, the only time the code is shown (only its hash is kept). */
export interface CreatedInvitation extends Invitation {
  /** The short code to type, e.g. «K7M2-P9QX». */
  code: string;
  /** The hub's address with the code, as the QR code encodes it (null while the mode is off). */
  joinUrl: string | null;
  /** The QR code of joinUrl as an SVG document (null while the mode is off). */
  qrSvg: string | null;
}

export interface Device {
  id: number;
  name: string;
  scope: SessionScope;
  scopeLabel: string;
  /** The address it last called from. */
  address: string | null;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** Why it was revoked (the organizer's reason, or that the device left); '' when none was given, null while active. */
  revokedReason: string | null;
  /** Has an open event stream now. */
  connected: boolean;
}

/** The caller as the server sees it: the screens a device shows follow from this. */
export interface WhoAmI {
  role: Role;
  scope: SessionScope;
  deviceId: number | null;
  name: string | null;
}

const port = z.number().int().min(1024).max(65535);

/** «Modo sede»: the organizer's computer as the hub of the venue network (README, «Modo sede»). */
export const sedeMethods = {
  'sede.status': method<SedeStatus>('read', ORGANIZER)(z.object({})),
  'sede.interfaces': method<NetworkInterfaceInfo[]>('read', ORGANIZER)(z.object({})),
  /** Opens the venue listener on one interface; HTTPS when a certificate and its key (PEM text) are given. */
  'sede.start': method<SedeStatus>('write', ['sede'], ORGANIZER)(
    z.object({
      address: requiredText(100),
      port: port.optional(),
      tls: z.object({ certPem: z.string().min(1).max(200_000), keyPem: z.string().min(1).max(200_000) }).optional(),
    }),
  ),
  /** Closes the venue listener and every remote session's open connection at once. */
  'sede.stop': method<SedeStatus>('write', ['sede'], ORGANIZER)(z.object({})),
  'sede.invitations.list': method<Invitation[]>('read', ORGANIZER)(z.object({})),
  /** A single-use code that expires; the device that enters it gets its own session. */
  'sede.invitations.create': method<CreatedInvitation>('write', ['sede'], ORGANIZER)(
    z.object({ name: requiredText(120), scope: sessionScope, validMinutes: z.number().int().min(1).max(24 * 60).default(60) }),
  ),
  'sede.invitations.cancel': method<Invitation>('write', ['sede'], ORGANIZER)(z.object({ id })),
  'sede.devices.list': method<Device[]>('read', ORGANIZER)(z.object({})),
  /** Takes effect at once: the device's open event stream is closed and its next call refused. */
  'sede.devices.revoke': method<Device>('write', ['sede'], ORGANIZER)(z.object({ id, reason: optionalText(500) })),
  /** The caller's role and scope: open to every role. */
  'sede.whoami': method<WhoAmI>('read', { juror: { target: 'none' }, moderator: { target: 'none' }, checkIn: { target: 'none' }, projector: { target: 'none' } })(z.object({})),
};
