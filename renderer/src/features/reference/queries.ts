import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

export const referenceKeys = {
  all: ['reference'] as const,
  igeds: ['reference', 'igeds'] as const,
  regions: ['reference', 'regions'] as const,
};

// Reference data changes rarely (only through the UGEL import): keep it for the session.
const LONG = 10 * 60_000;

export function useIgeds() {
  return useQuery({ queryKey: referenceKeys.igeds, queryFn: () => call('reference.igeds', {}), staleTime: LONG });
}

export function useRegions() {
  return useQuery({ queryKey: referenceKeys.regions, queryFn: () => call('reference.regions', {}), staleTime: LONG });
}
