import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EncuentroEvents } from '../../../../../shared/domain/encuentro-events';
import type { Contribution, SalaSynthesis } from '../../../../../shared/domain/encuentro-types';
import { onEncuentroEvent } from '../events';
import { encuentroKeys } from '../queries';

type ContributionEvent = EncuentroEvents['encuentro.contribution'];

/**
 * A moderator retyping a contribution pushes its new text with every save: the synthesis screen
 * of its sala writes it into the source list and into the synthesis items it feeds, so the text
 * is live without a re-read per keystroke (the re-read, coalesced, follows the typing pause).
 * Only retyped text is applied here; a line added, moved or deleted is re-read at once.
 */
export function applyRetypedContribution(queryClient: QueryClient, event: ContributionEvent): void {
  if (event.action !== 'updated') return;
  const next = event.contribution;
  const replace = (list: Contribution[] | undefined) => list?.map((c) => (c.id === next.id && c.revision <= next.revision ? next : c));
  queryClient.setQueryData<Contribution[]>(encuentroKeys.contributions(event.encuentroId, event.salaId), replace);
  if (event.salaId === null) return;
  queryClient.setQueryData<Contribution[]>(encuentroKeys.contributions(event.encuentroId, null), replace);
  queryClient.setQueryData<SalaSynthesis>(encuentroKeys.synthesis(event.salaId), (synthesis) =>
    synthesis && {
      ...synthesis,
      cells: synthesis.cells.map((cell) => ({
        ...cell,
        items: cell.items.map((item) =>
          item.sources.some((s) => s.contributionId === next.id)
            ? { ...item, sources: item.sources.map((s) => (s.contributionId === next.id ? { ...s, text: next.text } : s)) }
            : item,
        ),
      })),
    },
  );
}

export function useLiveContributionTexts(encuentroId: number): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onEncuentroEvent((name, payload) => {
        if (name !== 'encuentro.contribution') return;
        const event = payload as ContributionEvent;
        if (event.encuentroId === encuentroId) applyRetypedContribution(queryClient, event);
      }),
    [queryClient, encuentroId],
  );
}
