import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

export const encuentroKeys = {
  all: ['encuentro'] as const,
  list: (editionId: number | null) => ['encuentro', 'list', editionId] as const,
  detail: (id: number) => ['encuentro', 'detail', id] as const,
  synthesis: (salaId: number) => ['encuentro', 'synthesis', salaId] as const,
  summary: (encuentroId: number) => ['encuentro', 'summary', encuentroId] as const,
  contributions: (encuentroId: number, salaId: number | null) => ['encuentro', 'contributions', encuentroId, salaId] as const,
  attendance: (encuentroId: number, query: string) => ['encuentro', 'attendance', encuentroId, query] as const,
  counts: (encuentroId: number) => ['encuentro', 'counts', encuentroId] as const,
  history: (contributionId: number) => ['encuentro', 'history', contributionId] as const,
};

/**
 * Live views (projector) keep their own keys outside 'encuentro': they are patched from the
 * pushed events, so the refetch that follows every write elsewhere never rolls them back.
 */
export const liveKeys = {
  matrix: (practiceId: number, salaId: number | null) => ['encuentroLive', 'matrix', practiceId, salaId] as const,
  synthesis: (salaId: number) => ['encuentroLive', 'synthesis', salaId] as const,
};

export function useEncuentros(editionId: number | null) {
  return useQuery({ queryKey: encuentroKeys.list(editionId), queryFn: () => call('encuentro.list', editionId === null ? {} : { editionId }) });
}

export function useEncuentro(id: number) {
  return useQuery({ queryKey: encuentroKeys.detail(id), queryFn: () => call('encuentro.get', { id }) });
}

export function useSynthesis(salaId: number | null) {
  return useQuery({
    queryKey: encuentroKeys.synthesis(salaId ?? 0),
    queryFn: () => call('encuentro.synthesis.get', { salaId: salaId ?? 0 }),
    enabled: salaId !== null,
  });
}

export function useSummary(encuentroId: number) {
  return useQuery({ queryKey: encuentroKeys.summary(encuentroId), queryFn: () => call('encuentro.summary.get', { encuentroId }) });
}

export function useSalaContributions(encuentroId: number, salaId: number | null) {
  return useQuery({
    queryKey: encuentroKeys.contributions(encuentroId, salaId),
    queryFn: () => call('encuentro.contributions.list', { encuentroId, ...(salaId !== null ? { salaId } : {}) }),
  });
}

/** The people matching a door search (also fetched directly when Enter beats the list's refresh). */
export function attendeesQuery(encuentroId: number, query: string) {
  return {
    queryKey: encuentroKeys.attendance(encuentroId, query),
    queryFn: () => call('encuentro.attendance.list', { encuentroId, query, limit: 200 }),
  };
}

export function useAttendees(encuentroId: number, query: string) {
  return useQuery({ ...attendeesQuery(encuentroId, query), placeholderData: (previous) => previous });
}

export function useAttendanceCounts(encuentroId: number) {
  return useQuery({ queryKey: encuentroKeys.counts(encuentroId), queryFn: () => call('encuentro.attendance.counts', { encuentroId }) });
}

export function useContributionHistory(contributionId: number) {
  return useQuery({ queryKey: encuentroKeys.history(contributionId), queryFn: () => call('encuentro.contributions.history', { id: contributionId }) });
}
