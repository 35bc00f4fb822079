import { useState } from 'react';
import type { Method } from '../../../../shared/scoring';
import { t } from '../../../../shared/i18n';
import { call, downloadFile } from '../../api/client';
import { useAnnounce } from '../../app/announcer';
import { errorText } from '../../lib/errors';

/** The results workbook (.xlsx) and the acta de calificación (.docx), computed with the options on screen. */
export function ResultsExports({ editionId, stageId, method }: { editionId: number; stageId: number; method: Method | null }) {
  const [pending, setPending] = useState<'results' | 'acta' | null>(null);
  const announce = useAnnounce();
  const run = async (kind: 'results' | 'acta') => {
    setPending(kind);
    try {
      const input = { editionId, stageId, options: method ? { method } : {} };
      const file = kind === 'results' ? await call('results.exportWorkbook', input) : await call('results.exportActa', input);
      downloadFile(file);
      announce(t('juryUi.results.exported', { file: file.fileName }));
    } catch (error) {
      announce(errorText(error), 'error');
    } finally {
      setPending(null);
    }
  };
  return (
    <div className="button-group" role="group" aria-label={t('juryUi.results.exports')}>
      <button type="button" onClick={() => void run('results')} disabled={pending !== null}>
        {pending === 'results' ? t('common.working') : t('juryUi.results.exportWorkbook')}
      </button>
      <button type="button" onClick={() => void run('acta')} disabled={pending !== null}>
        {pending === 'acta' ? t('common.working') : t('juryUi.results.exportActa')}
      </button>
    </div>
  );
}
