import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../../shared/contract';
import type { Grant } from '../../../shared/contract/define';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/i18n';
import type { Actor, RemoteRole, ScopeOf } from '../../../shared/sede/roles';
import type { AppContext } from '../context';
import { RESOLVERS, type Place, type RawInput } from './resolvers';

type RemoteScope = ScopeOf<RemoteRole>;

/** Whether a record's place lies inside the session's scope, per role (the grant may widen a moderator's reads to its Encuentro). */
const INSIDE: { readonly [R in RemoteRole]: (place: Place, scope: ScopeOf<R>, grant: Grant) => boolean } = {
  juror: (place, scope) => place.editionId === scope.editionId && (place.jurorId === undefined || place.jurorId === scope.jurorId),
  moderator: (place, scope, grant) =>
    place.encuentroId === scope.encuentroId &&
    (grant.within === 'encuentro' || (!!place.salas && place.salas.length > 0 && place.salas.every((sala) => sala !== null && scope.salaIds.includes(sala)))),
  checkIn: (place, scope) => place.encuentroId === scope.encuentroId,
  // A projector of one practice sees that practice (in its sala, when bound to one, which the
  // call must then name); a projector of a sala sees that sala's table and practices.
  projector: (place, scope) =>
    place.encuentroId === scope.encuentroId &&
    (scope.practiceId !== null
      ? place.practiceId === scope.practiceId && (scope.salaId === null || onlySala(place, scope.salaId))
      : scope.salaId !== null && onlySala(place, scope.salaId)),
};

function onlySala(place: Place, salaId: number): boolean {
  return place.salas?.length === 1 && place.salas[0] === salaId;
}

/**
 * Whether `actor` may call `method` with this input: the organizer always; another role only
 * when the method's declaration grants it, and then only for records inside the session's
 * scope. It runs before the input's full validation, so a device learns nothing about a method
 * it may not call (not even what its input looks like). Refusals, including a record that does
 * not exist, are AppError 'sede.error.forbidden' (the HTTP transport answers 403).
 */
export function authorize(context: AppContext, method: MethodName, actor: Actor, rawInput: unknown): void {
  const scope = actor.scope;
  if (scope.role === 'organizer') return;
  const grant = contract[method].access[scope.role];
  const input: RawInput = typeof rawInput === 'object' && rawInput !== null && !Array.isArray(rawInput) ? (rawInput as RawInput) : {};
  if (grant && valuesAllowed(contract[method].input, grant, input) && reaches(context, grant, scope, input)) return;
  throw forbidden(actor);
}

/** The one refusal of every unauthorized call, whatever the reason, so a refusal reveals nothing. */
export function forbidden(actor: Actor): AppError {
  return new AppError('sede.error.forbidden', { role: t(`sede.role.${actor.scope.role}`) });
}

/**
 * Whether the method's declaration gives the actor's role any access at all: read from the
 * contract alone, so a transport can refuse a call the role can never make before reading its body.
 */
export function mayEverCall(method: string, actor: Actor): boolean {
  return actor.scope.role === 'organizer' || (isMethodName(method) && contract[method].access[actor.scope.role] !== undefined);
}

function reaches(context: AppContext, grant: Grant, scope: RemoteScope, input: RawInput): boolean {
  if (grant.target === 'none') return true;
  const resolver = RESOLVERS[grant.target];
  const place = resolver.resolve(context, input, grant.field ?? resolver.field);
  if (!place) return false;
  const inside = INSIDE[scope.role] as (place: Place, scope: RemoteScope, grant: Grant) => boolean;
  return inside(place, scope, grant);
}

/**
 * The grant's `only` fields, read with the method's own schema for that field so an omitted one
 * counts as its default. A value the schema rejects is left to the validation that follows (it
 * refuses the whole call); a valid value outside the grant's list is refused here.
 */
function valuesAllowed(schema: z.ZodType, grant: Grant, input: RawInput): boolean {
  if (!grant.only) return true;
  const shape = (schema as Partial<z.ZodObject>).shape;
  return Object.entries(grant.only).every(([field, allowed]) => {
    const fieldSchema = shape?.[field] as z.ZodType | undefined;
    const parsed = fieldSchema ? fieldSchema.safeParse(input[field]) : { success: true as const, data: input[field] };
    return !parsed.success || (allowed as readonly unknown[]).includes(parsed.data);
  });
}
