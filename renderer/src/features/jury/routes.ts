/**
 * The jury screens' routes, parsed and written here so the app router needs one line each.
 * #/jurado[/conflictos|/asignacion|/etapas|/fichas|/configuracion] — the organizer's side;
 * #/calificar[/<etapa>/<jurado>[/cuadricula|/<postulación>]] — the juror's side;
 * #/resultados — consolidation and exports.
 */
export const JURY_TABS = ['jurors', 'conflicts', 'assignment', 'stages', 'workbooks', 'settings'] as const;
export type JuryTab = (typeof JURY_TABS)[number];

const TAB_SLUG: Record<JuryTab, string> = {
  jurors: '',
  conflicts: 'conflictos',
  assignment: 'asignacion',
  stages: 'etapas',
  workbooks: 'fichas',
  settings: 'configuracion',
};

export type JuryRoute =
  | { name: 'jury'; tab: JuryTab }
  | { name: 'scoring'; stageId: number | null; jurorId: number | null; entryId: number | null; grid: boolean }
  | { name: 'results' };

const WHO_AM_I = { name: 'scoring', stageId: null, jurorId: null, entryId: null, grid: false } as const;

function idOf(part: string | undefined): number | null {
  return part !== undefined && /^\d+$/.test(part) ? Number(part) : null;
}

/** `parts` is the hash split on '/', starting with 'jurado', 'calificar' or 'resultados'. */
export function parseJuryRoute(parts: readonly string[]): JuryRoute {
  const [head, a, b, c] = parts;
  if (head === 'resultados') return { name: 'results' };
  if (head === 'jurado') {
    const tab = JURY_TABS.find((name) => TAB_SLUG[name] === (a ?? '')) ?? 'jurors';
    return { name: 'jury', tab };
  }
  const stageId = idOf(a);
  const jurorId = idOf(b);
  if (stageId === null || jurorId === null) return WHO_AM_I;
  return { name: 'scoring', stageId, jurorId, entryId: idOf(c), grid: c === 'cuadricula' };
}

export function juryHref(route: JuryRoute): string {
  switch (route.name) {
    case 'results':
      return '#/resultados';
    case 'jury':
      return TAB_SLUG[route.tab] ? `#/jurado/${TAB_SLUG[route.tab]}` : '#/jurado';
    case 'scoring': {
      if (route.stageId === null || route.jurorId === null) return '#/calificar';
      const base = `#/calificar/${route.stageId}/${route.jurorId}`;
      if (route.grid) return `${base}/cuadricula`;
      return route.entryId === null ? base : `${base}/${route.entryId}`;
    }
  }
}

export const whoAmIRoute: JuryRoute = WHO_AM_I;

export function worklistRoute(stageId: number, jurorId: number): JuryRoute {
  return { name: 'scoring', stageId, jurorId, entryId: null, grid: false };
}

export function sheetRoute(stageId: number, jurorId: number, entryId: number): JuryRoute {
  return { name: 'scoring', stageId, jurorId, entryId, grid: false };
}

export function gridRoute(stageId: number, jurorId: number): JuryRoute {
  return { name: 'scoring', stageId, jurorId, entryId: null, grid: true };
}

export function goTo(route: JuryRoute): void {
  window.location.hash = juryHref(route);
}
