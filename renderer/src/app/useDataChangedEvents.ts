import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { CONNECTION_RESTORED, onServerEvent } from '../api/client';
import { JURY_AFFECTED } from '../features/jury/events';

/**
 * Another window (or another computer on the venue network, later) may change data: the
 * services announce every write as 'data.changed' with the method name. The first part of
 * the name is the feature, which is also the first part of our query keys; editions show
 * counts of everything, and any write may have triggered an automatic backup.
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
        const method = (payload as { method?: unknown } | null)?.method;
        const feature = typeof method === 'string' ? method.split('.')[0] ?? '' : '';
        if (feature === 'backups' && method === 'backups.restore') {
          void queryClient.invalidateQueries();
          return;
        }
        const roots = AFFECTED[feature];
        if (!roots) {
          void queryClient.invalidateQueries();
          return;
        }
        for (const root of [...roots, 'backups', 'app']) void queryClient.invalidateQueries({ queryKey: [root] });
      }),
    [queryClient],
  );
}
