import type { AppStatus } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { BackupList } from './BackupList';

type Blocked = Extract<AppStatus, { state: 'blocked' }>;

/**
 * The database cannot be used (written by a newer version, or failed its integrity check):
 * nothing but the reason and the way out — restoring a backup.
 */
export function BlockedScreen({ status }: { status: Blocked }) {
  return (
    <main className="blocked" id="main">
      <h1>{t('blocked.title')}</h1>
      <div className="notice notice-bad" role="alert">
        <p>{status.message}</p>
      </div>
      <p className="muted">
        {t('blocked.file')} <span className="mono">{status.dbPath}</span>
      </p>
      <p>{t(status.reason === 'newerVersion' ? 'blocked.hintNewer' : 'blocked.hintRestore')}</p>
      <section aria-labelledby="blocked-backups">
        <h2 id="blocked-backups">{t('blocked.backups')}</h2>
        <BackupList />
      </section>
    </main>
  );
}
