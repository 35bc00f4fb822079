import { t } from '../i18n';
import { currentValue, LEGACY_ROLE } from './legacy-values';
import { ROLES, type Actor, type Role } from '../sede/roles';

/**
 * Who made a recorded change, as stored beside it: the device's id and name (null for the
 * organizer's own computer) and its role. Records from before «Modo sede» have no actor (null).
 */
export interface RecordedActor {
  deviceId: number | null;
  name: string | null;
  role: Role;
}

export function recordedActor(actor: Actor): RecordedActor {
  return { deviceId: actor.deviceId, name: actor.name, role: actor.scope.role };
}

/**
 * From the three stored columns; null when the row predates recording actors (no role). Audit
 * rows are never rewritten, so those written before schema 10 keep the role's old name: it is
 * read as the role it named.
 */
export function actorFromColumns(deviceId: number | null, name: string | null, stored: string | null): RecordedActor | null {
  const role = stored === null ? null : currentValue(LEGACY_ROLE, stored);
  if (role === null || !(ROLES as readonly string[]).includes(role)) return null;
  return { deviceId, name, role: role as Role };
}

/** How people read it: the device's name («Mesa 1»), or the organizer's own computer. Empty when unknown. */
export function actorText(actor: RecordedActor | null): string {
  if (!actor) return '';
  if (actor.deviceId === null || actor.name === null) return t('sede.actor.local');
  return actor.name;
}
