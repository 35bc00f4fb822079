import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AppContext } from '../context';
import { currentActor } from '../actor';

type SedeMethod = Extract<keyof Handlers, `sede.${string}`>;

/** «Modo sede» services. */
export function sedeHandlers(_context: AppContext): Pick<Handlers, SedeMethod> {
  const notYet = (): never => {
    throw new AppError('error.unexpected', { detail: 'Modo sede no disponible' });
  };
  return {
    'sede.status': notYet,
    'sede.interfaces': notYet,
    'sede.start': notYet,
    'sede.stop': notYet,
    'sede.invitations.list': notYet,
    'sede.invitations.create': notYet,
    'sede.invitations.cancel': notYet,
    'sede.devices.list': notYet,
    'sede.devices.revoke': notYet,
    'sede.whoami': () => {
      const actor = currentActor();
      return { role: actor.scope.role, scope: actor.scope, deviceId: actor.deviceId, name: actor.name };
    },
  };
}
