import { useState } from 'react';
import { t } from '../../../../shared/i18n';
import { call, downloadFile } from '../../api/client';
import { useAnnounce } from '../../app/announcer';
import { errorText } from '../../lib/errors';

/** The workbook and the Informe del Encuentro, at any moment of the event (not only after closing). */
export function ExportButtons({ encuentroId }: { encuentroId: number }) {
  const [pending, setPending] = useState<'xlsx' | 'report' | null>(null);
  const announce = useAnnounce();
  const run = async (kind: 'xlsx' | 'report') => {
    setPending(kind);
    try {
      const file = await call(kind === 'xlsx' ? 'encuentro.export.xlsx' : 'encuentro.export.report', { encuentroId });
      downloadFile(file);
      announce(t('encuentroUi.export.done', { file: file.fileName }));
    } catch (error) {
      announce(errorText(error), 'error');
    } finally {
      setPending(null);
    }
  };
  return (
    <div className="button-group" role="group" aria-label={t('encuentroUi.export.group')}>
      <button type="button" onClick={() => void run('xlsx')} disabled={pending !== null}>
        {pending === 'xlsx' ? t('common.working') : t('encuentroUi.export.xlsx')}
      </button>
      <button type="button" onClick={() => void run('report')} disabled={pending !== null}>
        {pending === 'report' ? t('common.working') : t('encuentroUi.export.report')}
      </button>
    </div>
  );
}
