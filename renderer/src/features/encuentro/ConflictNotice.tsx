import { useId } from 'react';
import { t } from '../../../../shared/i18n';

export type ConflictChoice = 'mine' | 'theirs' | 'both';

/**
 * Shown on a line whose save lost against another screen's: both texts side by side and the
 * three ways out. An alert, so a screen reader says it as it appears; the buttons are ordinary
 * tab stops (not only shortcuts), so the keyboard reaches them.
 */
export function ConflictNotice({ by, theirs, mine, onChoose }: { by: string; theirs: string; mine: string; onChoose(choice: ConflictChoice): void }) {
  const id = useId();
  return (
    <div className="conflict-notice" role="alert" aria-labelledby={`${id}-title`} data-testid="conflict-notice">
      <p id={`${id}-title`} className="conflict-title">
        {t('who.conflict.title')}
      </p>
      <p className="small">{t('who.conflict.body', { by: by || t('who.someone') })}</p>
      <dl className="conflict-texts">
        <dt>{by ? `${t('who.conflict.theirs')} (${by})` : t('who.conflict.theirs')}</dt>
        <dd data-testid="conflict-theirs">{theirs}</dd>
        <dt>{t('who.conflict.mine')}</dt>
        <dd data-testid="conflict-mine">{mine}</dd>
      </dl>
      <div className="conflict-actions">
        <button type="button" onClick={() => onChoose('mine')}>
          {t('who.conflict.keepMine')}
        </button>
        <button type="button" onClick={() => onChoose('theirs')}>
          {t('who.conflict.keepTheirs')}
        </button>
        <button type="button" onClick={() => onChoose('both')}>
          {t('who.conflict.both')}
        </button>
      </div>
    </div>
  );
}
