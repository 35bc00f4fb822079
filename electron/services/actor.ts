import { AsyncLocalStorage } from 'node:async_hooks';
import { LOCAL_ORGANIZER, type Actor } from '../../shared/sede/roles';

/**
 * The person or device behind the call being served. Set once per call by the registry (from
 * the transport: the desktop window and loopback are the organizer, a venue device its session),
 * so services that record who did what (audit trail, contribution history, check-in) read it
 * here instead of every handler passing it down.
 */
const storage = new AsyncLocalStorage<Actor>();

export function runAs<T>(actor: Actor, fn: () => T): T {
  return storage.run(actor, fn);
}

/** The caller; the organizer's own computer outside any call (start-up, migrations, the demo). */
export function currentActor(): Actor {
  return storage.getStore() ?? LOCAL_ORGANIZER;
}
