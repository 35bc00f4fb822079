import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The app served as the venue's hub (`serve --sede`): the organizer's listener on 127.0.0.1 and
 * the venue listener on 127.0.0.2, standing in for the Wi-Fi interface (tests talk only to this
 * machine). It can be killed with SIGKILL and started again on the same database and ports.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const SERVE = path.join(ROOT, 'out', 'main', 'serve.js');
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

function launch(args: string[]): Promise<{ child: ChildProcess; localUrl: string; venueUrl: string }> {
  if (!fs.existsSync(SERVE)) throw new Error(`Missing ${SERVE}: run «npx electron-vite build» before the e2e tests.`);
  const child = spawn(process.execPath, [SERVE, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The hub did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const local = LOCAL_READY.exec(output)?.[1];
      const venue = VENUE_READY.exec(output)?.[1];
      if (local && venue) {
        clearTimeout(timer);
        resolve({ child, localUrl: local.replace(/\/$/, ''), venueUrl: venue.replace(/\/$/, '') });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The hub exited (code ${code}):\n${output}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
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
    kill: async () => {
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
    },
    restart: async () => {
      // A port may linger for a moment after a kill: retry briefly.
      for (let attempt = 0; ; attempt++) {
        try {
          ({ child, localUrl, venueUrl } = await launch(args));
          hub.localUrl = localUrl;
          hub.venueUrl = venueUrl;
          return;
        } catch (error) {
          if (attempt >= 10) throw error;
          await new Promise((r) => setTimeout(r, 300));
        }
      }
    },
    stop: async () => {
      const done = exited(child);
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5_000));
      if ((await Promise.race([done, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await done;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return hub;
}
