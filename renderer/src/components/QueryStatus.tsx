import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { t } from '../../../shared/i18n';
import { errorText } from '../lib/errors';

/**
 * Loading and error states of a query, the same on every screen; renders children once data is
 * there. A failed refresh keeps showing the data already read (the connection banner says the
 * service is unreachable): a screen never disappears because a background refetch failed.
 */
export function QueryStatus<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (query.data === undefined)
    return (
      <p className="form-error" role="alert">
        {errorText(query.error)}
      </p>
    );
  return <>{children(query.data)}</>;
}
