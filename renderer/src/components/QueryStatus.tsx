import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { t } from '../../../shared/i18n';
import { errorText } from '../lib/errors';

/** Loading and error states of a query, the same on every screen; renders children once data is there. */
export function QueryStatus<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (query.isError)
    return (
      <p className="form-error" role="alert">
        {errorText(query.error)}
      </p>
    );
  return <>{children(query.data)}</>;
}
