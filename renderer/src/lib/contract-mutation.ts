import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { call } from '../api/client';
import { rootsChangedBy } from '../app/data-areas';

/**
 * A mutation over one contract method that, when it succeeds, refreshes every screen showing
 * what the method declares it changes (shared/contract, see app/data-areas.ts), plus any
 * narrower `invalidates` keys a feature names. Each feature's mutations.ts names its own hooks
 * on top of this, so screens read `useCreateEdition()` and never spell out query keys.
 */
export function useContractMutation<M extends MethodName>(method: M, invalidates: readonly QueryKey[] = []) {
  const queryClient = useQueryClient();
  return useMutation<MethodOutput<M>, Error, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: async () => {
      const roots = rootsChangedBy(method);
      if (roots === 'all') return queryClient.invalidateQueries();
      const keys: QueryKey[] = [...roots.map((root) => [root]), ...invalidates];
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
