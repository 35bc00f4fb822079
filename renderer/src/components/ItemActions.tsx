import { t } from '../../../shared/i18n';

interface ItemActionsProps {
  /** The item's name, so each button says what it acts on ("Subir «Innovación»"). */
  name: string;
  index: number;
  count: number;
  /** Unique per list and item: lets the list put focus back on the button after a move. */
  buttonId: string;
  disabled?: boolean;
  onMove(delta: -1 | 1): void;
  onEdit(): void;
  onDelete(): void;
}

/**
 * Move up / down, edit and delete for one row of an ordered list. Moving uses buttons
 * rather than drag and drop, so it works from the keyboard and reads well aloud.
 * aria-disabled (not disabled) keeps focus on the button when it reaches an end.
 */
export function ItemActions({ name, index, count, buttonId, disabled = false, onMove, onEdit, onDelete }: ItemActionsProps) {
  const first = index === 0;
  const last = index === count - 1;
  return (
    <div className="actions">
      <button
        type="button"
        id={`${buttonId}-up`}
        className="icon-button"
        aria-label={t('common.moveUp', { name })}
        aria-disabled={first || disabled}
        onClick={() => !first && !disabled && onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        id={`${buttonId}-down`}
        className="icon-button"
        aria-label={t('common.moveDown', { name })}
        aria-disabled={last || disabled}
        onClick={() => !last && !disabled && onMove(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" onClick={onEdit} disabled={disabled} aria-label={t('common.editNamed', { name })}>
        {t('common.edit')}
      </button>
      <button type="button" className="danger-link" onClick={onDelete} disabled={disabled} aria-label={t('common.deleteNamed', { name })}>
        {t('common.delete')}
      </button>
    </div>
  );
}

/** After a reorder the row's DOM node may have moved and lost focus: put it back. */
export function refocus(elementId: string): void {
  window.requestAnimationFrame(() => document.getElementById(elementId)?.focus());
}
