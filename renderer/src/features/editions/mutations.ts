import type { QueryKey } from '@tanstack/react-query';
import { useContractMutation } from '../../lib/contract-mutation';
import { entryKeys } from '../entries/queries';
import { editionKeys } from './queries';

// Edition structure changes also change the entries list (category names, stage columns).
const STRUCTURE = [editionKeys.all, entryKeys.all] as const;

export const useCreateEdition = () => useContractMutation('editions.create', [editionKeys.all]);
export const useUpdateEdition = () => useContractMutation('editions.update', STRUCTURE);
export const useSetArchived = () => useContractMutation('editions.setArchived', STRUCTURE);
export const useCopyEdition = () => useContractMutation('editions.copy', [editionKeys.all]);

/** The ordered parts of an edition: each has create, update, delete and reorder methods under its prefix. */
export type Structure = 'categories' | 'criteria' | 'stages';

// Criteria are not shown in the entries list; categories and stages are.
const SHOWN_IN: Record<Structure, readonly QueryKey[]> = { categories: STRUCTURE, criteria: [editionKeys.all], stages: STRUCTURE };

/** What a structure section needs to change its items (see StructureSection). */
export interface StructureMutations<T, F> {
  create: { mutateAsync(input: { editionId: number; fields: F }): Promise<T> };
  update: { mutateAsync(input: { id: number; fields: F }): Promise<T> };
  remove: { mutateAsync(input: { id: number }): Promise<unknown> };
  reorder: { mutateAsync(input: { editionId: number; orderedIds: number[] }): Promise<unknown> };
}

export function useStructureMutations<S extends Structure>(structure: S) {
  const keys = SHOWN_IN[structure];
  return {
    create: useContractMutation(`${structure}.create` as `${S}.create`, keys),
    update: useContractMutation(`${structure}.update` as `${S}.update`, keys),
    remove: useContractMutation(`${structure}.delete` as `${S}.delete`, keys),
    reorder: useContractMutation(`${structure}.reorder` as `${S}.reorder`, keys),
  };
}
