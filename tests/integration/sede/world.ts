import fs from 'node:fs';
import path from 'node:path';
import { openTestApp, sampleCriterion, sampleEdition, type TestApp } from '../../support/services';
import { openSedeHub, type SedeHub } from '../../support/sede-session';

/**
 * A venue's worth of records to aim calls at: two editions (a juror of each, plus a second juror
 * of the first, both assigned the same entry), and two Encuentros with salas, practices,
 * contributions, synthesis items and attendees. Encuentro X has a third sala whose synthesis is
 * final and a practice in no sala (captured with sala null).
 */
export interface World {
  edition: { a: number; b: number };
  stage: { a: number; b: number };
  entry: { a: number; b: number };
  juror: { ana: number; beto: number; cid: number };
  /** Juror workbook previews waiting for «apply», per juror. */
  token: { ana: string; beto: string };
  encuentro: { x: number; y: number };
  sala: { x1: number; x2: number; xFinal: number; y1: number };
  practice: { x1: number; x2: number; xFinal: number; xLoose: number; y1: number };
  contribution: { x1: number; x2: number; xLoose: number; y1: number };
  synthesis: { x1: number; x2: number; y1: number };
  attendee: { x: number; y: number };
}

async function juryEdition(app: TestApp, year: number, name: string, jurorNames: string[]) {
  const editionId = (await app.call('editions.create', { ...sampleEdition, year, name })).id;
  await app.call('criteria.create', { editionId, fields: sampleCriterion });
  const stageId = (await app.call('stages.create', { editionId, fields: { name: 'Evaluación técnica' } })).id;
  const entryId = (await app.call('entries.create', { editionId, fields: { igedId: null, region: 'Loreto', title: `Práctica de ${year}` } })).id;
  const jurors: number[] = [];
  for (const jurorName of jurorNames) {
    const jurorId = (await app.call('jurors.create', { editionId, fields: { name: jurorName, institution: 'MINEDU', cargo: 'Especialista' } })).id;
    await app.call('assignments.add', { stageId, jurorId, entryId });
    jurors.push(jurorId);
  }
  return { editionId, stageId, entryId, jurors };
}

async function previewToken(app: TestApp, stageId: number, jurorId: number): Promise<string> {
  const file = await app.call('juryWorkbooks.export', { stageId, jurorId });
  return (await app.call('juryWorkbooks.preview', { stageId, jurorId, fileName: file.fileName, dataBase64: file.dataBase64 })).token;
}

async function encuentroWith(app: TestApp, editionId: number, name: string, salaNames: string[], loose: boolean) {
  const encuentroId = (await app.call('encuentro.create', { editionId, fields: { name, eventDate: '2024-11-20', venue: 'Lima', partners: '' } })).id;
  const ejeId = (await app.call('encuentro.ejes.create', { encuentroId, fields: { name: 'Liderazgo pedagógico' } })).id;
  const salas: { sala: number; practice: number; contribution: number; synthesis: number }[] = [];
  for (const salaName of salaNames) {
    const practice = (await app.call('encuentro.practices.create', { encuentroId, fields: { ejeId, title: `Práctica de ${salaName}` } })).id;
    const sala = (await app.call('encuentro.salas.create', { encuentroId, fields: { ejeId, name: salaName, practiceIds: [practice] } })).id;
    const contribution = (await app.call('encuentro.contributions.create', { practiceId: practice, salaId: sala, block: 'limiting', level: 'ugel', text: `Aporte de ${salaName}` })).id;
    const synthesis = (await app.call('encuentro.synthesis.createItem', { salaId: sala, level: 'ugel', axis: 'sustainability', text: `Síntesis de ${salaName}` })).id;
    salas.push({ sala, practice, contribution, synthesis });
  }
  let looseIds = { practice: 0, contribution: 0 };
  if (loose) {
    const practice = (await app.call('encuentro.practices.create', { encuentroId, fields: { ejeId, title: 'Comentarios del panel' } })).id;
    const contribution = (await app.call('encuentro.contributions.create', { practiceId: practice, salaId: null, block: 'enabling', level: 'minedu', text: 'Sin sala' })).id;
    looseIds = { practice, contribution };
  }
  const attendee = (await app.call('encuentro.attendance.register', { encuentroId, fields: { fullName: `Asistente de ${name}`, institutionType: 'ugel' } })).id;
  return { encuentroId, salas, loose: looseIds, attendee };
}

export async function buildWorld(app: TestApp): Promise<World> {
  const a = await juryEdition(app, 2024, 'IX Concurso 2024', ['Ana Pérez', 'Beto Huamán']);
  const b = await juryEdition(app, 2025, 'X Concurso 2025', ['Cid Rojas']);
  const [ana = 0, beto = 0] = a.jurors;
  const [cid = 0] = b.jurors;
  const x = await encuentroWith(app, a.editionId, 'II Encuentro', ['Sala 1', 'Sala 2', 'Sala 3'], true);
  const y = await encuentroWith(app, b.editionId, 'III Encuentro', ['Sala A', 'Sala B'], false);
  const [x1, x2, xFinal] = x.salas;
  const [y1] = y.salas;
  if (!x1 || !x2 || !xFinal || !y1) throw new Error('faltan salas en el escenario');
  await app.call('encuentro.synthesis.setStatus', { salaId: xFinal.sala, status: 'review' });
  await app.call('encuentro.synthesis.setStatus', { salaId: xFinal.sala, status: 'final' });
  return {
    edition: { a: a.editionId, b: b.editionId },
    stage: { a: a.stageId, b: b.stageId },
    entry: { a: a.entryId, b: b.entryId },
    juror: { ana, beto, cid },
    token: { ana: await previewToken(app, a.stageId, ana), beto: await previewToken(app, a.stageId, beto) },
    encuentro: { x: x.encuentroId, y: y.encuentroId },
    sala: { x1: x1.sala, x2: x2.sala, xFinal: xFinal.sala, y1: y1.sala },
    practice: { x1: x1.practice, x2: x2.practice, xFinal: xFinal.practice, xLoose: x.loose.practice, y1: y1.practice },
    contribution: { x1: x1.contribution, x2: x2.contribution, xLoose: x.loose.contribution, y1: y1.contribution },
    synthesis: { x1: x1.synthesis, x2: x2.synthesis, y1: y1.synthesis },
    attendee: { x: x.attendee, y: y.attendee },
  };
}

export interface Venue {
  app: TestApp;
  world: World;
  /** The HTTP transport, where devices join with a session. */
  hub: SedeHub;
  close(): Promise<void>;
}

/** A fresh database holding the world, served over HTTP for venue devices. */
export async function openVenue(): Promise<Venue> {
  const app = await openTestApp();
  const world = await buildWorld(app);
  const staticDir = path.join(app.dir, 'static');
  fs.mkdirSync(staticDir);
  const hub = await openSedeHub(app.services, staticDir);
  return {
    app,
    world,
    hub,
    close: async () => {
      await hub.close();
      app.close();
    },
  };
}
