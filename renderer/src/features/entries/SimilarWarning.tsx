import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { t } from '../../../../shared/i18n';
import { call } from '../../api/client';
import { entryKeys } from './queries';

/** Typing pauses this long before the title is compared: one look-up per pause, not per key. */
const SETTLE_MS = 400;

/**
 * Warns, while the form is filled in, that the IGED already has an entry (in this or another
 * edition) with a very similar title, showing both titles side by side. A warning only: the same
 * practice may rightly be presented again, but never without the organizer seeing it.
 */
export function SimilarWarning({ igedId, title, exceptId }: { igedId: number | null; title: string; exceptId: number | null }) {
  const [settled, setSettled] = useState(title);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(title.trim()), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [title]);
  const similar = useQuery({
    queryKey: [...entryKeys.all, 'similar', igedId, settled, exceptId] as const,
    queryFn: () => call('entries.similar', { igedId: igedId ?? 0, title: settled, ...(exceptId ? { exceptId } : {}) }),
    enabled: igedId !== null && settled.length > 0,
  });
  const found = igedId !== null && settled.length > 0 ? (similar.data ?? []) : [];
  if (found.length === 0) return null;
  return (
    <div className="notice span-4" role="status" aria-live="polite">
      <p>{t('entryForm.similarIntro')}</p>
      <ul className="plain-list">
        {found.map((other) => (
          <li key={`${other.edition}-${other.code}`}>{t('entryForm.similarPair', { title: settled, other: other.title, code: other.code, edition: other.edition })}</li>
        ))}
      </ul>
    </div>
  );
}
