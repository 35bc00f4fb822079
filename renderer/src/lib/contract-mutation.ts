import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { call } from '../api/client';

/**
 * A mutation over one contract method that refreshes the given queries when it succeeds.
 * Each feature's mutations.ts names its own hooks on top of this, so screens read
 * `useCreateEdition()` and never spell out query keys.
 */
export function useContractMutation<M extends MethodName>(method: M, invalidates: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation<MethodOutput<M>, Error, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: async () => {
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
