import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../../electron/server/http';
import { deviceActor, testDeviceAuth } from '../../support/actors';
import { openEncuentro, type EncuentroFixture } from '../encuentro/support';

/** Over the HTTP transport, the device of the session is what the records name. */
describe('who did what, through HTTP', () => {
  let f: EncuentroFixture;
  let server: RunningServer;
  beforeAll(async () => {
    f = await openEncuentro();
    const staticDir = path.join(f.app.dir, 'renderer');
    fs.mkdirSync(staticDir, { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>BPGE</title>');
    server = await startHttpServer({ services: f.app.services, staticDir, host: '127.0.0.1', port: 0, authenticate: testDeviceAuth([deviceActor(31, 'Mesa 1')]) });
  });
  afterAll(async () => {
    await server.close();
    f.app.close();
  });

  const post = async (method: string, body: unknown, device?: string) => {
    const response = await fetch(`${server.url}/api/call/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(device ? { 'x-test-device': device } : {}) },
      body: JSON.stringify(body),
    });
    const reply = (await response.json()) as { ok: boolean; result: unknown };
    expect(reply.ok).toBe(true);
    return reply.result as Record<string, unknown>;
  };

  it('a check-in desk registers and checks in: «registrado por Mesa 1»', async () => {
    const person = await post('encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName: 'Rosa Quispe', institutionType: 'ugel' }, checkIn: true }, 'Mesa 1');
    expect(person).toMatchObject({ registeredBy: 'Mesa 1', checkedInBy: 'Mesa 1', registeredFrom: { deviceId: 31, name: 'Mesa 1' } });
    const local = await post('encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName: 'Ana Torres', institutionType: 'ugel' } });
    expect(local).toMatchObject({ registeredBy: 'Organización (computadora de la sede)', registeredFrom: { deviceId: null } });
  });
});
