import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { CONNECTION_RESTORED, onServerEvent } from '../api/client';
import { keysChangedBy, rootsChangedBy, rootsShowing, TEXT_SAVES, type KeyPrefix } from './data-areas';

/**
 * Another window (or another device on the venue network) may change data: the services
 * announce every write as 'data.changed' with the method name, the records it changed and where
 * they sit (shared/domain/change-events.ts). A screen re-reads only the queries that show them
 * (data-areas.ts). The backup list and the app's status also change when the write took a
 * backup, which the event says.
 */
export function rootsToRefresh(payload: unknown): readonly string[] | 'all' {
  const event = (payload ?? {}) as { method?: unknown; backup?: unknown };
  const roots = rootsChangedBy(typeof event.method === 'string' ? event.method : '');
  if (roots === 'all' || event.backup !== true) return roots;
  return [...new Set([...roots, ...rootsShowing(['backups'])])];
}

/** The query key prefixes to refresh for one 'data.changed' payload ('all' for a restore, an unknown method or a malformed event). */
export function keysToRefresh(payload: unknown): readonly KeyPrefix[] | 'all' {
  const event = (payload ?? {}) as { method?: unknown; backup?: unknown; records?: unknown; scope?: unknown };
  if (typeof event.method !== 'string') return 'all';
  const keys = keysChangedBy({
    method: event.method,
    records: isRecords(event.records) ? event.records : null,
    scope: typeof event.scope === 'object' && event.scope !== null ? (event.scope as Record<string, unknown>) : undefined,
  });
  if (keys === 'all' || event.backup !== true) return keys;
  return [...keys, ...rootsShowing(['backups']).map((root) => [root])];
}

function isRecords(value: unknown): value is { kind: string; ids: number[] } {
  const records = value as { kind?: unknown; ids?: unknown } | null;
  return typeof records === 'object' && records !== null && typeof records.kind === 'string' && Array.isArray(records.ids);
}

/** Quiet time after the last text save before the screens showing it re-read (they show the text live meanwhile). */
export const TEXT_SAVE_QUIET_MS = 1_000;
/** Longest a screen waits behind someone who never pauses typing. */
export const TEXT_SAVE_MAX_WAIT_MS = 30_000;

/**
 * Re-reads what changed: at once for ordinary writes; for text saved as someone types, once the
 * typing pauses (or every TEXT_SAVE_MAX_WAIT_MS), so 50 keystroke saves cost a screen one re-read
 * instead of fifty. Keys are compared as JSON, so the same query is re-read once per flush.
 */
export class RefreshScheduler {
  private pending = new Map<string, KeyPrefix>();
  private quietTimer: ReturnType<typeof setTimeout> | null = null;
  private maxTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly invalidate: (keys: readonly KeyPrefix[] | 'all') => void,
    private readonly quietMs = TEXT_SAVE_QUIET_MS,
    private readonly maxWaitMs = TEXT_SAVE_MAX_WAIT_MS,
  ) {}

  changed(payload: unknown): void {
    const keys = keysToRefresh(payload);
    const method = (payload as { method?: unknown } | null)?.method;
    if (keys === 'all' || typeof method !== 'string' || !TEXT_SAVES.has(method)) {
      if (keys === 'all') this.cancel();
      this.invalidate(keys);
      return;
    }
    for (const key of keys) this.pending.set(JSON.stringify(key), key);
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.flush(), this.quietMs);
    this.maxTimer ??= setTimeout(() => this.flush(), this.maxWaitMs);
  }

  flush(): void {
    const keys = [...this.pending.values()];
    this.cancel();
    if (keys.length > 0) this.invalidate(keys);
  }

  cancel(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    if (this.maxTimer) clearTimeout(this.maxTimer);
    this.quietTimer = this.maxTimer = null;
    this.pending.clear();
  }
}

function invalidator(queryClient: QueryClient) {
  return (keys: readonly KeyPrefix[] | 'all') => {
    if (keys === 'all') void queryClient.invalidateQueries();
    else for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  };
}

export function useDataChangedEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const scheduler = new RefreshScheduler(invalidator(queryClient));
    const unsubscribe = onServerEvent((name, payload) => {
      if (name === CONNECTION_RESTORED) {
        scheduler.cancel();
        void queryClient.invalidateQueries();
        return;
      }
      if (name === 'data.changed') scheduler.changed(payload);
    });
    return () => {
      unsubscribe();
      scheduler.cancel();
    };
  }, [queryClient]);
}
