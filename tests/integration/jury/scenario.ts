import type { TestApp } from '../../support/services';
import { sampleEdition } from '../../support/services';

/**
 * A small, deterministic jury scenario shared by the jury tests and the fixture scripts
 * (scripts/fixtures/): ids come out the same on every fresh database, so a workbook exported
 * here by a script can be imported by a test.
 */
export interface Scenario {
  editionId: number;
  catA: number;
  catB: number;
  admission: number;
  evaluation: number;
  criteria: { innovacion: number; resultados: number; sostenibilidad: number };
  igeds: { dreSanMartin: number; ugelLamas: number; dreAncash: number; ugelHuaraz: number; dreCusco: number };
  entries: { lamas: number; ancash: number; cusco: number; huaraz: number; cusco2: number };
  jurors: { ana: number; beto: number; carla: number; dario: number };
}

/** Fixed HMAC key for signed workbooks, so a committed fixture verifies against a fresh test database. */
export const FIXTURE_WORKBOOK_KEY = 'f1x7ure'.padEnd(64, '0');

export function addUgel(app: TestApp, code: string, name: string, dreId: number, region: string): number {
  const db = app.services.context.db();
  // The built-in UGEL list usually has it already (under its own code): use that row.
  const shipped = db.prepare(`SELECT id FROM iged WHERE dre_id IS NOT NULL AND name = ? AND dre_id = ?`).get(name, dreId) as { id: number } | undefined;
  if (shipped) return shipped.id;
  const result = db
    // The kind as this database's schema spells a UGEL: the scenario also fills databases of older versions.
    .prepare(`INSERT INTO iged (code, kind, name, name_key, region, dre_id, source, updated_at) VALUES (?, (SELECT kind FROM iged WHERE dre_id IS NOT NULL LIMIT 1), ?, ?, ?, ?, 'test', ?)`)
    .run(code, name, name.toLowerCase(), region, dreId, '2024-05-01T00:00:00.000Z');
  return Number(result.lastInsertRowid);
}

export async function igedByName(app: TestApp, name: string): Promise<number> {
  const found = (await app.call('reference.igeds', {})).find((i) => i.name === name);
  if (!found) throw new Error(`IGED ${name} not found`);
  return found.id;
}

export async function buildScenario(app: TestApp): Promise<Scenario> {
  app.services.context.db().prepare(`INSERT OR REPLACE INTO app_meta (key, value) VALUES ('jury.workbookKey', ?)`).run(FIXTURE_WORKBOOK_KEY);
  const editionId = (await app.call('editions.create', sampleEdition)).id;
  const catA = (await app.call('categories.create', { editionId, fields: { name: 'Contribución al buen inicio del año escolar' } })).id;
  const catB = (await app.call('categories.create', { editionId, fields: { name: 'Liderazgo para la mejora de aprendizajes' } })).id;
  const innovacion = (
    await app.call('criteria.create', {
      editionId,
      fields: {
        name: 'Innovación',
        weight: 30,
        scaleMin: 0,
        scaleMax: 4,
        scaleStep: 1,
        levels: [
          { value: 0, label: 'Ausente', descriptor: 'No se evidencia innovación.' },
          { value: 4, label: 'Destacado', descriptor: 'Acciones innovadoras e intencionadas.' },
        ],
      },
    })
  ).id;
  const resultados = (await app.call('criteria.create', { editionId, fields: { name: 'Resultados', weight: 40, scaleMin: 0, scaleMax: 10, scaleStep: 0.5 } })).id;
  const sostenibilidad = (
    await app.call('criteria.create', { editionId, fields: { name: 'Sostenibilidad', weight: 30, scaleMin: 1, scaleMax: 5, scaleStep: 1, categoryIds: [catA] } })
  ).id;
  const admission = (await app.call('stages.create', { editionId, fields: { name: 'Admisibilidad' } })).id;
  const evaluation = (await app.call('stages.create', { editionId, fields: { name: 'Evaluación técnica' } })).id;

  const dreSanMartin = await igedByName(app, 'DRE San Martín');
  const dreAncash = await igedByName(app, 'DRE Áncash');
  const dreCusco = await igedByName(app, 'GRE Cusco');
  const ugelLamas = addUgel(app, '220005', 'UGEL Lamas', dreSanMartin, 'San Martín');
  const ugelHuaraz = addUgel(app, '020001', 'UGEL Huaraz', dreAncash, 'Áncash');

  const entry = async (code: string, igedId: number, title: string, categoryId: number) =>
    (await app.call('entries.create', { editionId, fields: { code, igedId, title, categoryId } })).id;
  const entries = {
    lamas: await entry('2024-001', ugelLamas, 'Buen inicio con las familias de Lamas', catA),
    ancash: await entry('2024-002', dreAncash, 'Monitoreo Integral de los Aprendizajes', catA),
    cusco: await entry('2024-003', dreCusco, 'Redes de directores del Cusco', catB),
    huaraz: await entry('2024-004', ugelHuaraz, 'Acompañamiento pedagógico en Huaraz', catB),
    cusco2: await entry('2024-005', dreCusco, 'Soporte socioemocional en el Cusco', catA),
  };

  const juror = async (name: string, affiliations: ({ igedId: number } | { region: string })[] = []) =>
    (await app.call('jurors.create', { editionId, fields: { name, institution: 'MINEDU', cargo: 'Especialista', affiliations } })).id;
  const jurors = {
    ana: await juror('Ana Quispe', [{ igedId: dreSanMartin }]),
    beto: await juror('Beto Huamán'),
    carla: await juror('Carla Rojas', [{ region: 'Cusco' }]),
    dario: await juror('Darío Flores'),
  };
  return {
    editionId,
    catA,
    catB,
    admission,
    evaluation,
    criteria: { innovacion, resultados, sostenibilidad },
    igeds: { dreSanMartin, ugelLamas, dreAncash, ugelHuaraz, dreCusco },
    entries,
    jurors,
  };
}

/** One general panel with every juror, so each entry can draw from all of them. */
export async function generalPanel(app: TestApp, s: Scenario, stageId = s.evaluation): Promise<void> {
  await app.call('panels.save', { stageId, categoryId: null, name: '', jurorIds: Object.values(s.jurors) });
}
