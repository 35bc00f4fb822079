import { useState } from 'react';
import type { BackupInfo } from '../../../../shared/domain/types';
import { formatDateTime, t } from '../../../../shared/i18n';
import { useAnnounce } from '../../app/announcer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QueryStatus } from '../../components/QueryStatus';
import { formatBytes } from '../../lib/format';
import { useRestoreBackup } from './mutations';
import { reasonLabel } from './reason-label';
import { useBackups } from './queries';

/** Backups, newest first, each restorable after a confirmation. Also used on the blocked screen. */
export function BackupList({ onRestored }: { onRestored?: () => void }) {
  const backups = useBackups();
  const restore = useRestoreBackup();
  const announce = useAnnounce();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  return (
    <>
      <QueryStatus query={backups}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('backups.empty')}</p>
          ) : (
            <div className="table-wrap tall" tabIndex={0} role="region" aria-label={t('backups.tableCaption')}>
              <table className="data-table">
                <caption className="sr-only">{t('backups.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('backups.col.date')}</th>
                    <th scope="col">{t('backups.col.reason')}</th>
                    <th scope="col">{t('backups.col.name')}</th>
                    <th scope="col" className="num">{t('backups.col.size')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((backup) => (
                    <tr key={backup.name}>
                      <td className="nowrap">{formatDateTime(backup.createdAt)}</td>
                      <td>{reasonLabel(backup)}</td>
                      <td className="mono small">{backup.name}</td>
                      <td className="num nowrap">{formatBytes(backup.sizeBytes)}</td>
                      <td>
                        <button type="button" onClick={() => setRestoring(backup)} aria-label={t('backups.restoreNamed', { date: formatDateTime(backup.createdAt) })}>
                          {t('backups.restore')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryStatus>
      {restoring && (
        <ConfirmDialog
          title={t('backups.restoreTitle')}
          confirmLabel={t('backups.restoreConfirm')}
          onClose={() => setRestoring(null)}
          onConfirm={async () => {
            const outcome = await restore.mutateAsync(restoring.name);
            announce(t('backups.restored', { date: formatDateTime(restoring.createdAt), keptAside: outcome.keptAside ?? '—' }));
            onRestored?.();
          }}
        >
          <p>{t('backups.restoreExplain', { date: formatDateTime(restoring.createdAt) })}</p>
          <p>{t('backups.restoreKeptAside')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
