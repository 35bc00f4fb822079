import { t } from '../../../shared/i18n';
import { FormError } from './FormError';

interface FormFooterProps {
  /** The form-level refusal (if any), announced above the buttons. */
  error?: string | null;
  /** Shows «Cancelar» before the action; a form with nothing to cancel leaves it out. */
  onCancel?: () => void;
  /** Cancel takes the dialog's first focus: confirmations that should not be accepted by a stray Enter. */
  focusCancel?: boolean;
  confirmLabel: string;
  /** The action as a plain button; without it the action is the form's submit button. */
  onConfirm?: () => void;
  /** While the action runs the button is disabled and says `pendingLabel` («Guardando…» unless told). */
  pending?: boolean;
  pendingLabel?: string;
  disabled?: boolean;
  danger?: boolean;
  /** The id of a text that says why the action is not available. */
  describedBy?: string;
  /** A form on a page (not in a dialog) may keep its one button at the start, under its fields. */
  align?: 'end' | 'start';
}

/** The end of every form and dialog: its refusal, «Cancelar», and the one action. */
export function FormFooter({ error = null, onCancel, focusCancel = false, confirmLabel, onConfirm, pending = false, pendingLabel, disabled = false, danger = false, describedBy, align = 'end' }: FormFooterProps) {
  return (
    <>
      <FormError message={error} />
      <div className={`form-actions form-footer${align === 'start' ? ' start' : ''}`}>
        {onCancel && (
          <button type="button" onClick={onCancel} data-autofocus={focusCancel || undefined}>
            {t('common.cancel')}
          </button>
        )}
        <button type={onConfirm ? 'button' : 'submit'} className={danger ? 'danger' : 'primary'} disabled={disabled || pending} onClick={onConfirm} aria-describedby={describedBy}>
          {pending ? (pendingLabel ?? t('common.saving')) : confirmLabel}
        </button>
      </div>
    </>
  );
}
