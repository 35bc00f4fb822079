import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { killServe, launchServe, relaunchServe, stopServe } from './serve-process';

/**
 * The app served as the venue's hub (`serve --sede`): the organizer's listener on 127.0.0.1 and
 * the venue listener on 127.0.0.2, standing in for the Wi-Fi interface (tests talk only to this
 * machine). It can be killed with SIGKILL and started again on the same database and ports.
 */

const LOCAL_READY = /sirviendo en (http:\/\/\S+)/;
const VENUE_READY = /entran en (http:\/\/\S+)/;
export const VENUE_ADDRESS = '127.0.0.2';

export interface SedeHub {
  /** The organizer's own listener (loopback, no session needed). */
  localUrl: string;
  /** The venue listener devices join on, without the trailing slash. */
  venueUrl: string;
  dbPath: string;
  /** SIGKILL: no shutdown handler runs, as when the laptop loses power. */
  kill(): Promise<void>;
  /** Starts the hub again with the same flags, database and ports. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A port free on `host` now (the kernel picks it; the listener is closed at once). */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function launch(args: string[]): Promise<{ child: ChildProcess; localUrl: string; venueUrl: string }> {
  const { child, found } = await launchServe(args, (output) => {
    const local = LOCAL_READY.exec(output)?.[1];
    const venue = VENUE_READY.exec(output)?.[1];
    return local && venue ? { localUrl: local.replace(/\/$/, ''), venueUrl: venue.replace(/\/$/, '') } : null;
  });
  return { child, ...found };
}

export async function startSedeHub(options: { demo?: boolean } = {}): Promise<SedeHub> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-e2e-sede-'));
  const dbPath = path.join(dir, 'sede.db');
  const [port, sedePort] = await Promise.all([freePort('127.0.0.1'), freePort(VENUE_ADDRESS)]);
  const args = ['--db', dbPath, '--port', String(port), '--sede', '--host', VENUE_ADDRESS, '--sede-port', String(sedePort)];
  let { child, localUrl, venueUrl } = await launch([...args, ...(options.demo ? ['--demo'] : [])]);
  const hub: SedeHub = {
    localUrl,
    venueUrl,
    dbPath,
    kill: () => killServe(child),
    restart: async () => {
      ({ child, localUrl, venueUrl } = await relaunchServe(() => launch(args)));
      hub.localUrl = localUrl;
      hub.venueUrl = venueUrl;
    },
    stop: async () => {
      await stopServe(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return hub;
}
