import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contribution } from '../../../shared/domain/encuentro-types';
import { sampleEdition } from '../../support/services';
import { openSedeHub, type SedeDevice, type SedeHub, type Viewer } from '../../support/sede-session';
import { eventually } from '../../e2e/support/eventually';
import { openEncuentro, type EncuentroFixture } from '../encuentro/support';

/**
 * Several devices on the venue network, each on its own event stream over HTTP: every write is
 * made once by the organizer, and each device must receive exactly the events its role and
 * scope allow, in order, with the records and scope that say what changed.
 */
/**
 * The hub's own announcements that the device list changed (a device joined or its stream
 * opened) reach the organizer whenever they happen: not part of what these writes send (the
 * other devices must not receive them at all).
 */
const ofWrites = (events: Viewer['events']) => events.filter((e) => e.name !== 'data.changed' || (e.payload as { method?: string }).method !== 'sede.devices.revoke');

/** A short label per event: what the assertions compare. */
function label(event: { name: string; payload: unknown }): string {
  const p = event.payload as { method?: string; action?: string; salaId?: number | null };
  return event.name === 'data.changed' ? `cambio ${p.method}` : `${event.name} ${p.action ?? ''}`.trim();
}

describe('the event stream, filtered per device over HTTP', () => {
  let f: EncuentroFixture;
  let hub: SedeHub;
  let sala2: number;
  let otherEdition: number;
  let juror: number;
  const viewers: Record<string, Viewer> = {};
  const devices: Record<string, SedeDevice> = {};

  beforeAll(async () => {
    f = await openEncuentro();
    sala2 = (await f.app.call('encuentro.salas.create', { encuentroId: f.encuentroId, fields: { ejeId: f.ejeId, name: 'Sala 3', practiceIds: [f.practiceB] } })).id;
    otherEdition = (await f.app.call('editions.create', { ...sampleEdition, year: 2025, name: 'X Concurso 2025' })).id;
    juror = (await f.app.call('jurors.create', { editionId: otherEdition, fields: { name: 'Ana Quispe', institution: 'MINEDU' } })).id;
    fs.mkdirSync(path.join(f.app.dir, 'renderer'), { recursive: true });
    hub = await openSedeHub(f.app.services, path.join(f.app.dir, 'renderer'));
    Object.assign(devices, {
      organizer: hub.local,
      moderator: hub.join({ role: 'moderator', encuentroId: f.encuentroId, salaIds: [f.salaId] }, 'Moderación sala 2'),
      proyector1: hub.join({ role: 'projector', encuentroId: f.encuentroId, salaId: f.salaId, practiceId: null }, 'Proyector sala 2'),
      proyector2: hub.join({ role: 'projector', encuentroId: f.encuentroId, salaId: sala2, practiceId: null }, 'Proyector sala 3'),
      checkIn: hub.join({ role: 'checkIn', encuentroId: f.encuentroId }, 'Mesa 1'),
      juror: hub.join({ role: 'juror', editionId: otherEdition, jurorId: juror }, 'Jurado Ana'),
    });
    for (const [name, device] of Object.entries(devices)) viewers[name] = await device.watch();
  });
  afterAll(async () => {
    await hub?.close();
    f?.app.close();
  });

  it('each device receives exactly what its role and scope allow', async () => {
    const org = devices.organizer!;
    const add = (salaId: number, practiceId: number, text: string) =>
      org.result<Contribution>('encuentro.contributions.create', { practiceId, salaId, block: 'actions', level: 'ugel', text });
    const inSala1 = await add(f.salaId, f.practiceA, 'Asistencia técnica');
    await org.result('encuentro.contributions.updateText', { id: inSala1.id, text: 'Asistencia técnica continua', revision: 1 });
    const inSala2 = await add(sala2, f.practiceB, 'Redes de directores');
    await org.result('encuentro.synthesis.createItem', { salaId: sala2, level: 'ugel', axis: 'sustainability', text: 'Redes' });
    const person = await org.result<{ id: number }>('encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName: 'Rosa Quispe', institutionType: 'ugel' } });
    await org.result('encuentro.attendance.checkIn', { id: person.id });
    await org.result('encuentro.contributions.delete', { id: inSala1.id });
    await org.result('jurors.create', { editionId: otherEdition, fields: { name: 'Beto Huamán' } });
    await org.result('jurors.update', { id: juror, fields: { name: 'Ana Quispe Rojas' } });
    await org.result('editions.update', { id: f.editionId, fields: { ...sampleEdition, lema: 'Otro lema' } });
    // Last, one write each device may see: everything written before it has reached its stream by then.
    await org.result('encuentro.contributions.updateText', { id: inSala2.id, text: 'Redes de directores 2', revision: 1 });
    await org.result('encuentro.attendance.undoCheckIn', { id: person.id });
    await org.result('editions.update', { id: otherEdition, fields: { ...sampleEdition, year: 2025, name: 'X Concurso 2025', lema: 'Final' } });
    await org.result('encuentro.contributions.restore', { id: inSala1.id });

    const expected: Record<string, string[]> = {
      moderator: [
        'encuentro.contribution created', 'cambio encuentro.contributions.create',
        'encuentro.contribution updated', 'cambio encuentro.contributions.updateText',
        'encuentro.contribution created', 'cambio encuentro.contributions.create',
        'encuentro.synthesis itemSaved', 'cambio encuentro.synthesis.createItem',
        'encuentro.contribution deleted', 'cambio encuentro.contributions.delete',
        'encuentro.contribution updated', 'cambio encuentro.contributions.updateText',
        'encuentro.contribution restored', 'cambio encuentro.contributions.restore',
      ],
      proyector1: [
        'encuentro.contribution created', 'cambio encuentro.contributions.create',
        'encuentro.contribution updated', 'cambio encuentro.contributions.updateText',
        'encuentro.contribution deleted', 'cambio encuentro.contributions.delete',
        'encuentro.contribution restored', 'cambio encuentro.contributions.restore',
      ],
      proyector2: [
        'encuentro.contribution created', 'cambio encuentro.contributions.create',
        'encuentro.synthesis itemSaved', 'cambio encuentro.synthesis.createItem',
        'encuentro.contribution updated', 'cambio encuentro.contributions.updateText',
      ],
      checkIn: [
        'encuentro.attendance', 'cambio encuentro.attendance.register',
        'encuentro.attendance', 'cambio encuentro.attendance.checkIn',
        'encuentro.attendance', 'cambio encuentro.attendance.undoCheckIn',
      ],
      juror: ['cambio jurors.update', 'cambio editions.update'],
    };
    const organizerCount = 24;
    await eventually(() => ofWrites(viewers.organizer!.events).length).toBeGreaterThanOrEqual(organizerCount);
    for (const [name, labels] of Object.entries(expected)) {
      await eventually(() => viewers[name]!.events.map(label).at(-1)).toBe(labels.at(-1));
      expect(viewers[name]!.events.map(label), name).toEqual(labels);
    }
    expect(ofWrites(viewers.organizer!.events)).toHaveLength(organizerCount);
  });

  it('a change says which records, of which kind, and where they sit', async () => {
    const changes = viewers.organizer!.events.filter((e) => e.name === 'data.changed').map((e) => e.payload as { method: string; records: unknown; scope: unknown });
    const deleted = changes.find((c) => c.method === 'encuentro.contributions.delete');
    expect(deleted).toMatchObject({ records: { kind: 'contribution', ids: [expect.any(Number)] }, scope: { encuentroId: f.encuentroId, salaId: f.salaId, practiceId: f.practiceA } });
    expect(changes.find((c) => c.method === 'encuentro.attendance.checkIn')).toMatchObject({ records: { kind: 'attendee' }, scope: { encuentroId: f.encuentroId } });
    expect(changes.find((c) => c.method === 'jurors.update')).toMatchObject({ records: { kind: 'juror', ids: [juror] }, scope: { editionId: otherEdition, jurorId: juror } });
  });
});
