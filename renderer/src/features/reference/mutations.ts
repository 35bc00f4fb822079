import { useMutation } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useContractMutation } from '../../lib/contract-mutation';
import { backupKeys } from '../backups/queries';
import { referenceKeys } from './queries';

/** Reads the padrón and previews it; writes nothing, so nothing to refresh. */
export const useInspectUgels = () =>
  useMutation({ mutationFn: (file: { fileName: string; dataBase64: string }) => call('imports.inspectUgels', file) });

export const useCommitUgels = () => useContractMutation('imports.commitUgels', [referenceKeys.all, backupKeys.all]);
