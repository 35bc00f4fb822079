import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/services';
import { callAs, freePort, request, VENUE } from '../../support/sede';

const root = path.join(import.meta.dirname, '..', '..', '..');

/** `npm run serve -- --sede`: the same sede.start path as the desktop app, beside the loopback listener. */
describe('serve --sede', () => {
  let child: ChildProcess | null = null;
  const folder = tempDir('bpge-serve-sede-');

  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    folder.cleanup();
  });

  it('opens the organizer on 127.0.0.1:--port and the venue on --host:--sede-port', async () => {
    const port = await freePort('127.0.0.1');
    const venuePort = await freePort(VENUE);
    const dbPath = path.join(folder.dir, 'sede.db');
    const args = ['--import', 'tsx', 'electron/serve.ts', '--db', dbPath, '--port', String(port), '--sede', '--host', VENUE, '--sede-port', String(venuePort)];
    child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (let i = 0; i < 600 && !output.includes('Modo sede activo'); i += 1) {
      if (child.exitCode !== null) throw new Error(`serve ended: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output).toContain(`Modo sede activo: los dispositivos de la sede entran en http://${VENUE}:${venuePort}`);

    const status = await request('127.0.0.1', port, '/api/call/sede.status', { body: '{}' });
    expect(status.json()).toMatchObject({ ok: true, result: { on: true, address: VENUE, port: venuePort } });
    // The venue listener needs a session; the loopback one does not.
    expect((await callAs(venuePort, null, 'sede.whoami')).status).toBe(401);
  });
});
