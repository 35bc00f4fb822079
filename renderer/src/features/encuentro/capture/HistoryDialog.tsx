import { useState } from 'react';
import type { Contribution } from '../../../../../shared/domain/encuentro-types';
import { formatDateTime, t } from '../../../../../shared/i18n';
import { call } from '../../../api/client';
import { Dialog } from '../../../components/Dialog';
import { FormError } from '../../../components/FormError';
import { QueryStatus } from '../../../components/QueryStatus';
import { errorText } from '../../../lib/errors';
import { useContributionHistory } from '../queries';

/** Every saved version of one contribution, newest first; any of them can be brought back. */
export function HistoryDialog({
  contributionId,
  currentText,
  onClose,
  onRestored,
}: {
  contributionId: number;
  currentText: string;
  onClose(): void;
  onRestored(contribution: Contribution): void;
}) {
  const history = useContributionHistory(contributionId);
  const [error, setError] = useState<string | null>(null);
  const restore = async (versionId: number) => {
    try {
      const restored = await call('encuentro.contributions.restoreVersion', { id: contributionId, versionId });
      onRestored(restored);
      onClose();
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <Dialog title={t('encuentroUi.history.title')} onClose={onClose} size="large">
      <QueryStatus query={history}>
        {(versions) => (
          <ol className="history-list">
            {versions.map((v) => (
              <li key={v.id}>
                <div className="history-head">
                  <span>{formatDateTime(v.savedAt)}</span>
                  <span className="muted small">
                    {v.conflict ? t('who.history.conflict') : t(`encuentroUi.history.kind.${v.kind}`)}
                    {v.by ? ` ${t('who.by', { name: v.by })}` : ''}
                  </span>
                  {v.text === currentText ? (
                    <span className="muted small">{t('encuentroUi.history.current')}</span>
                  ) : (
                    <button type="button" onClick={() => void restore(v.id)}>
                      {t('encuentroUi.history.restore')}
                    </button>
                  )}
                </div>
                <p className="history-text">{v.text || t('encuentroUi.history.emptyText')}</p>
              </li>
            ))}
          </ol>
        )}
      </QueryStatus>
      <FormError message={error} />
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-autofocus>
          {t('common.closeDialog')}
        </button>
      </div>
    </Dialog>
  );
}
