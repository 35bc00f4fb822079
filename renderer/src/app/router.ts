import { useSyncExternalStore } from 'react';
import { juryHref, parseJuryRoute, type JuryRoute } from '../features/jury/routes';

/**
 * A small hash router: the app has a handful of screens and runs from file:// inside
 * Electron, where history-based routing would need a server. No library is needed for
 * six routes; the hash also survives a reload, so the user stays on the same screen.
 */
export type Route =
  | { name: 'editions' }
  | { name: 'edition'; id: number }
  | { name: 'entries' }
  | { name: 'entry'; id: number }
  | { name: 'newEntry' }
  | { name: 'import' }
  | { name: 'reference' }
  | { name: 'backups' }
  | { name: 'encuentro'; path: string[] }
  | { name: 'projector'; path: string[] }
  | { name: 'sede' }
  /** A device joining the venue; the code comes in the address when the QR code was scanned. */
  | { name: 'join'; code: string | null }
  | JuryRoute;

export type RouteName = Route['name'];

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [head, second] = parts;
  const id = second !== undefined && /^\d+$/.test(second) ? Number(second) : null;
  switch (head) {
    case 'ediciones':
      return id !== null ? { name: 'edition', id } : { name: 'editions' };
    case 'postulaciones':
      if (second === 'nueva') return { name: 'newEntry' };
      return id !== null ? { name: 'entry', id } : { name: 'entries' };
    case 'importar':
      return { name: 'import' };
    case 'referencias':
      return { name: 'reference' };
    case 'copias':
      return { name: 'backups' };
    case 'jurado':
    case 'calificar':
    case 'resultados':
      return parseJuryRoute(parts);
    case 'encuentros':
      return { name: 'encuentro', path: parts.slice(1) };
    case 'proyector':
      return { name: 'projector', path: parts.slice(1) };
    case 'sede':
      return { name: 'sede' };
    case 'unirse':
      return { name: 'join', code: second ?? null };
    default:
      return { name: 'editions' };
  }
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'editions':
      return '#/ediciones';
    case 'edition':
      return `#/ediciones/${route.id}`;
    case 'entries':
      return '#/postulaciones';
    case 'entry':
      return `#/postulaciones/${route.id}`;
    case 'newEntry':
      return '#/postulaciones/nueva';
    case 'import':
      return '#/importar';
    case 'reference':
      return '#/referencias';
    case 'backups':
      return '#/copias';
    case 'encuentro':
      return `#/encuentros${route.path.map((p) => `/${p}`).join('')}`;
    case 'projector':
      return `#/proyector${route.path.map((p) => `/${p}`).join('')}`;
    case 'sede':
      return '#/sede';
    case 'join':
      return route.code ? `#/unirse/${route.code}` : '#/unirse';
    case 'jury':
    case 'scoring':
    case 'results':
      return juryHref(route);
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function useRoute(): Route {
  return parseHash(useHash());
}
