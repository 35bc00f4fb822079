import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

export const entryKeys = {
  all: ['entries'] as const,
  list: (editionId: number) => ['entries', 'list', editionId] as const,
  detail: (id: number) => ['entries', 'detail', id] as const,
};

export function useEntries(editionId: number | null) {
  return useQuery({
    queryKey: entryKeys.list(editionId ?? 0),
    queryFn: () => call('entries.list', { editionId: editionId ?? 0 }),
    enabled: editionId !== null,
  });
}

export function useEntry(id: number | null) {
  return useQuery({
    queryKey: entryKeys.detail(id ?? 0),
    queryFn: () => call('entries.get', { id: id ?? 0 }),
    enabled: id !== null,
  });
}
