import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useContractMutation } from '../../lib/contract-mutation';
import { appKeys, backupKeys } from './queries';
import { sedeKeys } from '../sede/queries';

export const useCreateBackup = () => useContractMutation('backups.create', [backupKeys.all, appKeys.status]);

/** A restore replaces the whole database: every cached query is stale afterwards. */
export function useRestoreBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call('backups.restore', { name }),
    onSuccess: () => forgetAfterRestore(queryClient),
  });
}

/**
 * After a restore every cached read belongs to the old database: dropped, and what is on screen
 * read again. Kept: the app's status, and who this browser is (the app's gate waits on it: a
 * removed «who am I» under the mounted gate could be left pending, the app stuck on «Cargando…»).
 */
export async function forgetAfterRestore(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'app' && query.queryKey[0] !== sedeKeys.whoami[0] });
  await queryClient.invalidateQueries();
}
