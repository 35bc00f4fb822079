import type { EditionSummary } from '../../../../shared/domain/types';
import { useCurrentEditionChoice } from '../../app/current-edition';
import { useEditions } from './queries';

/**
 * The edition the user works on: the remembered choice if it still exists, otherwise
 * the newest active edition (the list comes newest first).
 */
export function useCurrentEdition() {
  const { editionId, setEditionId } = useCurrentEditionChoice();
  const query = useEditions(true);
  const editions: EditionSummary[] = query.data ?? [];
  const edition = editions.find((e) => e.id === editionId) ?? editions.find((e) => !e.archived) ?? editions[0] ?? null;
  return { edition, editions, isPending: query.isPending, error: query.error, setEditionId };
}
