/**
 * Builds a small jury scenario through the HTTP API (the same contract the screens use), so
 * the end-to-end tests spend their time on the screens being tested, not on data entry.
 */

export class ApiCallError extends Error {}

export function apiClient(baseUrl: string) {
  return async function api<T = unknown>(method: string, input: unknown = {}): Promise<T> {
    const response = await fetch(new URL(`/api/call/${encodeURIComponent(method)}`, baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { ok: boolean; result?: T; error?: { code: string; message: string } };
    if (!body.ok) throw new ApiCallError(`${method}: ${body.error?.code} ${body.error?.message}`);
    return body.result as T;
  };
}

export type Api = ReturnType<typeof apiClient>;

export interface JuryScenario {
  editionId: number;
  categoryId: number;
  stageId: number;
  criterionIds: number[];
  entryIds: number[];
  jurorIds: number[];
}

export interface ScenarioOptions {
  entries: number;
  jurors: number;
  criteria: number;
  /** Jurors per entry (assigned automatically from the category's panel). */
  jurorsPerEntry: number;
  cutoff?: number | null;
  blindMode?: boolean;
  /** With level descriptors on each criterion (slower to create, nicer to look at). */
  levels?: boolean;
  /** The entries' codes, in order (default BP-0001, BP-0002, …). */
  codes?: readonly string[];
}

const CRITERIA_NAMES = ['Innovación', 'Resultados', 'Sostenibilidad', 'Replicabilidad', 'Pertinencia', 'Participación'];
const REGIONS = ['Cusco', 'Puno', 'Piura', 'Loreto', 'Áncash', 'Junín'];

export async function createJuryScenario(api: Api, options: ScenarioOptions): Promise<JuryScenario> {
  const edition = await api<{ id: number }>('editions.create', { year: 2024, name: 'Concurso 2024', lema: 'Gestión que Transforma la Escuela' });
  const category = await api<{ id: number }>('categories.create', { editionId: edition.id, fields: { name: 'Liderazgo para la mejora de aprendizajes' } });
  const criterionIds: number[] = [];
  for (let c = 0; c < options.criteria; c++) {
    const name = CRITERIA_NAMES[c] ?? `Criterio ${c + 1}`;
    const levels = options.levels
      ? [1, 2, 3, 4].map((value) => ({ value, label: ['Inicial', 'En proceso', 'Logrado', 'Destacado'][value - 1] ?? '', descriptor: `${name}: nivel ${value}` }))
      : [];
    const criterion = await api<{ id: number }>('criteria.create', {
      editionId: edition.id,
      fields: { name, description: `Valora ${name.toLowerCase()}.`, weight: c === 0 ? 2 : 1, scaleMin: 1, scaleMax: 4, scaleStep: 1, levels },
    });
    criterionIds.push(criterion.id);
  }
  const stage = await api<{ id: number }>('stages.create', { editionId: edition.id, fields: { name: 'Evaluación técnica', cutoff: options.cutoff ?? null } });
  const entryIds: number[] = [];
  for (let e = 0; e < options.entries; e++) {
    const n = String(e + 1).padStart(4, '0');
    const entry = await api<{ id: number }>('entries.create', {
      editionId: edition.id,
      fields: { code: options.codes?.[e] ?? `BP-${n}`, igedId: null, region: REGIONS[e % REGIONS.length], title: `Práctica ${n}`, categoryId: category.id, summary: `Resumen de la práctica ${n}.` },
    });
    entryIds.push(entry.id);
  }
  const jurorIds: number[] = [];
  for (let j = 0; j < options.jurors; j++) {
    const juror = await api<{ id: number }>('jurors.create', {
      editionId: edition.id,
      fields: { name: JUROR_NAMES[j] ?? `Jurado ${j + 1}`, institution: j % 2 ? 'PUCP' : 'MINEDU', cargo: 'Especialista', email: `jurado${j + 1}@example.pe` },
    });
    jurorIds.push(juror.id);
  }
  await api('panels.save', { stageId: stage.id, categoryId: category.id, name: 'Panel de liderazgo', jurorIds });
  const settings = await api<Record<string, unknown>>('jury.settings.get', { editionId: edition.id });
  await api('jury.settings.update', {
    editionId: edition.id,
    fields: {
      blindMode: options.blindMode ?? true,
      conflictRules: settings.conflictRules,
      jurorsPerEntry: options.jurorsPerEntry,
      disagreementThreshold: settings.disagreementThreshold,
      tieBreakChain: settings.tieBreakChain,
      consolidationMethod: settings.consolidationMethod,
      missingRule: settings.missingRule,
      rescaleMinCoverage: settings.rescaleMinCoverage,
      trimmedMinJurors: settings.trimmedMinJurors,
      topPlaces: settings.topPlaces,
    },
  });
  await api('assignments.auto', { stageId: stage.id, seed: 7 });
  return { editionId: edition.id, categoryId: category.id, stageId: stage.id, criterionIds, entryIds, jurorIds };
}

const JUROR_NAMES = ['Ana Quispe Mamani', 'Luis Huamán Torres', 'Rosa Condori Flores', 'Jorge Salazar Ríos', 'María Ccori Vargas'];

/** Scores and submits every sheet of a juror through the API (values from a simple formula). */
export async function scoreAllSheets(api: Api, scenario: JuryScenario, jurorId: number, value: (entryIndex: number, criterionIndex: number) => number): Promise<void> {
  const rows = await api<{ entryId: number }[]>('assignments.list', { stageId: scenario.stageId, jurorId });
  for (const row of rows) {
    const e = scenario.entryIds.indexOf(row.entryId);
    for (const [c, criterionId] of scenario.criterionIds.entries()) {
      await api('scores.set', { stageId: scenario.stageId, jurorId, entryId: row.entryId, criterionId, value: value(e, c) });
    }
    await api('sheets.submit', { stageId: scenario.stageId, jurorId, entryId: row.entryId });
  }
}
