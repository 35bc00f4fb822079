import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

export const editionKeys = {
  all: ['editions'] as const,
  list: (includeArchived: boolean) => ['editions', 'list', includeArchived] as const,
  detail: (id: number) => ['editions', 'detail', id] as const,
};

export function useEditions(includeArchived: boolean) {
  return useQuery({
    queryKey: editionKeys.list(includeArchived),
    queryFn: () => call('editions.list', { includeArchived }),
  });
}

export function useEdition(id: number | null) {
  return useQuery({
    queryKey: editionKeys.detail(id ?? 0),
    queryFn: () => call('editions.get', { id: id ?? 0 }),
    enabled: id !== null,
  });
}
