import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Method } from '../../../../shared/scoring';
import { call } from '../../api/client';

export const resultsKeys = {
  all: ['results'] as const,
  report: (stageId: number, method: Method | null) => ['results', 'report', stageId, method] as const,
};

/** The whole consolidation of a stage; `method` null uses the edition's configured official method. */
export function useResultsReport(editionId: number, stageId: number | null, method: Method | null) {
  return useQuery({
    queryKey: resultsKeys.report(stageId ?? 0, method),
    queryFn: () => call('results.compute', { editionId, stageId: stageId ?? 0, options: method ? { method } : {} }),
    enabled: stageId !== null,
    placeholderData: keepPreviousData,
  });
}
