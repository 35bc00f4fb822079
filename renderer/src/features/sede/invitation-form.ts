import { z } from 'zod';
import type { MethodInput } from '../../../../shared/contract';
import { ROLES, type SessionScope } from '../../../../shared/sede/roles';
import { t } from '../../../../shared/i18n';

/**
 * «Invitar un dispositivo»: the form's flat values (a select or a checkbox per field) and the
 * invitation they make. What each role is bound to is asked only for that role; what is missing
 * is said beside its field, and nothing is sent.
 */
const chosenId = z.string();
export const invitationForm = z
  .object({
    name: z.string().trim().min(1, t('sedeUi.invite.nameRequired')).max(120, t('sedeUi.invite.nameTooLong')),
    role: z.enum(ROLES),
    editionId: chosenId,
    jurorId: chosenId,
    encuentroId: chosenId,
    salaIds: z.array(z.string()),
    /** A projector shows one sala, or one practice. */
    projectorTarget: z.enum(['sala', 'practice']),
    salaId: chosenId,
    practiceId: chosenId,
    validMinutes: z.coerce
      .number({ error: t('sedeUi.invite.minutesInvalid') })
      .int(t('sedeUi.invite.minutesInvalid'))
      .min(1, t('sedeUi.invite.minutesInvalid'))
      .max(24 * 60, t('sedeUi.invite.minutesInvalid')),
  })
  .superRefine((values, ctx) => {
    const need = (field: 'editionId' | 'jurorId' | 'encuentroId' | 'salaId' | 'practiceId', message: string) => {
      if (values[field] === '') ctx.addIssue({ code: 'custom', path: [field], message });
    };
    switch (values.role) {
      case 'juror':
        need('editionId', t('sedeUi.invite.editionRequired'));
        need('jurorId', t('sedeUi.invite.jurorRequired'));
        break;
      case 'moderator':
        need('encuentroId', t('sedeUi.invite.encuentroRequired'));
        if (values.encuentroId !== '' && values.salaIds.length === 0) ctx.addIssue({ code: 'custom', path: ['salaIds'], message: t('sedeUi.invite.salasRequired') });
        break;
      case 'checkIn':
        need('encuentroId', t('sedeUi.invite.encuentroRequired'));
        break;
      case 'projector':
        need('encuentroId', t('sedeUi.invite.encuentroRequired'));
        if (values.encuentroId === '') break;
        if (values.projectorTarget === 'sala') need('salaId', t('sedeUi.invite.salaRequired'));
        else need('practiceId', t('sedeUi.invite.practiceRequired'));
        break;
      case 'organizer':
        break;
    }
  });

export type InvitationFormInput = z.input<typeof invitationForm>;
export type InvitationFormValues = z.output<typeof invitationForm>;

export const EMPTY_INVITATION: InvitationFormInput = {
  name: '',
  role: 'juror',
  editionId: '',
  jurorId: '',
  encuentroId: '',
  salaIds: [],
  projectorTarget: 'sala',
  salaId: '',
  practiceId: '',
  validMinutes: 60,
};

/** The scope the chosen role is bound to (only the fields of that role count). */
export function scopeOf(values: InvitationFormValues): SessionScope {
  const id = (value: string) => Number(value);
  switch (values.role) {
    case 'organizer':
      return { role: 'organizer' };
    case 'juror':
      return { role: 'juror', editionId: id(values.editionId), jurorId: id(values.jurorId) };
    case 'moderator':
      return { role: 'moderator', encuentroId: id(values.encuentroId), salaIds: values.salaIds.map(id) };
    case 'checkIn':
      return { role: 'checkIn', encuentroId: id(values.encuentroId) };
    case 'projector':
      return values.projectorTarget === 'sala'
        ? { role: 'projector', encuentroId: id(values.encuentroId), salaId: id(values.salaId), practiceId: null }
        : { role: 'projector', encuentroId: id(values.encuentroId), salaId: null, practiceId: id(values.practiceId) };
  }
}

export function invitationInput(values: InvitationFormValues): MethodInput<'sede.invitations.create'> {
  return { name: values.name, scope: scopeOf(values), validMinutes: values.validMinutes };
}
