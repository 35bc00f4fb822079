import { useState, type ReactNode } from 'react';
import { t } from '../../../shared/i18n';
import { errorText } from '../lib/errors';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): Promise<unknown>;
  onClose(): void;
}

/** Asks before an action that is hard to undo; shows the failure inside the dialog. */
export function ConfirmDialog({ title, children, confirmLabel, danger = false, onConfirm, onClose }: ConfirmDialogProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError(errorText(caught));
      setPending(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="confirm-text">{children}</div>
      <FormFooter
        error={error}
        onCancel={onClose}
        focusCancel
        confirmLabel={confirmLabel}
        onConfirm={() => void confirm()}
        pending={pending}
        pendingLabel={t('common.working')}
        danger={danger}
      />
    </Dialog>
  );
}
