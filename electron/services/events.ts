import type { EncuentroEvents } from '../../shared/domain/encuentro-events';

/** Events pushed from the services to every open screen (both transports). */
export interface ServerEvents extends EncuentroEvents {
  /**
   * Something was written; screens refetch what they show. backup: the call also took a backup
   * (automatic, or before an import) or failed to take its automatic one, which is all that
   * changes the backup list and the app's status (its last backup, its backup-failure banner).
   */
  'data.changed': { method: string; backup: boolean };
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
    for (const listener of this.listeners) listener({ name, payload });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
