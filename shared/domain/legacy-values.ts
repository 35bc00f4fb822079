/**
 * Stored values written by versions before schema 10, which kept some enumerations as Spanish
 * words. Every stored value is now an English camelCase identifier (names of Peruvian
 * institutions stay as lowercase acronyms: 'ugel', 'minedu', 'dreGre').
 *
 * Migration 010 rewrites the tables with these maps. What it cannot rewrite still reaches the
 * app with the old words, and is read through `currentValue`:
 *  - audit rows (keyed and chained: never rewritten) keep the device role they recorded;
 *  - files written by an older version that a person imports again (entries, attendance);
 *  - lines typed on the capture screen before the upgrade and kept in the browser's journal.
 * These maps are frozen history: never change or remove an entry.
 */
export const LEGACY_ENTRY_STATUS = { pendiente: 'pending', pasa: 'passed', no_pasa: 'notPassed', observada: 'observed' } as const;

export const LEGACY_SYNTHESIS_STATUS = { borrador: 'draft', revision: 'review', final: 'final' } as const;

export const LEGACY_CONTRIBUTION_BLOCK = { limitantes: 'limiting', favorables: 'enabling', acciones: 'actions', condiciones: 'conditions' } as const;

/** The levels of a contribution (the two families of the capture matrix) and of the plenary table. */
export const LEGACY_LEVEL = {
  ugel: 'ugel',
  dre: 'dre',
  dre_gre_gr: 'dreGreGr',
  dre_gr: 'dreGr',
  minedu: 'minedu',
  actores_locales: 'localActors',
  otros_actores: 'otherActors',
} as const;

export const LEGACY_SYNTHESIS_AXIS = { sostenibilidad: 'sustainability', replica: 'replication' } as const;

export const LEGACY_INSTITUTION_TYPE = {
  dre_gre: 'dreGre',
  ugel: 'ugel',
  minedu: 'minedu',
  academia: 'academic',
  invitado_externo: 'externalGuest',
  otro: 'other',
} as const;

export const LEGACY_NARRATIVE_SECTION = { antecedentes: 'background', metodologia: 'methodology', inauguracion: 'opening', clausura: 'closing' } as const;

/** The two kinds of IGED: acronyms, kept as such, in lower case like every other stored acronym. */
export const LEGACY_IGED_KIND = { DRE: 'dre', UGEL: 'ugel' } as const;

export const LEGACY_ROLE = { organizador: 'organizer', jurado: 'juror', moderador: 'moderator', registro: 'checkIn', proyector: 'projector' } as const;

/** The current value of one that may have been stored before schema 10; any other value unchanged. */
export function currentValue<M extends Readonly<Record<string, string>>>(map: M, value: string): string {
  return Object.hasOwn(map, value) ? (map[value] as string) : value;
}
