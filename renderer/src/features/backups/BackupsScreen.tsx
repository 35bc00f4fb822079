import { formatDateTime, t } from '../../../../shared/i18n';
import { useAnnounce } from '../../app/announcer';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../lib/errors';
import { BackupList } from './BackupList';
import { useCreateBackup } from './mutations';
import { useAppStatus } from './queries';

/** Backups of the database file: made automatically, before imports, or on demand. */
export function BackupsScreen() {
  const create = useCreateBackup();
  const status = useAppStatus();
  const announce = useAnnounce();
  const ready = status.data?.state === 'ready' ? status.data : null;

  const createNow = () =>
    create.mutate(
      {},
      {
        onSuccess: (backup) => announce(t('backups.created', { name: backup.name })),
        onError: (error) => announce(errorText(error), 'error'),
      },
    );

  return (
    <section>
      <ScreenTitle
        actions={
          <button type="button" className="primary" onClick={createNow} disabled={create.isPending}>
            {create.isPending ? t('common.working') : t('backups.create')}
          </button>
        }
      >
        {t('backups.title')}
      </ScreenTitle>
      <p className="lead">{t('backups.intro')}</p>
      {ready && (
        <dl className="facts">
          <div>
            <dt>{t('backups.dbPath')}</dt>
            <dd className="mono small">{ready.dbPath}</dd>
          </div>
          <div>
            <dt>{t('backups.lastBackup')}</dt>
            <dd>{ready.lastBackupAt ? formatDateTime(ready.lastBackupAt) : t('backups.never')}</dd>
          </div>
        </dl>
      )}
      <BackupList />
    </section>
  );
}
