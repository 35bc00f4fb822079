import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { CONNECTION_RESTORED, onServerEvent } from '../api/client';
import { rootsChangedBy, rootsShowing } from './data-areas';

/**
 * Another window (or another computer on the venue network, later) may change data: the
 * services announce every write as 'data.changed' with the method name, and what the method
 * changes is declared in the contract (see data-areas.ts). The backup list and the app's status
 * also change when the write took a backup, which the event says.
 */
export function rootsToRefresh(payload: unknown): readonly string[] | 'all' {
  const event = (payload ?? {}) as { method?: unknown; backup?: unknown };
  const roots = rootsChangedBy(typeof event.method === 'string' ? event.method : '');
  if (roots === 'all' || event.backup !== true) return roots;
  return [...new Set([...roots, ...rootsShowing(['backups'])])];
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
