import type { DataChanged } from '../../shared/domain/change-events';
import type { EncuentroEvents } from '../../shared/domain/encuentro-events';

/** Events pushed from the services to every open screen (both transports). */
export interface ServerEvents extends EncuentroEvents {
  /**
   * Something was written: which records, where (shared/domain/change-events.ts). Screens re-read
   * the queries that show them; the hub filters it per device from its scope.
   */
  'data.changed': DataChanged;
}

export type ServerEventName = keyof ServerEvents;
export interface ServerEvent<N extends ServerEventName = ServerEventName> {
  name: N;
  payload: ServerEvents[N];
}

type Listener = (event: ServerEvent) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<N extends ServerEventName>(name: N, payload: ServerEvents[N]): void {
    // One event object for every listener: the HTTP transport serializes it once for all its streams.
    const event = { name, payload } as ServerEvent;
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
