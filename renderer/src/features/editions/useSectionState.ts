import { useState } from 'react';
import { t } from '../../../../shared/i18n';
import { useAnnounce } from '../../app/announcer';
import { refocus } from '../../components/ItemActions';
import { errorText } from '../../lib/errors';

/** What a structure section (categories, criteria, stages) is doing: editing one item, or asking to delete one. */
export function useSectionState<T extends { id: number; name: string }>(listId: string) {
  const [editing, setEditing] = useState<{ item: T | null } | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const announce = useAnnounce();

  /** Runs a reorder and keeps focus on the arrow the user pressed. */
  const move = (run: () => Promise<unknown>, item: T, delta: -1 | 1) => {
    run().then(
      () => {
        announce(t('common.moved', { name: item.name }));
        refocus(`${listId}-${item.id}-${delta < 0 ? 'up' : 'down'}`);
      },
      (error: unknown) => announce(errorText(error), 'error'),
    );
  };

  return {
    editing,
    startNew: () => setEditing({ item: null }),
    startEdit: (item: T) => setEditing({ item }),
    stopEditing: () => setEditing(null),
    deleting,
    askDelete: setDeleting,
    stopDeleting: () => setDeleting(null),
    move,
    announce,
  };
}
