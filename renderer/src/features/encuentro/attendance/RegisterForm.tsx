import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { INSTITUTION_TYPES, institutionTypeLabel } from '../../../../../shared/domain/encuentro-attendance';
import { attendeeFields, type AttendeeFields, type AttendeeFieldsInput } from '../../../../../shared/domain/encuentro-schemas';
import type { AttendanceImportPreview, Attendee } from '../../../../../shared/domain/encuentro-types';
import { t } from '../../../../../shared/i18n';
import { call, fileToBase64 } from '../../../api/client';
import { useAnnounce } from '../../../app/announcer';
import { FilePicker } from '../../../components/FilePicker';
import { FormError } from '../../../components/FormError';
import { CheckboxField, InputField, SelectField } from '../../../components/fields';
import { errorText, placeServerError } from '../../../lib/errors';
import { useImportAttendance, useRegisterAttendee } from '../mutations';

const form = z.object({ fields: attendeeFields, checkIn: z.boolean() });
type FormInput = { fields: AttendeeFieldsInput; checkIn: boolean };
type FormOutput = { fields: AttendeeFields; checkIn: boolean };

const EMPTY: FormInput = { fields: { fullName: '', dni: '', institution: '', institutionType: 'ugel', cargo: '', region: '' }, checkIn: true };

/** Registering someone by hand (a walk-in is registered and checked in at once). */
export function RegisterForm({ encuentroId, onCheckedIn }: { encuentroId: number; onCheckedIn(attendee: Attendee): void }) {
  const register_ = useRegisterAttendee();
  const announce = useAnnounce();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(form), defaultValues: EMPTY });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await register_.mutateAsync({ encuentroId, fields: values.fields, checkIn: values.checkIn });
      announce(t(values.checkIn ? 'encuentroUi.attendance.registeredPresent' : 'encuentroUi.attendance.registered', { name: saved.fullName }));
      // A walk-in checked in becomes what «Deshacer» undoes, not the check-in before it.
      if (saved.checkedIn) onCheckedIn(saved);
      reset({ ...EMPTY, fields: { ...EMPTY.fields, institutionType: values.fields.institutionType }, checkIn: values.checkIn });
      setFocus('fields.fullName');
    } catch (error) {
      if (!placeServerError(error, setError, { 'encuentro.error.dniTaken': 'fields.dni' })) setFormError(errorText(error));
    }
  });
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <div className="form-grid">
        <InputField label={t('encuentroUi.attendee.fullName')} required className="span-2" error={errors.fields?.fullName?.message} {...register('fields.fullName')} />
        <InputField label={t('encuentroUi.attendee.dni')} inputMode="numeric" className="span-1" error={errors.fields?.dni?.message} {...register('fields.dni')} />
        <SelectField label={t('encuentroUi.attendee.institutionType')} required className="span-1" error={errors.fields?.institutionType?.message} {...register('fields.institutionType')}>
          {INSTITUTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {institutionTypeLabel(type)}
            </option>
          ))}
        </SelectField>
        <InputField label={t('encuentroUi.attendee.institution')} className="span-2" error={errors.fields?.institution?.message} {...register('fields.institution')} />
        <InputField label={t('encuentroUi.attendee.cargo')} className="span-1" error={errors.fields?.cargo?.message} {...register('fields.cargo')} />
        <InputField label={t('encuentroUi.attendee.region')} className="span-1" error={errors.fields?.region?.message} {...register('fields.region')} />
      </div>
      <CheckboxField label={t('encuentroUi.attendee.checkInNow')} {...register('checkIn')} />
      <FormError message={formError} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('encuentroUi.attendee.register')}
        </button>
      </div>
    </form>
  );
}

/** A roster from Excel or CSV: the service reads it and says what it would do; nothing is written until confirmed. */
export function RosterImport({ encuentroId }: { encuentroId: number }) {
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [preview, setPreview] = useState<AttendanceImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const commit = useImportAttendance();
  const announce = useAnnounce();
  const load = async (picked: File) => {
    setError(null);
    setPreview(null);
    setReading(true);
    try {
      const upload = { fileName: picked.name, dataBase64: await fileToBase64(picked) };
      const found = await call('encuentro.attendance.previewImport', { encuentroId, ...upload });
      setFile(upload);
      setPreview(found);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setReading(false);
    }
  };
  const confirm = async () => {
    if (!file) return;
    try {
      const done = await commit.mutateAsync({ encuentroId, ...file });
      announce(t('encuentroUi.import.done', { created: done.created, skipped: done.skipped }));
      setPreview(null);
      setFile(null);
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <div>
      <FilePicker label={t('encuentroUi.import.file')} hint={t('encuentroUi.import.hint')} accept=".xlsx,.csv" disabled={reading || commit.isPending} onFile={(f) => void load(f)} />
      {reading && <p className="muted">{t('common.working')}</p>}
      <FormError message={error} />
      {preview && (
        <div>
          <p>{t('encuentroUi.import.summary', { rows: preview.rowCount, added: preview.newCount, duplicates: preview.duplicateCount })}</p>
          <p className="small">{t('encuentroUi.import.byType')}</p>
          <dl className="import-by-type" data-testid="import-by-type">
            {INSTITUTION_TYPES.map((type) => (
              <div key={type} style={{ display: 'contents' }}>
                <dt>{institutionTypeLabel(type)}</dt>
                <dd>{preview.newByType[type]}</dd>
              </div>
            ))}
          </dl>
          {preview.issues.length > 0 && (
            <ul className="small">
              {preview.issues.slice(0, 30).map((issue, i) => (
                <li key={i} className={issue.severity === 'error' ? 'field-error' : 'muted'}>
                  {t('encuentroUi.import.issue', { row: issue.row, message: issue.message })}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="primary" disabled={!preview.canCommit || commit.isPending} onClick={() => void confirm()}>
            {t('encuentroUi.import.confirm', { count: preview.newCount })}
          </button>
        </div>
      )}
    </div>
  );
}
