import { useContractMutation } from '../../lib/contract-mutation';
import { editionKeys } from '../editions/queries';
import { entryKeys } from './queries';

// Entry changes move the counts shown with each edition and category.
const ENTRIES = [entryKeys.all, editionKeys.all] as const;

export const useCreateEntry = () => useContractMutation('entries.create', ENTRIES);
export const useUpdateEntry = () => useContractMutation('entries.update', ENTRIES);
export const useDeleteEntry = () => useContractMutation('entries.delete', ENTRIES);
export const useSetEntryStatus = () => useContractMutation('entries.setStatus', [entryKeys.all]);
