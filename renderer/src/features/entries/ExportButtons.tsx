import { useState } from 'react';
import { t } from '../../../../shared/i18n';
import { call, downloadFile } from '../../api/client';
import { useAnnounce } from '../../app/announcer';
import { errorText } from '../../lib/errors';

/** Exports exactly the rows the user sees (filters and search applied). */
export function ExportButtons({ editionId, ids }: { editionId: number; ids: number[] }) {
  const [pending, setPending] = useState<'xlsx' | 'csv' | null>(null);
  const announce = useAnnounce();
  const run = async (format: 'xlsx' | 'csv') => {
    setPending(format);
    try {
      const file = await call('entries.export', { editionId, format, ids });
      downloadFile(file);
      announce(t('entries.exported', { count: ids.length, file: file.fileName }));
    } catch (error) {
      announce(errorText(error), 'error');
    } finally {
      setPending(null);
    }
  };
  return (
    <div className="button-group" role="group" aria-label={t('entries.exportGroup')}>
      <button type="button" onClick={() => void run('xlsx')} disabled={pending !== null || ids.length === 0}>
        {pending === 'xlsx' ? t('common.working') : t('entries.exportXlsx')}
      </button>
      <button type="button" onClick={() => void run('csv')} disabled={pending !== null || ids.length === 0}>
        {pending === 'csv' ? t('common.working') : t('entries.exportCsv')}
      </button>
    </div>
  );
}
