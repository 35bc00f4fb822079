import { contract, type MethodName } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/i18n';
import type { Actor } from '../../../shared/sede/roles';
import type { AppContext } from '../context';

/**
 * Whether `actor` may call `method` with this (validated) input: the organizer always; another
 * role only when the method's declaration grants it, and then only for records inside the
 * session's scope. Refusals are AppError 'sede.error.forbidden' (the HTTP transport answers 403).
 */
export function authorize(_context: AppContext, method: MethodName, actor: Actor, _input: unknown): void {
  const role = actor.scope.role;
  if (role === 'organizador') return;
  const grant = contract[method].access[role];
  if (grant && grant.target === 'none') return;
  throw new AppError('sede.error.forbidden', { role: t(`sede.role.${role}`) });
}
