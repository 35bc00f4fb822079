import type { SessionScope } from '../../../../shared/sede/roles';
import type { Route } from '../../app/router';
import { parseEncuentroPath, parseProjectorPath, projectorPath } from '../encuentro/routes';
import { whoAmIRoute } from '../jury/routes';

/**
 * What a device on the venue network may open, from its session's role and scope. The server
 * refuses every call outside the scope anyway; this only keeps a device on its own screens, so
 * an address typed by hand (or a link left over from another screen) shows the role's home.
 */

/** The invitation code as the hub writes it («K7M2-P9QX»), from what was typed or scanned; null when it cannot be one. */
export function normalizeJoinCode(input: string): string | null {
  const chars = input.toUpperCase().replace(/[\s\-–—_.]/g, '');
  if (!/^[A-Z0-9]{8}$/.test(chars)) return null;
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** The screen a device opens on (and returns to from any address it may not open). */
export function homeRoute(scope: SessionScope): Route {
  switch (scope.role) {
    case 'organizer':
      return { name: 'editions' };
    case 'juror':
      // The juror's own stage picker: the scoring screens then carry the stage and the juror.
      return whoAmIRoute;
    case 'moderator': {
      // One sala: straight to its capture; several: the capture screen asks which.
      const only = scope.salaIds.length === 1 ? (scope.salaIds[0] ?? null) : null;
      return { name: 'encuentro', path: [String(scope.encuentroId), 'captura', ...(only !== null ? [String(only)] : [])] };
    }
    case 'checkIn':
      return { name: 'encuentro', path: [String(scope.encuentroId), 'asistencia'] };
    case 'projector': {
      const path =
        scope.practiceId !== null
          ? projectorPath({ view: 'practice', practiceId: scope.practiceId, salaId: scope.salaId })
          : projectorPath({ view: 'sala', salaId: scope.salaId ?? 0 });
      return { name: 'projector', path: path.split('/').slice(1) };
    }
  }
}

/** Whether a device with this scope may open the route (the join page is always open, to change of invitation). */
export function allowedRoute(scope: SessionScope, route: Route): boolean {
  if (route.name === 'join') return true;
  switch (scope.role) {
    case 'organizer':
      return true;
    case 'juror':
      return route.name === 'scoring' && (route.jurorId === null ? route.stageId === null : route.jurorId === scope.jurorId && route.stageId !== null);
    case 'moderator': {
      if (route.name !== 'encuentro') return false;
      const page = parseEncuentroPath(route.path);
      const ownSala = (salaId: number | null) => salaId === null || scope.salaIds.includes(salaId);
      switch (page.page) {
        case 'capture':
          return page.encuentroId === scope.encuentroId && ownSala(page.salaId);
        case 'synthesis':
          return page.encuentroId === scope.encuentroId && ownSala(page.salaId);
        case 'summary':
          return page.encuentroId === scope.encuentroId;
        default:
          return false;
      }
    }
    case 'checkIn': {
      if (route.name !== 'encuentro') return false;
      const page = parseEncuentroPath(route.path);
      return page.page === 'attendance' && page.encuentroId === scope.encuentroId;
    }
    case 'projector': {
      if (route.name !== 'projector') return false;
      const page = parseProjectorPath(route.path);
      if (scope.practiceId !== null) return page.view === 'practice' && page.practiceId === scope.practiceId && page.salaId === scope.salaId;
      return page.view === 'sala' && page.salaId === scope.salaId;
    }
  }
}

/** The route to show: the one asked for when the scope allows it, the role's home otherwise. */
export function shellRoute(scope: SessionScope, route: Route): Route {
  return allowedRoute(scope, route) ? route : homeRoute(scope);
}

/** The salas a screen may offer: a moderator's own; everyone else's (organizer) all of them. */
export function visibleSalas<S extends { id: number }>(scope: SessionScope | null, salas: readonly S[]): S[] {
  if (scope?.role !== 'moderator') return [...salas];
  return salas.filter((sala) => scope.salaIds.includes(sala.id));
}
