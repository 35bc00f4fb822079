import type { Role } from '../../../../shared/sede/roles';
import { t, type MessageKey } from '../../../../shared/i18n';

const ROLE_LABEL: Record<Role, MessageKey> = {
  organizer: 'sedeUi.role.organizer',
  juror: 'sedeUi.role.juror',
  moderator: 'sedeUi.role.moderator',
  checkIn: 'sedeUi.role.checkIn',
  projector: 'sedeUi.role.projector',
};

/** A role as a heading or a table cell shows it («Moderador»). */
export function roleLabel(role: Role): string {
  return t(ROLE_LABEL[role]);
}
