import { useContractMutation } from '../../lib/contract-mutation';
import { entryKeys } from '../entries/queries';
import { editionKeys } from './queries';

// Edition structure changes also change the entries list (category names, stage columns).
const STRUCTURE = [editionKeys.all, entryKeys.all] as const;

export const useCreateEdition = () => useContractMutation('editions.create', [editionKeys.all]);
export const useUpdateEdition = () => useContractMutation('editions.update', STRUCTURE);
export const useSetArchived = () => useContractMutation('editions.setArchived', STRUCTURE);
export const useCopyEdition = () => useContractMutation('editions.copy', [editionKeys.all]);

export const useCreateCategory = () => useContractMutation('categories.create', STRUCTURE);
export const useUpdateCategory = () => useContractMutation('categories.update', STRUCTURE);
export const useDeleteCategory = () => useContractMutation('categories.delete', STRUCTURE);
export const useReorderCategories = () => useContractMutation('categories.reorder', STRUCTURE);

export const useCreateCriterion = () => useContractMutation('criteria.create', [editionKeys.all]);
export const useUpdateCriterion = () => useContractMutation('criteria.update', [editionKeys.all]);
export const useDeleteCriterion = () => useContractMutation('criteria.delete', [editionKeys.all]);
export const useReorderCriteria = () => useContractMutation('criteria.reorder', [editionKeys.all]);

export const useCreateStage = () => useContractMutation('stages.create', STRUCTURE);
export const useUpdateStage = () => useContractMutation('stages.update', STRUCTURE);
export const useDeleteStage = () => useContractMutation('stages.delete', STRUCTURE);
export const useReorderStages = () => useContractMutation('stages.reorder', STRUCTURE);
