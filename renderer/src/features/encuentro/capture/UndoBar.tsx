import { t } from '../../../../../shared/i18n';

/**
 * "Se eliminó … — Deshacer": stays until the next deletion or until undone. It is a status
 * region (read out, never steals focus); Ctrl+Z in the list does the same as the button.
 */
export function UndoBar({ message, onUndo }: { message: string; onUndo(): void }) {
  return (
    <div className="undo-bar" role="status">
      <span>{message}</span>
      <button type="button" onClick={onUndo}>
        {t('encuentroUi.undo')}
      </button>
    </div>
  );
}
