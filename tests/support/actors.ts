import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { Actor, SessionScope } from '../../shared/sede/roles';
import type { TestApp } from './services';

/**
 * A device on the venue network, as the registry receives it from a session. The role is
 * organizador unless a scope is given: until the per-role grants are in place every other role
 * is refused, and what these tests check is that the device is recorded, not what it may do.
 */
export function deviceActor(deviceId: number, name: string, scope: SessionScope = { role: 'organizer' }): Actor {
  return { scope, deviceId, name };
}

/** Calls a contract method as `actor`; throws on error. */
export async function callAs<M extends MethodName>(app: TestApp, actor: Actor, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await app.services.call(method, input, actor);
  if (!result.ok) throw new Error(`${method} falló: ${result.error.message}`);
  return result.result as MethodOutput<M>;
}
