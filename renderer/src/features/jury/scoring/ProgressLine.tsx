import { t } from '../../../../../shared/i18n';

/** A juror's progress: n of m sheets, as a bar and in words (worklist and grid). */
export function ProgressLine({ done, total }: { done: number; total: number }) {
  return (
    <div className="progress-line">
      <progress max={Math.max(total, 1)} value={done} aria-label={t('juryUi.progress.label')} />
      <span>{t('juryUi.progress.text', { done, total })}</span>
    </div>
  );
}
