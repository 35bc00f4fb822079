import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeLabel } from '../../../electron/services/sede/scope-label';
import type { AppStatus } from '../../../shared/domain/types';
import type { TestApp } from '../../support/services';
import type { SedeHub } from '../../support/sede-session';
import { openVenue, type Venue, type World } from './world';

describe('venue sessions: labels, the status a device sees, workbook previews', () => {
  let venue: Venue;
  let app: TestApp;
  let hub: SedeHub;
  let w: World;

  beforeAll(async () => {
    venue = await openVenue();
    ({ app, hub, world: w } = venue);
  }, 60_000);

  afterAll(() => venue?.close());

  it('names each role and scope the way the organizer reads it, and refuses a scope naming what is not there', () => {
    const db = app.services.context.db();
    expect(scopeLabel(db, { role: 'organizer' })).toBe('Organización: acceso completo');
    expect(scopeLabel(db, { role: 'juror', editionId: w.edition.a, jurorId: w.juror.ana })).toBe('Jurado Ana Pérez · IX Concurso 2024');
    expect(scopeLabel(db, { role: 'moderator', encuentroId: w.encuentro.x, salaIds: [w.sala.x1, w.sala.x2] })).toBe('Sala 1, Sala 2 · II Encuentro');
    expect(scopeLabel(db, { role: 'checkIn', encuentroId: w.encuentro.y })).toBe('Registro de asistencia · III Encuentro');
    expect(scopeLabel(db, { role: 'projector', encuentroId: w.encuentro.x, salaId: w.sala.x2, practiceId: null })).toBe('Proyector de Sala 2 · II Encuentro');
    expect(scopeLabel(db, { role: 'projector', encuentroId: w.encuentro.x, salaId: null, practiceId: w.practice.x1 })).toBe('Proyector de «Práctica de Sala 1» · II Encuentro');
    expect(scopeLabel(db, { role: 'projector', encuentroId: w.encuentro.x, salaId: w.sala.x1, practiceId: w.practice.x1 })).toBe(
      'Proyector de «Práctica de Sala 1» (Sala 1) · II Encuentro',
    );
    // An invitation is never made for a sala of another Encuentro, or one that is not there.
    expect(() => scopeLabel(db, { role: 'moderator', encuentroId: w.encuentro.x, salaIds: [w.sala.x1, 999_999] })).toThrow(/sala/i);
    expect(() => scopeLabel(db, { role: 'juror', editionId: w.edition.b, jurorId: w.juror.ana })).toThrow();
  });

  it("a venue device learns the database is ready, not the folder it lives in on the organizer's computer", async () => {
    const organizer = await hub.join({ role: 'organizer' }, 'Laptop de la organización').call('app.status', {});
    const juror = await hub.join({ role: 'juror', editionId: w.edition.a, jurorId: w.juror.ana }, 'Tableta de Ana').call('app.status', {});
    const full = organizer.body?.result as AppStatus;
    const remote = juror.body?.result as AppStatus;
    expect(full.dbPath).toBe(app.dbPath);
    expect(remote.state).toBe('ready');
    expect(remote.dbPath).toBe(path.basename(app.dbPath));
    expect(JSON.stringify(remote)).not.toContain(path.dirname(app.dbPath));
  });

  it("a juror cannot apply another juror's workbook preview, which stays there for its own juror", async () => {
    const beto = hub.join({ role: 'juror', editionId: w.edition.a, jurorId: w.juror.beto }, 'Tableta de Beto');
    const refused = await beto.call('juryWorkbooks.apply', { token: w.token.ana });
    expect(refused.status).toBe(403);
    expect(refused.body?.error?.code).toBe('sede.error.forbidden');
    const ana = hub.join({ role: 'juror', editionId: w.edition.a, jurorId: w.juror.ana }, 'Tableta de Ana');
    const applied = await ana.call('juryWorkbooks.apply', { token: w.token.ana });
    expect(applied.status).toBe(200);
    expect(applied.body?.ok).toBe(true);
    // Used up: the same token now names no preview, for its juror as for anyone.
    expect((await ana.call('juryWorkbooks.apply', { token: w.token.ana })).status).toBe(403);
  });

  it('a juror typing as the organizer is refused before anything is saved', async () => {
    const ana = hub.join({ role: 'juror', editionId: w.edition.a, jurorId: w.juror.ana }, 'Tableta de Ana');
    const sheet = { stageId: w.stage.a, jurorId: w.juror.ana, entryId: w.entry.a };
    const criterionId = (await app.call('editions.get', { id: w.edition.a })).criteria[0]?.id ?? 0;
    const refused = await ana.call('scores.set', { ...sheet, criterionId, value: 3, enteredBy: 'organizer' });
    expect(refused.status).toBe(403);
    const stored = async () => (await app.call('scores.sheet', sheet)).scores.find((c) => c.criterionId === criterionId)?.value ?? null;
    expect(await stored()).toBeNull();
    const saved = await ana.call('scores.set', { ...sheet, criterionId, value: 3 });
    expect(saved.body?.ok).toBe(true);
    expect(await stored()).toBe(3);
  });
});
