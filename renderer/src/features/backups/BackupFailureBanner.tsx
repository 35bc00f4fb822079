import { formatDateTime, t } from '../../../../shared/i18n';
import { hrefOf } from '../../app/router';
import { useAppStatus } from './queries';

/**
 * The last automatic backup failed (disk full, a file where the backup folder should be…).
 * The write itself was saved, so nothing else stops the user: this banner, on every screen
 * until a backup succeeds again, is what tells them their safety net is gone.
 */
export function BackupFailureBanner() {
  const status = useAppStatus();
  const failure = status.data?.state === 'ready' ? status.data.backupFailure : null;
  if (!failure) return null;
  return (
    <div className="notice notice-bad backup-failure" role="alert">
      <p>
        {t('backups.failure.banner', { date: formatDateTime(failure.at), message: failure.message })}{' '}
        <a href={hrefOf({ name: 'backups' })}>{t('backups.failure.link')}</a>
      </p>
    </div>
  );
}
