import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type UseFormRegister } from 'react-hook-form';
import type { CreatedInvitation } from '../../../../shared/contract/sede';
import { ROLES } from '../../../../shared/sede/roles';
import { formatDateTime, t } from '../../../../shared/i18n';
import { useAnnounce } from '../../app/announcer';
import { Dialog } from '../../components/Dialog';
import { InputField, SelectField } from '../../components/fields';
import { errorText, placeServerError } from '../../lib/errors';
import { FormFooter } from '../../components/FormFooter';
import { useEncuentro, useEncuentros } from '../encuentro/queries';
import { useEditions } from '../editions/queries';
import { useJurors } from '../jury/queries';
import { EMPTY_INVITATION, invitationForm, invitationInput, type InvitationFormInput, type InvitationFormValues } from './invitation-form';
import { roleLabel } from './labels';
import { useCreateInvitation } from './mutations';

/** «Invitar un dispositivo»: who, which role bound to what, for how long; then the code to give them. */
export function InviteDialog({ onClose }: { onClose(): void }) {
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  return (
    <Dialog title={created ? t('sedeUi.invite.createdTitle', { name: created.name }) : t('sedeUi.invite.open')} onClose={onClose} size="large">
      {created ? <CreatedView invitation={created} onAnother={() => setCreated(null)} onClose={onClose} /> : <InviteForm onCreated={setCreated} onClose={onClose} />}
    </Dialog>
  );
}

function InviteForm({ onCreated, onClose }: { onCreated(invitation: CreatedInvitation): void; onClose(): void }) {
  const create = useCreateInvitation();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<InvitationFormInput, unknown, InvitationFormValues>({ resolver: zodResolver(invitationForm), defaultValues: EMPTY_INVITATION });
  const [role, editionId, encuentroId, projectorTarget] = useWatch({ control, name: ['role', 'editionId', 'encuentroId', 'projectorTarget'] });
  const onSubmit = async (values: InvitationFormValues) => {
    setFormError(null);
    try {
      onCreated(await create.mutateAsync(invitationInput(values)));
    } catch (error) {
      if (!placeServerError(error, setError)) setFormError(errorText(error));
    }
  };
  return (
    <form className="form" onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate>
      <InputField label={t('sedeUi.invite.name')} hint={t('sedeUi.invite.nameHint')} required error={errors.name?.message} {...register('name')} />
      <SelectField label={t('sedeUi.invite.role')} hint={t(`sedeUi.invite.roleHint.${role}`)} required {...register('role')}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </SelectField>
      {role === 'juror' && (
        <>
          <EditionSelect register={register} error={errors.editionId?.message} />
          {editionId !== '' && <JurorSelect editionId={Number(editionId)} register={register} error={errors.jurorId?.message} />}
        </>
      )}
      {(role === 'moderator' || role === 'checkIn' || role === 'projector') && (
        <>
          <EncuentroSelect register={register} error={errors.encuentroId?.message} />
          {encuentroId !== '' && role !== 'checkIn' && (
            <EncuentroParts encuentroId={Number(encuentroId)} role={role} register={register} watchTarget={projectorTarget} errors={errors} />
          )}
        </>
      )}
      <InputField label={t('sedeUi.invite.minutes')} hint={t('sedeUi.invite.minutesHint')} inputMode="numeric" required error={errors.validMinutes?.message} {...register('validMinutes')} />
      <FormFooter error={formError} onCancel={onClose} confirmLabel={t('sedeUi.invite.submit')} pending={isSubmitting} pendingLabel={t('common.working')} />
    </form>
  );
}

type Register = UseFormRegister<InvitationFormInput>;

function EditionSelect({ register, error }: { register: Register; error: string | undefined }) {
  const editions = useEditions(false);
  return (
    <SelectField label={t('sedeUi.invite.edition')} required error={error ?? (editions.error ? errorText(editions.error) : undefined)} {...register('editionId')}>
      <option value="">{t('sedeUi.invite.chooseEdition')}</option>
      {(editions.data ?? []).map((edition) => (
        <option key={edition.id} value={edition.id}>
          {edition.name}
        </option>
      ))}
    </SelectField>
  );
}

function JurorSelect({ editionId, register, error }: { editionId: number; register: Register; error: string | undefined }) {
  const jurors = useJurors(editionId);
  const active = (jurors.data ?? []).filter((juror) => !juror.withdrawn);
  return (
    <SelectField
      label={t('sedeUi.invite.juror')}
      required
      error={error ?? (jurors.error ? errorText(jurors.error) : jurors.data && active.length === 0 ? t('sedeUi.invite.noJurors') : undefined)}
      {...register('jurorId')}
    >
      <option value="">{t('sedeUi.invite.chooseJuror')}</option>
      {active.map((juror) => (
        <option key={juror.id} value={juror.id}>
          {juror.name}
        </option>
      ))}
    </SelectField>
  );
}

