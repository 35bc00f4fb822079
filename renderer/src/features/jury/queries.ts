import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../../shared/contract';
import { call } from '../../api/client';
import type { JuryRoute } from './routes';

/**
 * Query keys: 'jury' for the organizer's screens, 'scoring' for the juror's worklist and
 * sheets, 'scoringGrid' for the big grid (refreshed by sheet and stage changes, not by each
 * score: the grid already holds what it saved), 'results' for the consolidation.
 */
export const juryKeys = {
  all: ['jury'] as const,
  settings: (editionId: number) => ['jury', 'settings', editionId] as const,
  jurors: (editionId: number) => ['jury', 'jurors', editionId] as const,
  panels: (stageId: number) => ['jury', 'panels', stageId] as const,
  conflicts: (editionId: number) => ['jury', 'conflicts', editionId] as const,
  assignments: (stageId: number) => ['jury', 'assignments', stageId] as const,
  loads: (stageId: number, n: number | undefined) => ['jury', 'loads', stageId, n ?? null] as const,
  stageState: (stageId: number) => ['jury', 'stageState', stageId] as const,
  stageList: (editionId: number) => ['jury', 'stageList', editionId] as const,
  audit: (filter: object) => ['jury', 'audit', filter] as const,
};

export const scoringKeys = {
  all: ['scoring'] as const,
  worklist: (stageId: number, jurorId: number) => ['scoring', 'worklist', stageId, jurorId] as const,
  sheet: (stageId: number, jurorId: number, entryId: number) => ['scoring', 'sheet', stageId, jurorId, entryId] as const,
  grid: (stageId: number, jurorId: number) => ['scoringGrid', stageId, jurorId] as const,
};

export function useJurySettings(editionId: number) {
  return useQuery({ queryKey: juryKeys.settings(editionId), queryFn: () => call('jury.settings.get', { editionId }) });
}

export function useJurors(editionId: number) {
  return useQuery({ queryKey: juryKeys.jurors(editionId), queryFn: () => call('jurors.list', { editionId }) });
}

export function usePanels(stageId: number | null) {
  return useQuery({ queryKey: juryKeys.panels(stageId ?? 0), queryFn: () => call('panels.list', { stageId: stageId ?? 0 }), enabled: stageId !== null });
}

export function useConflicts(editionId: number) {
  return useQuery({ queryKey: juryKeys.conflicts(editionId), queryFn: () => call('conflicts.list', { editionId, includeDismissed: true }) });
}

export function useAssignments(stageId: number | null) {
  return useQuery({
    queryKey: juryKeys.assignments(stageId ?? 0),
    queryFn: () => call('assignments.list', { stageId: stageId ?? 0 }),
    enabled: stageId !== null,
  });
}

export function useLoads(stageId: number | null, jurorsPerEntry?: number) {
  return useQuery({
    queryKey: juryKeys.loads(stageId ?? 0, jurorsPerEntry),
    queryFn: () => call('assignments.loads', { stageId: stageId ?? 0, ...(jurorsPerEntry ? { jurorsPerEntry } : {}) }),
    enabled: stageId !== null,
  });
}

export function useStageState(stageId: number | null) {
  return useQuery({
    queryKey: juryKeys.stageState(stageId ?? 0),
    queryFn: () => call('juryStages.state', { stageId: stageId ?? 0 }),
    enabled: stageId !== null,
  });
}

export function useStageOverview(editionId: number) {
  return useQuery({ queryKey: juryKeys.stageList(editionId), queryFn: () => call('juryStages.list', { editionId }) });
}

export function useAuditLog(filter: MethodInput<'audit.list'>) {
  return useQuery({ queryKey: juryKeys.audit(filter), queryFn: () => call('audit.list', filter) });
}

export function useWorklist(stageId: number, jurorId: number) {
  return useQuery({ queryKey: scoringKeys.worklist(stageId, jurorId), queryFn: () => call('scores.worklist', { stageId, jurorId }) });
}

export function useSheet(stageId: number, jurorId: number, entryId: number) {
  return useQuery({ queryKey: scoringKeys.sheet(stageId, jurorId, entryId), queryFn: () => call('scores.sheet', { stageId, jurorId, entryId }) });
}

/** The grid's read, shared by the screen and the prefetch below so both land in the same cache entry. */
const scoreGridQuery = (stageId: number, jurorId: number) =>
  queryOptions({ queryKey: scoringKeys.grid(stageId, jurorId), queryFn: () => call('scores.grid', { stageId, jurorId }), staleTime: Infinity });

export function useScoreGrid(stageId: number, jurorId: number) {
  return useQuery(scoreGridQuery(stageId, jurorId));
}

/**
 * Starts the read a jury route's screen will need as soon as the route is known (called on
 * hashchange, before React renders the new screen), so that the request is already on its way
 * while the old screen unmounts and the new one mounts. Only the grid: its read is the big one
 * (a thousand entries × their scores). Cached data is not read again (staleTime: Infinity);
 * a failed prefetch is read again by the screen on mount, which then shows the error.
 */
export function prefetchJuryRoute(queryClient: QueryClient, route: JuryRoute): void {
  if (route.name !== 'scoring' || !route.grid || route.stageId === null || route.jurorId === null) return;
  void queryClient.prefetchQuery(scoreGridQuery(route.stageId, route.jurorId));
}
