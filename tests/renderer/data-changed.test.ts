import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import { rootsChangedBy } from '../../renderer/src/app/data-areas';
import { rootsToRefresh } from '../../renderer/src/app/useDataChangedEvents';

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
