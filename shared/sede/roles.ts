import { z } from 'zod';

/**
 * Who is calling, in «Modo sede» (the organizer's computer as the hub of the venue network).
 * The desktop app itself, and the browser on the organizer's own machine (loopback), are the
 * organizer; every other device joins with an invitation and holds one role bound to a scope.
 * The server decides what a call may do from the session's role and scope, never from the request.
 */
export const ROLES = ['organizer', 'juror', 'moderator', 'checkIn', 'projector'] as const;
export type Role = (typeof ROLES)[number];
/** The roles a device on the venue network can hold (the organizer's own machine is always organizer). */
export type RemoteRole = Exclude<Role, 'organizer'>;
export const REMOTE_ROLES = ROLES.filter((role): role is RemoteRole => role !== 'organizer');

const recordId = z.number().int().positive();

/**
 * A session's role and what it is bound to:
 *  - organizer: everything (an invited organizer device too);
 *  - juror: one juror of one edition (their own sheets and workbook only);
 *  - moderator: one Encuentro and one or more of its salas (capture and those salas' synthesis; reads the rest of the Encuentro);
 *  - checkIn: the attendance of one Encuentro;
 *  - projector: the read-only view of one sala, or of one practice, of one Encuentro.
 */
export const sessionScope = z.discriminatedUnion('role', [
  z.object({ role: z.literal('organizer') }),
  z.object({ role: z.literal('juror'), editionId: recordId, jurorId: recordId }),
  z.object({ role: z.literal('moderator'), encuentroId: recordId, salaIds: z.array(recordId).min(1).max(50) }),
  z.object({ role: z.literal('checkIn'), encuentroId: recordId }),
  z.object({
    role: z.literal('projector'),
    encuentroId: recordId,
    salaId: recordId.nullable(),
    practiceId: recordId.nullable(),
  }),
]);
export type SessionScope = z.infer<typeof sessionScope>;
export type ScopeOf<R extends Role> = Extract<SessionScope, { role: R }>;

/**
 * The person or device behind a call. deviceId and name are null for the organizer's own
 * computer (the desktop window, or a browser on loopback): screens name it from the catalog.
 */
export interface Actor {
  scope: SessionScope;
  deviceId: number | null;
  name: string | null;
}

export const LOCAL_ORGANIZER: Actor = Object.freeze({ scope: Object.freeze({ role: 'organizer' }) as SessionScope, deviceId: null, name: null });

export function isLocalOrganizer(actor: Actor): boolean {
  return actor.deviceId === null && actor.scope.role === 'organizer';
}
