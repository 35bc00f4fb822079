import type { ReactNode } from 'react';
import type { Edition } from '../../../../../shared/domain/types';
import { QueryStatus } from '../../../components/QueryStatus';
import { useCurrentEdition } from '../../editions/current';
import { NoEdition } from '../../editions/NoEdition';
import { useEdition } from '../../editions/queries';

/** The current edition with its structure (stages, criteria, categories), or the "no edition yet" screen. */
export function WithEdition({ title, children }: { title: string; children: (edition: Edition) => ReactNode }) {
  const current = useCurrentEdition();
  const edition = useEdition(current.edition?.id ?? null);
  if (!current.isPending && !current.edition) return <NoEdition title={title} />;
  return <QueryStatus query={edition}>{children}</QueryStatus>;
}
