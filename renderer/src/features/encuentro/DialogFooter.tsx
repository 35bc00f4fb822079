import { t } from '../../../../shared/i18n';
import { FormError } from '../../components/FormError';

/** A dialog's refusal (if any) and its two buttons: «Cancelar» and the action (a submit button when `onConfirm` is not given). */
export function DialogFooter({ error, onCancel, confirmLabel, onConfirm, disabled = false }: { error: string | null; onCancel(): void; confirmLabel: string; onConfirm?: () => void; disabled?: boolean }) {
  return (
    <>
      <FormError message={error} />
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type={onConfirm ? 'button' : 'submit'} className="primary" disabled={disabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </>
  );
}
