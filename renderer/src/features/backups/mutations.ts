import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useContractMutation } from '../../lib/contract-mutation';
import { appKeys, backupKeys } from './queries';

export const useCreateBackup = () => useContractMutation('backups.create', [backupKeys.all, appKeys.status]);

/** A restore replaces the whole database: every cached query is stale afterwards. */
export function useRestoreBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call('backups.restore', { name }),
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'app' });
      await queryClient.invalidateQueries();
    },
  });
}
