import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ServedApp {
  url: string;
  dir: string;
  dbPath: string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const SERVE = path.join(ROOT, 'out', 'main', 'serve.js');
const READY = /sirviendo en (http:\/\/\S+)/;

/**
 * Starts the built app in serve mode on a fresh database in a temp folder, on a free
 * port, and waits for its "sirviendo en http://…" line. Needs `electron-vite build` first.
 */
export async function startServer(options: { demo?: boolean; prepare?: (dbPath: string) => void } = {}): Promise<ServedApp> {
  if (!fs.existsSync(SERVE)) throw new Error(`Missing ${SERVE}: run «npx electron-vite build» before the e2e tests.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-e2e-'));
  const dbPath = path.join(dir, 'test.db');
  options.prepare?.(dbPath);
  const args = [SERVE, '--db', dbPath, '--port', '0', ...(options.demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (code ${code}):\n${output}`));
    });
  });
  return {
    url,
    dir,
    dbPath,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
