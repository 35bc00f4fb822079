import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhoAmI } from '../../../shared/contract/sede';
import { openSedeHub, type SedeHub } from '../../support/sede-session';
import { openEncuentro, type EncuentroFixture } from '../encuentro/support';

/** Over the HTTP transport, the device of the session is what the records name. */
describe('who did what, through HTTP', () => {
  let f: EncuentroFixture;
  let hub: SedeHub;
  beforeAll(async () => {
    f = await openEncuentro();
    const staticDir = path.join(f.app.dir, 'renderer');
    fs.mkdirSync(staticDir, { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>BPGE</title>');
    hub = await openSedeHub(f.app.services, staticDir);
  });
  afterAll(async () => {
    await hub?.close();
    f?.app.close();
  });

  it('a check-in desk registers and checks in: «registrado por Mesa 1»', async () => {
    const desk = hub.join({ role: 'checkIn', encuentroId: f.encuentroId }, 'Mesa 1');
    const { deviceId } = await desk.result<WhoAmI>('sede.whoami', {});
    expect(deviceId).toEqual(expect.any(Number));
    const person = await desk.result('encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName: 'Rosa Quispe', institutionType: 'ugel' }, checkIn: true });
    expect(person).toMatchObject({ registeredBy: 'Mesa 1', checkedInBy: 'Mesa 1', registeredFrom: { deviceId, name: 'Mesa 1' } });
    const local = await hub.local.result('encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName: 'Ana Torres', institutionType: 'ugel' } });
    expect(local).toMatchObject({ registeredBy: 'Organización (computadora de la sede)', registeredFrom: { deviceId: null } });
  });
});
