import type { EncuentroEvents } from '../../../../shared/domain/encuentro-events';
import { ENCUENTRO_EVENT_NAMES } from '../../../../shared/domain/encuentro-events';
import { onServerEvent } from '../../api/client';

type EventName = keyof EncuentroEvents;
type Listener = <N extends EventName>(name: N, payload: EncuentroEvents[N]) => void;

/**
 * One subscription to the pushed events for all the Encuentro screens of a page: in the
 * browser each subscription is an EventSource, and a page may hold only a few connections
 * to its server (HTTP/1.1), so screens share this one instead of opening their own.
 */
const listeners = new Set<Listener>();
let unsubscribe: (() => void) | null = null;
const NAMES: ReadonlySet<string> = new Set(ENCUENTRO_EVENT_NAMES);

export function onEncuentroEvent(listener: Listener): () => void {
  listeners.add(listener);
  unsubscribe ??= onServerEvent((name, payload) => {
    if (!NAMES.has(name)) return;
    for (const l of listeners) l(name as EventName, payload as never);
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}
