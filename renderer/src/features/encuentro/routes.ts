/**
 * The Encuentro's own screens live under one top-level route (#/encuentros/…) and the
 * projector under #/proyector/…; the app router hands us the rest of the path, so adding a
 * screen here never touches the shared router.
 */
export type EncuentroPage =
  | { page: 'list' }
  | { page: 'setup'; encuentroId: number }
  | { page: 'capture'; encuentroId: number; salaId: number | null; practiceId: number | null }
  | { page: 'synthesis'; encuentroId: number; salaId: number | null }
  | { page: 'summary'; encuentroId: number }
  | { page: 'attendance'; encuentroId: number };

export type ProjectorPage =
  | { view: 'sala'; salaId: number }
  | { view: 'practice'; practiceId: number; salaId: number | null }
  | { view: 'invalid' };

const num = (value: string | undefined): number | null => (value !== undefined && /^\d+$/.test(value) ? Number(value) : null);

export function parseEncuentroPath(path: readonly string[]): EncuentroPage {
  const encuentroId = num(path[0]);
  if (encuentroId === null) return { page: 'list' };
  switch (path[1]) {
    case 'captura':
      return { page: 'capture', encuentroId, salaId: num(path[2]), practiceId: num(path[3]) };
    case 'sintesis':
      return { page: 'synthesis', encuentroId, salaId: num(path[2]) };
    case 'resumen':
      return { page: 'summary', encuentroId };
    case 'asistencia':
      return { page: 'attendance', encuentroId };
    default:
      return { page: 'setup', encuentroId };
  }
}

export function encuentroHref(page: EncuentroPage): string {
  switch (page.page) {
    case 'list':
      return '#/encuentros';
    case 'setup':
      return `#/encuentros/${page.encuentroId}`;
    case 'capture':
      return `#/encuentros/${page.encuentroId}/captura${page.salaId !== null ? `/${page.salaId}` : ''}${page.salaId !== null && page.practiceId !== null ? `/${page.practiceId}` : ''}`;
    case 'synthesis':
      return `#/encuentros/${page.encuentroId}/sintesis${page.salaId !== null ? `/${page.salaId}` : ''}`;
    case 'summary':
      return `#/encuentros/${page.encuentroId}/resumen`;
    case 'attendance':
      return `#/encuentros/${page.encuentroId}/asistencia`;
  }
}

export function parseProjectorPath(path: readonly string[]): ProjectorPage {
  const first = num(path[1]);
  if (path[0] === 'sala' && first !== null) return { view: 'sala', salaId: first };
  if (path[0] === 'practica' && first !== null) return { view: 'practice', practiceId: first, salaId: num(path[2]) };
  return { view: 'invalid' };
}

/** The projector's route without the leading '#/', as the desktop app's second window is given it. */
export function projectorPath(page: Exclude<ProjectorPage, { view: 'invalid' }>): string {
  return page.view === 'sala' ? `proyector/sala/${page.salaId}` : `proyector/practica/${page.practiceId}${page.salaId !== null ? `/${page.salaId}` : ''}`;
}

export function goTo(page: EncuentroPage): void {
  window.location.hash = encuentroHref(page);
}
