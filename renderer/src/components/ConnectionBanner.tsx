import { useSyncExternalStore } from 'react';
import { t } from '../../../shared/i18n';
import { connection } from '../api/client';

/**
 * Says, without taking the screen away, that the service cannot be reached right now (served
 * over the venue network and the hub went down, or the laptop lost the Wi-Fi). What is on screen
 * stays; what is typed keeps its own "sin guardar" mark until it gets through.
 */
export function ConnectionBanner({ className = '' }: { className?: string }) {
  const online = useSyncExternalStore(connection.subscribe, connection.isOnline);
  return (
    <div role="status" aria-live="polite" className={online ? 'sr-only' : `connection-banner ${className}`.trim()}>
      {online ? '' : t('common.connectionLost')}
    </div>
  );
}
