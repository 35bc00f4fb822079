import type { ServerEvent } from '../../../electron/services/events';
import type { ServiceOptions } from '../../../electron/services/registry';
import { openTestApp, sampleEdition, type TestApp } from '../../support/services';

/** An Encuentro with one eje, two practices picked from entries, one sala holding both. */
export interface EncuentroFixture {
  app: TestApp;
  editionId: number;
  encuentroId: number;
  ejeId: number;
  salaId: number;
  practiceA: number;
  practiceB: number;
  events: ServerEvent[];
}

export async function openEncuentro(options: Partial<ServiceOptions> = {}): Promise<EncuentroFixture> {
  const app = await openTestApp(options);
  const events: ServerEvent[] = [];
  app.services.events.subscribe((event) => events.push(event));
  const editionId = (await app.call('editions.create', sampleEdition)).id;
  const igeds = await app.call('reference.igeds', {});
  const ancash = igeds.find((i) => i.name === 'DRE Áncash')?.id ?? null;
  const entryA = await app.call('entries.create', {
    editionId,
    fields: { igedId: ancash, title: 'Monitoreo Integral de los Aprendizajes (MIA)', contactName: 'Fredy Ebert Miranda Sánchez', contactCargo: 'Jefe del Área de Gestión Pedagógica' },
  });
  const entryB = await app.call('entries.create', { editionId, fields: { igedId: null, region: 'Loreto', title: 'KUKA: Entrega de materiales educativos' } });
  const encuentro = await app.call('encuentro.create', { editionId, fields: { name: 'II Encuentro', eventDate: '2024-11-20', venue: 'Lima', partners: 'MINEDU – PUCP' } });
  const eje = await app.call('encuentro.ejes.create', { encuentroId: encuentro.id, fields: { name: 'Liderazgo y monitoreo para la mejora de los aprendizajes' } });
  const a = await app.call('encuentro.practices.addFromEntry', { encuentroId: encuentro.id, entryId: entryA.id, ejeId: eje.id });
  const b = await app.call('encuentro.practices.addFromEntry', { encuentroId: encuentro.id, entryId: entryB.id, ejeId: eje.id, year: 2018 });
  const sala = await app.call('encuentro.salas.create', {
    encuentroId: encuentro.id,
    fields: { ejeId: eje.id, name: 'Sala 2', moderators: [{ name: 'Alejandro Ponce San Román', institution: 'ENAP – SERVIR' }], practiceIds: [a.id, b.id] },
  });
  return { app, editionId, encuentroId: encuentro.id, ejeId: eje.id, salaId: sala.id, practiceA: a.id, practiceB: b.id, events };
}
