import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The built app's serve mode as a child process the tests can start, kill and start again. */

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const SERVE = path.join(ROOT, 'out', 'main', 'serve.js');

/** Starts `serve.js` with `args` and waits until `ready` finds what it needs in the output so far. */
export function launchServe<T>(args: string[], ready: (output: string) => T | null): Promise<{ child: ChildProcess; found: T }> {
  if (!fs.existsSync(SERVE)) throw new Error(`Missing ${SERVE}: run «npx electron-vite build» before the e2e tests.`);
  const child = spawn(process.execPath, [SERVE, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = ready(output);
      if (found !== null) {
        clearTimeout(timer);
        resolve({ child, found });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (code ${code}):\n${output}`));
    });
  });
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGKILL: no shutdown handler runs, as when the laptop loses power. */
export async function killServe(child: ChildProcess): Promise<void> {
  const done = exited(child);
  child.kill('SIGKILL');
  await done;
}

/** SIGTERM, and SIGKILL if it has not exited within 5 s. */
export async function stopServe(child: ChildProcess): Promise<void> {
  const done = exited(child);
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5_000));
  if ((await Promise.race([done, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await done;
  }
}

/** Starts again after a kill: a port may linger for a moment, so a failed start is retried briefly. */
export async function relaunchServe<T>(start: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}