function EncuentroSelect({ register, error }: { register: Register; error: string | undefined }) {
  const encuentros = useEncuentros(null);
  return (
    <SelectField label={t('sedeUi.invite.encuentro')} required error={error ?? (encuentros.error ? errorText(encuentros.error) : undefined)} {...register('encuentroId')}>
      <option value="">{t('sedeUi.invite.chooseEncuentro')}</option>
      {(encuentros.data ?? []).map((encuentro) => (
        <option key={encuentro.id} value={encuentro.id}>
          {`${encuentro.name} · ${encuentro.editionName}`}
        </option>
      ))}
    </SelectField>
  );
}

/** A moderator's salas (one or more), or a projector's sala or practice. */
function EncuentroParts({
  encuentroId,
  role,
  register,
  watchTarget,
  errors,
}: {
  encuentroId: number;
  role: 'moderator' | 'projector';
  register: Register;
  watchTarget: 'sala' | 'practice';
  errors: Partial<Record<'salaIds' | 'salaId' | 'practiceId', { message?: string | undefined }>>;
}) {
  const encuentro = useEncuentro(encuentroId);
  if (encuentro.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (!encuentro.data)
    return (
      <p className="form-error" role="alert">
        {errorText(encuentro.error)}
      </p>
    );
  const { salas, practices } = encuentro.data;
  if (role === 'moderator')
    return (
      <fieldset className="plain-fieldset" aria-describedby={errors.salaIds?.message ? 'invite-salas-error' : undefined}>
        <legend>{t('sedeUi.invite.salas')}</legend>
        {salas.length === 0 && <p className="empty">{t('sedeUi.invite.noSalas')}</p>}
        {salas.map((sala) => (
          <div key={sala.id} className="field-checkbox">
            <label>
              <input type="checkbox" value={String(sala.id)} {...register('salaIds')} /> {sala.name}
            </label>
          </div>
        ))}
        {errors.salaIds?.message && (
          <p id="invite-salas-error" className="field-error">
            {errors.salaIds.message}
          </p>
        )}
      </fieldset>
    );
  return (
    <>
      <fieldset className="plain-fieldset">
        <legend>{t('sedeUi.invite.projectorShows')}</legend>
        <label>
          <input type="radio" value="sala" {...register('projectorTarget')} /> {t('sedeUi.invite.projectorSala')}
        </label>{' '}
        <label>
          <input type="radio" value="practice" {...register('projectorTarget')} /> {t('sedeUi.invite.projectorPractice')}
        </label>
      </fieldset>
      {watchTarget === 'sala' ? (
        <SelectField label={t('sedeUi.invite.sala')} required error={errors.salaId?.message} {...register('salaId')}>
          <option value="">{t('sedeUi.invite.chooseSala')}</option>
          {salas.map((sala) => (
            <option key={sala.id} value={sala.id}>
              {sala.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <SelectField label={t('sedeUi.invite.practice')} required error={errors.practiceId?.message} {...register('practiceId')}>
          <option value="">{t('sedeUi.invite.choosePractice')}</option>
          {practices.map((practice) => (
            <option key={practice.id} value={practice.id}>
              {`${practice.igedName} — ${practice.title}`}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}

/** The only time the code is shown (the hub keeps its hash): large, as a QR code, and as the address to open. */
function CreatedView({ invitation, onAnother, onClose }: { invitation: CreatedInvitation; onAnother(): void; onClose(): void }) {
  const announce = useAnnounce();
  // The form this replaces had the focus: it goes to «Listo», inside the dialog.
  const done = useRef<HTMLButtonElement>(null);
  useEffect(() => done.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.joinUrl ?? invitation.code);
      announce(t('sedeUi.invite.copied'));
    } catch {
      announce(t('sedeUi.invite.copyFailed'), 'error');
    }
  };
  return (
    <div className="invitation-created">
      <p>{t('sedeUi.invite.createdHelp', { role: roleLabel(invitation.scope.role), scope: invitation.scopeLabel, expires: formatDateTime(invitation.expiresAt) })}</p>
      <p className="invitation-code" data-testid="invitation-code" aria-label={t('sedeUi.invite.codeLabel', { code: spelled(invitation.code) })}>
        {invitation.code}
      </p>
      {invitation.qrSvg ? (
        <img className="invitation-qr" src={svgDataUrl(invitation.qrSvg)} alt={t('sedeUi.invite.qrAlt', { name: invitation.name })} />
      ) : (
        <p className="notice">{t('sedeUi.invite.noQr')}</p>
      )}
      {invitation.joinUrl && (
        <p className="invitation-url">
          <span className="muted">{t('sedeUi.invite.joinUrl')}</span> <code data-testid="invitation-url">{invitation.joinUrl}</code>
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => void copy()}>
          {invitation.joinUrl ? t('sedeUi.invite.copyUrl') : t('sedeUi.invite.copyCode')}
        </button>
        <button type="button" onClick={onAnother}>
          {t('sedeUi.invite.another')}
        </button>
        <button ref={done} type="button" className="primary" onClick={onClose}>
          {t('sedeUi.invite.done')}
        </button>
      </div>
    </div>
  );
}

/**
 * The QR code as an image, never as markup in the page: an <img> of an SVG runs no script and
 * reaches nothing of the app, whatever the SVG holds.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** «K 7 M 2 - P 9 Q X»: a screen reader reads the code character by character. */
function spelled(code: string): string {
  return code.split('').join(' ');
}
