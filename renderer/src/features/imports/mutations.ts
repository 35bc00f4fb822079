import { useMutation } from '@tanstack/react-query';
import type { MethodInput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useContractMutation } from '../../lib/contract-mutation';
import { backupKeys } from '../backups/queries';
import { editionKeys } from '../editions/queries';
import { entryKeys } from '../entries/queries';

// Inspect and preview write nothing: plain mutations (user-triggered, never cached).
export const useInspectImport = () => useMutation({ mutationFn: (input: MethodInput<'imports.inspect'>) => call('imports.inspect', input) });
export const usePreviewImport = () => useMutation({ mutationFn: (input: MethodInput<'imports.preview'>) => call('imports.preview', input) });

/** The commit writes entries and takes a backup first. */
export const useCommitImport = () => useContractMutation('imports.commit', [entryKeys.all, editionKeys.all, backupKeys.all]);
