import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { reason } from '../../../../../shared/domain/jury-schemas';
import { optionalText } from '../../../../../shared/domain/schemas';
import { t } from '../../../../../shared/i18n';
import { Dialog } from '../../../components/Dialog';
import { FormFooter } from '../../../components/FormFooter';
import { TextAreaField } from '../../../components/fields';
import { useFormSubmit } from '../../../lib/form-submit';

interface ReasonDialogProps {
  title: string;
  confirmLabel: string;
  /** Most jury decisions must say why (it goes to the audit log); closing a stage may not. */
  required?: boolean;
  danger?: boolean;
  children?: ReactNode;
  onSubmit(reason: string): Promise<unknown>;
  onClose(): void;
}

const requiredSchema = z.object({ reason });
const optionalSchema = z.object({ reason: optionalText(2000) });
type Input = { reason?: string | undefined };
type Output = { reason: string };

/** A confirmation that records a reason: withdraw a juror, dismiss a conflict, reopen a sheet or a stage. */
export function ReasonDialog({ title, confirmLabel, required = true, danger = false, children, onSubmit, onClose }: ReasonDialogProps) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver<Input, unknown, Output>(required ? requiredSchema : optionalSchema), defaultValues: { reason: '' } });
  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, async (values) => {
    await onSubmit(values.reason);
    onClose();
  });
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="form" noValidate onSubmit={submit}>
        {children}
        <TextAreaField label={t('juryUi.reason')} required={required} error={errors.reason?.message} data-autofocus {...register('reason')} />
        <FormFooter error={formError} onCancel={onClose} confirmLabel={confirmLabel} pending={isSubmitting} pendingLabel={t('common.working')} danger={danger} />
      </form>
    </Dialog>
  );
}
