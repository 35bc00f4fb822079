import net from 'node:net';
import os from 'node:os';
import QRCode from 'qrcode';
import type { Handlers } from '../../../shared/contract';
import type { NetworkInterfaceInfo, SedeStatus } from '../../../shared/contract/sede';
import { AppError } from '../../../shared/errors';
import type { AppContext } from '../context';
import { currentActor } from '../actor';
import { DEFAULT_VENUE_PORT, OFF, type HubController } from './controller';
import { cancelInvitation, countActiveDevices, createInvitation, getDevice, listDevices, listInvitations, revokeDevice } from './store';

type SedeMethod = Extract<keyof Handlers, `sede.${string}`>;

/** Where the handlers find the hub; empty until the program that owns the listeners attaches one. */
export interface HubSlot {
  hub: HubController | null;
}

/** The QR code a phone's camera reads, as an SVG document (shown as an image: never inlined as markup). */
function qrSvgOf(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** «Modo sede» services. */
export function sedeHandlers(context: AppContext, slot: HubSlot): Pick<Handlers, SedeMethod> {
  const hubState = () => slot.hub?.state() ?? OFF;
  const connected = (id: number) => slot.hub?.isConnected(id) ?? false;
  const status = async (): Promise<SedeStatus> => {
    const state = hubState();
    return { ...state, devices: context.isReady ? countActiveDevices(context.db()) : 0, qrSvg: state.url ? await qrSvgOf(state.url) : null };
  };
  const requireHub = (): HubController => {
    if (!slot.hub) throw new AppError('sede.error.noHub');
    return slot.hub;
  };

  return {
    'sede.status': () => status(),
    'sede.interfaces': () => networkInterfaces(),
    'sede.start': async ({ address, port, tls }) => {
      const hub = requireHub();
      const chosen = address.trim();
      if (!isOwnAddress(chosen)) throw new AppError('sede.error.badAddress', { address: chosen });
      await hub.start({ address: chosen, port: port ?? DEFAULT_VENUE_PORT, ...(tls ? { tls } : {}) });
      return status();
    },
    'sede.stop': async () => {
      await slot.hub?.stop();
      return status();
    },
    'sede.invitations.list': () => listInvitations(context.db()),
    'sede.invitations.create': async (input) => {
      const created = createInvitation(context.db(), input, context.now());
      const { url } = hubState();
      const joinUrl = url ? `${url}/#/unirse/${created.code}` : null;
      const qrSvg = joinUrl ? await qrSvgOf(joinUrl) : null;
      return { ...created, joinUrl, qrSvg };
    },
    'sede.invitations.cancel': ({ id }) => cancelInvitation(context.db(), id, context.now()),
    'sede.devices.list': () => listDevices(context.db(), connected),
    'sede.devices.revoke': ({ id, reason }) => {
      const db = context.db();
      revokeDevice(db, id, reason ?? '', context.now());
      // After the write: a stream closed now cannot reconnect, its session is already gone.
      slot.hub?.disconnect(id);
      return getDevice(db, id, connected);
    },
    'sede.whoami': () => {
      const actor = currentActor();
      return { role: actor.scope.role, scope: actor.scope, deviceId: actor.deviceId, name: actor.name };
    },
  };
}

/** The machine's interfaces (IPv4 and IPv6), loopback included but marked internal. */
export function networkInterfaces(): NetworkInterfaceInfo[] {
  const found: NetworkInterfaceInfo[] = [];
  for (const [name, addresses] of Object.entries(os.networkInterfaces())) {
    for (const info of addresses ?? []) {
      if (info.family !== 'IPv4' && info.family !== 'IPv6') continue;
      // Link-local IPv6 (fe80::) needs a zone id in every URL: no device could type it.
      if (info.family === 'IPv6' && info.address.toLowerCase().startsWith('fe80:')) continue;
      found.push({ name, address: info.address, family: info.family, internal: info.internal });
    }
  }
  return found;
}

/**
 * An address of this machine: one of its interfaces, or any loopback address (the whole
 * 127.0.0.0/8 answers locally; tests stand 127.0.0.2 in for the venue interface). Never the
 * wildcard (0.0.0.0, ::), which would open the hub on every network the laptop is on.
 */
function isOwnAddress(address: string): boolean {
  if (!net.isIP(address)) return false;
  if (net.isIPv4(address) && address.startsWith('127.')) return true;
  if (address === '::1') return true;
  return networkInterfaces().some((info) => info.address === address);
}
