import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import { rootsChangedBy } from '../../renderer/src/app/data-areas';
import { keysToRefresh, RefreshScheduler, rootsToRefresh } from '../../renderer/src/app/useDataChangedEvents';
import { applyRetypedContribution } from '../../renderer/src/features/encuentro/synthesis/live-contributions';

describe('what a data.changed event refreshes', () => {
  it('refreshes the screens that show what the method declares it changes, and the backups only when the write took one', () => {
    expect(rootsToRefresh({ method: 'scores.set', backup: false })).toEqual(['jury', 'scoring', 'results']);
    expect(rootsToRefresh({ method: 'scores.set', backup: true })).toEqual(['jury', 'scoring', 'results', 'backups', 'app']);
    expect(rootsToRefresh({ method: 'backups.create', backup: true })).toEqual(['backups', 'app']);
    expect(rootsToRefresh({ method: 'encuentro.contributions.create', backup: false })).toEqual(['encuentro']);
  });

  it('an import refreshes every screen that shows entries: the entry itself, the lists, the jury, the scoring and the results', () => {
    const roots = rootsToRefresh({ method: 'imports.commit', backup: true });
    expect(roots).not.toBe('all');
    for (const root of ['entries', 'editions', 'jury', 'scoring', 'scoringGrid', 'results', 'backups', 'app']) expect(roots).toContain(root);
  });

  it('a change of the edition (criteria, categories) reaches the scoring and results screens that show them', () => {
    for (const method of ['criteria.update', 'categories.update', 'stages.update'] as const) {
      expect(rootsToRefresh({ method, backup: false })).toEqual(expect.arrayContaining(['editions', 'scoring', 'results']));
    }
  });

  it('refreshes everything after a restore, for an unknown method, or for a malformed event', () => {
    expect(rootsToRefresh({ method: 'backups.restore', backup: false })).toBe('all');
    expect(rootsToRefresh({ method: 'nuevo.metodo', backup: false })).toBe('all');
    expect(rootsToRefresh(null)).toBe('all');
  });

  it('every write refreshes something, so no write can leave every screen as it was', () => {
    const silent = (Object.keys(contract) as MethodName[]).filter((name) => contract[name].kind === 'write' && rootsChangedBy(name) !== 'all' && rootsChangedBy(name).length === 0);
    expect(silent).toEqual([]);
  });

  it('after an import, the open entry query is refetched and holds the new values', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 5_000 } } });
    let stored = { id: 7, contactName: 'Rosa Quispe' };
    const entryKey = ['entries', 'detail', 7];
    const resultsKey = ['results', 'report', 3, null];
    await client.fetchQuery({ queryKey: entryKey, queryFn: () => stored });
    await client.fetchQuery({ queryKey: resultsKey, queryFn: () => ({ title: stored.contactName }) });
    stored = { id: 7, contactName: 'Rosa Elena Quispe Mamani' };
    const roots = rootsToRefresh({ method: 'imports.commit', backup: true });
    if (roots === 'all') throw new Error('an import must not refresh everything');
    await Promise.all(roots.map((root) => client.invalidateQueries({ queryKey: [root] })));
    expect(client.getQueryState(entryKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(resultsKey)?.isInvalidated).toBe(true);
    const entry = await client.fetchQuery({ queryKey: entryKey, queryFn: () => stored });
    expect(entry.contactName).toBe('Rosa Elena Quispe Mamani');
  });
});

describe('what an event naming its records refreshes', () => {
  const change = (method: string, kind: string, scope: Record<string, unknown>, ids = [9]) => ({ method, backup: false, records: { kind, ids }, scope });

  it('a contribution saved refreshes its sala’s lists, its history and the sala’s synthesis, never the door', () => {
    const keys = keysToRefresh(change('encuentro.contributions.updateText', 'contribution', { encuentroId: 1, salaId: 2, practiceId: 3 }));
    expect(keys).toEqual([
      ['encuentro', 'contributions', 1, 2],
      ['encuentro', 'contributions', 1, null],
      ['encuentro', 'synthesis', 2],
      ['encuentro', 'history', 9],
    ]);
  });

  it('adding a contribution or an attendee also refreshes the Encuentro’s counts; a check-in only the door', () => {
    expect(keysToRefresh(change('encuentro.contributions.create', 'contribution', { encuentroId: 1, salaId: 2 }))).toEqual(expect.arrayContaining([['encuentro', 'list'], ['encuentro', 'detail', 1]]));
    expect(keysToRefresh(change('encuentro.attendance.checkIn', 'attendee', { encuentroId: 1 }))).toEqual([
      ['encuentro', 'attendance', 1],
      ['encuentro', 'counts', 1],
    ]);
  });

  it('falls back to the whole area when the event does not say where the record sits, and keeps the backups flag', () => {
    expect(keysToRefresh(change('encuentro.contributions.updateText', 'contribution', { encuentroId: 1 }))).toEqual([['encuentro']]);
    expect(keysToRefresh({ method: 'encuentro.salas.update', backup: true, records: { kind: 'sala', ids: [2] }, scope: { encuentroId: 1, salaId: 2 } })).toEqual([['encuentro'], ['backups'], ['app']]);
    expect(keysToRefresh({ method: 'backups.restore', backup: false, records: null, scope: {} })).toBe('all');
  });

  it('coalesces keystroke saves into one refresh after the pause, and refreshes other writes at once', () => {
    vi.useFakeTimers();
    try {
      const refreshed: unknown[] = [];
      const scheduler = new RefreshScheduler((keys) => refreshed.push(keys), 1_000, 10_000);
      for (let i = 0; i < 50; i++) {
        scheduler.changed(change('encuentro.contributions.updateText', 'contribution', { encuentroId: 1, salaId: 2 }));
        vi.advanceTimersByTime(240);
      }
      expect(refreshed).toEqual([expect.any(Array)]); // the longest wait (10 s) passed once while typing
      scheduler.changed(change('encuentro.attendance.checkIn', 'attendee', { encuentroId: 1 }));
      expect(refreshed).toHaveLength(2);
      vi.advanceTimersByTime(1_000);
      expect(refreshed).toHaveLength(3);
      expect(refreshed[2]).toEqual(expect.arrayContaining([['encuentro', 'contributions', 1, 2], ['encuentro', 'synthesis', 2]]));
      vi.advanceTimersByTime(20_000);
      expect(refreshed).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the synthesis applies a retyped contribution to its source list and to the items it feeds', () => {
    const client = new QueryClient();
    const old = { id: 9, encuentroId: 1, practiceId: 3, salaId: 2, text: 'Antes', revision: 1 };
    client.setQueryData(['encuentro', 'contributions', 1, 2], [old]);
    client.setQueryData(['encuentro', 'synthesis', 2], { cells: [{ items: [{ id: 5, sources: [{ contributionId: 9, text: 'Antes' }] }] }] });
    applyRetypedContribution(client, { encuentroId: 1, practiceId: 3, salaId: 2, action: 'updated', contribution: { ...old, text: 'Después', revision: 2 } } as never);
    expect(client.getQueryData<{ text: string }[]>(['encuentro', 'contributions', 1, 2])?.[0]?.text).toBe('Después');
    expect(client.getQueryData<{ cells: { items: { sources: { text: string }[] }[] }[] }>(['encuentro', 'synthesis', 2])?.cells[0]?.items[0]?.sources[0]?.text).toBe('Después');
  });
});
