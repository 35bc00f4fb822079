import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { CONNECTION_RESTORED, onServerEvent } from '../api/client';
import { JURY_AFFECTED } from '../features/jury/events';

/**
 * Another window (or another computer on the venue network, later) may change data: the
 * services announce every write as 'data.changed' with the method name. The first part of
 * the name is the feature, which is also the first part of our query keys; editions show
 * counts of everything. The backup list and the app's status (its last backup) change only
 * when the write also took a backup, which the event says.
 */
const AFFECTED: Record<string, readonly string[]> = {
  editions: ['editions', 'entries'],
  categories: ['editions', 'entries'],
  criteria: ['editions'],
  stages: ['editions', 'entries'],
  entries: ['entries', 'editions'],
  imports: ['entries', 'editions'],
  reference: ['reference', 'entries'],
  backups: [],
  encuentro: ['encuentro'],
  ...JURY_AFFECTED,
};

/** The query roots a 'data.changed' event refreshes; 'all' for a restore or an unknown feature. */
export function rootsToRefresh(payload: unknown): readonly string[] | 'all' {
  const event = (payload ?? {}) as { method?: unknown; backup?: unknown };
  const method = typeof event.method === 'string' ? event.method : '';
  if (method === 'backups.restore') return 'all';
  const roots = AFFECTED[method.split('.')[0] ?? ''];
  if (!roots) return 'all';
  return event.backup === true ? [...roots, 'backups', 'app'] : roots;
}

export function useDataChangedEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onServerEvent((name, payload) => {
        if (name === CONNECTION_RESTORED) {
          void queryClient.invalidateQueries();
          return;
        }
        if (name !== 'data.changed') return;
        const roots = rootsToRefresh(payload);
        if (roots === 'all') {
          void queryClient.invalidateQueries();
          return;
        }
        for (const root of roots) void queryClient.invalidateQueries({ queryKey: [root] });
      }),
    [queryClient],
  );
}
