import type { Role } from '../../../../shared/sede/roles';
import { t, type MessageKey } from '../../../../shared/i18n';

const ROLE_LABEL: Record<Role, MessageKey> = {
  organizador: 'sedeUi.role.organizador',
  jurado: 'sedeUi.role.jurado',
  moderador: 'sedeUi.role.moderador',
  registro: 'sedeUi.role.registro',
  proyector: 'sedeUi.role.proyector',
};

/** A role as a heading or a table cell shows it («Moderador»). */
export function roleLabel(role: Role): string {
  return t(ROLE_LABEL[role]);
}
