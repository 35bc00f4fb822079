import { describe, expect, it } from 'vitest';
import { rootsToRefresh } from '../../renderer/src/app/useDataChangedEvents';

describe('what a data.changed event refreshes', () => {
  it('refreshes the written feature, and the backup list and app status only when the write took a backup', () => {
    expect(rootsToRefresh({ method: 'scores.set', backup: false })).toEqual(['jury', 'scoring', 'results']);
    expect(rootsToRefresh({ method: 'scores.set', backup: true })).toEqual(['jury', 'scoring', 'results', 'backups', 'app']);
    expect(rootsToRefresh({ method: 'entries.update', backup: false })).toEqual(['entries', 'editions']);
    expect(rootsToRefresh({ method: 'backups.create', backup: true })).toEqual(['backups', 'app']);
  });

  it('refreshes everything after a restore, for an unknown feature, or for a malformed event', () => {
    expect(rootsToRefresh({ method: 'backups.restore', backup: false })).toBe('all');
    expect(rootsToRefresh({ method: 'nuevo.metodo', backup: false })).toBe('all');
    expect(rootsToRefresh(null)).toBe('all');
  });
});
