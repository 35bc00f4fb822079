import { t } from '../i18n';

/** Who comes to an Encuentro. DRE/GRE and UGEL staff are counted apart, as the report does. */
export const INSTITUTION_TYPES = ['dreGre', 'ugel', 'minedu', 'academic', 'externalGuest', 'other'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** "servidores que desempeñan funciones en las DRE/GRE y UGEL". */
export const SERVIDOR_TYPES: ReadonlySet<InstitutionType> = new Set<InstitutionType>(['dreGre', 'ugel']);

export function institutionTypeLabel(type: InstitutionType): string {
  return t(`encuentro.institutionType.${type}`);
}

/** A Peruvian DNI: exactly eight digits. Empty means "not given". */
export function isValidDni(value: string): boolean {
  return value === '' || /^\d{8}$/.test(value);
}

export interface AttendanceCounts {
  registered: number;
  checkedIn: number;
  byType: Record<InstitutionType, { registered: number; checkedIn: number }>;
  /** DRE/GRE + UGEL staff. */
  servidores: { registered: number; checkedIn: number };
}

export function emptyCounts(): AttendanceCounts {
  const byType = Object.fromEntries(INSTITUTION_TYPES.map((type) => [type, { registered: 0, checkedIn: 0 }])) as AttendanceCounts['byType'];
  return { registered: 0, checkedIn: 0, byType, servidores: { registered: 0, checkedIn: 0 } };
}

/**
 * The figures the report quotes. Once anyone has been checked in at the door, attendance means
 * those present; before (or when organizers only kept a list), it falls back to the registered.
 */
export function reportedAttendance(counts: AttendanceCounts): { total: number; servidores: number; basis: 'checkedIn' | 'registered'; byType: Record<InstitutionType, number> } {
  const basis = counts.checkedIn > 0 ? 'checkedIn' : 'registered';
  const byType = Object.fromEntries(INSTITUTION_TYPES.map((type) => [type, counts.byType[type][basis]])) as Record<InstitutionType, number>;
  return { total: counts[basis], servidores: counts.servidores[basis], basis, byType };
}

// The order in which the report lists who came.
const SENTENCE_GROUPS: { types: InstitutionType[]; key: 'management' | 'minedu' | 'guests' | 'academic' | 'others' }[] = [
  { types: ['dreGre', 'ugel'], key: 'management' },
  { types: ['minedu'], key: 'minedu' },
  { types: ['externalGuest'], key: 'guests' },
  { types: ['academic'], key: 'academic' },
  { types: ['other'], key: 'others' },
];

/**
 * "Participaron 145 asistentes, entre directivos y equipos de las DRE/GRE y UGEL, del MINEDU,
 * invitados externos y de la academia; 37 de ellos son servidores que desempeñan funciones en
 * las DRE/GRE y UGEL." — built from the counts, naming only the groups that are present.
 */
export function attendanceSentence(counts: AttendanceCounts): string {
  const figures = reportedAttendance(counts);
  if (figures.total === 0) return t('encuentro.report.attendance.none');
  const groups = SENTENCE_GROUPS.filter((g) => g.types.some((type) => figures.byType[type] > 0)).map((g) =>
    t(`encuentro.report.attendance.group.${g.key}`),
  );
  const among = groups.length > 0 ? t('encuentro.report.attendance.among', { groups: joinSpanish(groups) }) : '';
  const head =
    figures.total === 1 ? t('encuentro.report.attendance.one', { among }) : t('encuentro.report.attendance.many', { total: figures.total, among });
  const tail =
    figures.servidores === 0
      ? ''
      : figures.servidores === 1
        ? t('encuentro.report.attendance.servidorOne')
        : t('encuentro.report.attendance.servidores', { servidores: figures.servidores });
  return `${head}${tail}.`;
}

/** "a, b y c" — and "b e invitados": Spanish writes "e" before a word that starts with the sound /i/. */
export function joinSpanish(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1] ?? '';
  const and = /^h?[iíIÍ](?![aeoáéó])/.test(last) ? 'e' : 'y';
  return `${items.slice(0, -1).join(', ')} ${and} ${last}`;
}
