import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { forgetAfterRestore } from '../../renderer/src/features/backups/mutations';
import { sedeKeys } from '../../renderer/src/features/sede/queries';

describe('after a restore', () => {
  it('drops the old database’s reads but keeps «who am I», which the mounted app gate is waiting on', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let asked = 0;
    // The gate, mounted: an observer of «who am I», as useWhoAmI holds it.
    const gate = new QueryObserver(client, { queryKey: sedeKeys.whoami, queryFn: async () => ({ role: 'organizer', asked: ++asked }), staleTime: Infinity });
    const unsubscribe = gate.subscribe(() => undefined);
    await expect.poll(() => gate.getCurrentResult().status).toBe('success');
    client.setQueryData(['entries', 'list'], ['de la base anterior']);

    await forgetAfterRestore(client);

    expect(client.getQueryData(['entries', 'list'])).toBeUndefined();
    // Read again, and never left without an answer.
    await expect.poll(() => asked).toBe(2);
    expect(gate.getCurrentResult()).toMatchObject({ status: 'success', data: { role: 'organizer' } });
    expect(client.getQueryCache().find({ queryKey: sedeKeys.whoami })?.getObserversCount()).toBe(1);
    unsubscribe();
  });
});
