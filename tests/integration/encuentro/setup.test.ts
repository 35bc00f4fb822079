import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleEdition } from '../../support/services';
import { openEncuentro, type EncuentroFixture } from './support';

describe('encuentro set-up', () => {
  let f: EncuentroFixture;
  beforeEach(async () => {
    f = await openEncuentro();
  });
  afterEach(() => f.app.close());

  it('copies region, IGED, title and presenter from the entry and keeps the link', async () => {
    const detail = await f.app.call('encuentro.get', { id: f.encuentroId });
    const [a, b] = detail.practices;
    expect(a).toMatchObject({
      region: 'Áncash',
      igedName: 'DRE Áncash',
      title: 'Monitoreo Integral de los Aprendizajes (MIA)',
      presenter: 'Fredy Ebert Miranda Sánchez',
      presenterCargo: 'Jefe del Área de Gestión Pedagógica',
      // No year given: none is made up from the edition's (its own may be an earlier one).
      year: null,
    });
    expect(a?.entryId).toEqual(expect.any(Number));
    expect(b).toMatchObject({ region: 'Loreto', year: 2018 });
    expect(detail.salas[0]).toMatchObject({ name: 'Sala 2', practiceIds: [f.practiceA, f.practiceB], synthesisStatus: 'draft' });
    const again = await f.app.fail('encuentro.practices.addFromEntry', { encuentroId: f.encuentroId, entryId: a?.entryId ?? 0 });
    expect(again.message).toMatch(/ya está en este Encuentro/);
  });

  it('adds a practice by hand, a panel with its moderator, and refuses records of another Encuentro', async () => {
    const hand = await f.app.call('encuentro.practices.create', {
      encuentroId: f.encuentroId,
      fields: { ejeId: f.ejeId, region: 'Arequipa', igedName: 'UGEL Castilla', title: 'Atendiendo la diversidad', year: 2017, presenter: 'Luis Alberto Zúñiga Hipólito' },
    });
    expect(hand.entryId).toBeNull();
    const panel = await f.app.call('encuentro.panels.create', {
      encuentroId: f.encuentroId,
      fields: { ejeId: f.ejeId, title: 'Panel 2', moderatorName: 'Ana Torres', moderatorInstitution: 'MINEDU', practiceIds: [hand.id, f.practiceA] },
    });
    expect(panel.practiceIds).toEqual([hand.id, f.practiceA]);

    const otherEdition = await f.app.call('editions.create', { ...sampleEdition, name: 'Otra edición' });
    const other = await f.app.call('encuentro.create', { editionId: otherEdition.id, fields: { name: 'Otro' } });
    const error = await f.app.fail('encuentro.salas.create', { encuentroId: other.id, fields: { ejeId: f.ejeId, name: 'Sala X' } });
    expect(error.message).toBe('El eje temático pertenece a otro Encuentro.');
    const entries = await f.app.call('entries.list', { editionId: f.editionId });
    const foreign = await f.app.fail('encuentro.practices.addFromEntry', { encuentroId: other.id, entryId: entries[0]?.id ?? 0 });
    expect(foreign.code).toBe('encuentro.error.entryForeign');
    expect((await f.app.fail('encuentro.ejes.delete', { id: f.ejeId })).message).toMatch(/tiene prácticas, paneles o salas/);
  });

  it('keeps a practice that has contributions: it cannot be deleted nor taken out of its sala', async () => {
    await f.app.call('encuentro.contributions.create', { practiceId: f.practiceA, block: 'actions', level: 'ugel', text: 'Asignar presupuesto' });
    expect((await f.app.fail('encuentro.practices.delete', { id: f.practiceA })).message).toMatch(/tiene 1 aportes/);
    const error = await f.app.fail('encuentro.salas.update', { id: f.salaId, fields: { ejeId: f.ejeId, name: 'Sala 2', practiceIds: [f.practiceB] } });
    expect(error.code).toBe('encuentro.error.practiceKeepsContributions');
    expect((await f.app.fail('encuentro.salas.delete', { id: f.salaId })).code).toBe('encuentro.error.salaInUse');
  });
});
