import { changesOf, type DataArea } from '../../../shared/contract';

/**
 * Which screens show each area of the data a write can change, as the roots of their query
 * keys (the first element of every key in the features' queries.ts). What a write changes is
 * declared once, beside the method in shared/contract; this table only says where each area is
 * seen, and is checked to cover every area. Editions and entries are named on nearly every screen
 * (titles, categories, criteria), so their writes refresh widely; they are rare.
 * A score write does not refresh the big grid (`scoringGrid`): the grid already shows what it
 * saved, and refetching 12,000 cells per keystroke would not do.
 */
const SHOWN_BY: Record<Exclude<DataArea, 'everything'>, readonly string[]> = {
  editions: ['editions', 'entries', 'jury', 'scoring', 'scoringGrid', 'results', 'encuentro'],
  entries: ['entries', 'editions', 'jury', 'scoring', 'scoringGrid', 'results', 'encuentro'],
  reference: ['reference', 'entries', 'jury'],
  // 'auditCheck' is the start-up verification of the audit chain (AuditIntegrityBanner): re-run
  // after configuration writes and a key import, not after every score.
  jury: ['jury', 'scoring', 'scoringGrid', 'results', 'auditCheck'],
  scores: ['jury', 'scoring', 'results'],
  results: ['results', 'jury'],
  encuentro: ['encuentro'],
  // The app's status shows the last backup.
  backups: ['backups', 'app'],
  sede: ['sede'],
};

/** The query roots to refresh after a write of `method`: 'all' for a restore or a method this build does not know. */
export function rootsChangedBy(method: string): readonly string[] | 'all' {
  const changes = changesOf(method);
  if (changes === null || changes.includes('everything')) return 'all';
  return unique(changes.flatMap((area) => (area === 'everything' ? [] : SHOWN_BY[area])));
}

/** The roots of several areas, for a write that did more than its declaration says (it also took a backup). */
export function rootsShowing(areas: readonly Exclude<DataArea, 'everything'>[]): readonly string[] {
  return unique(areas.flatMap((area) => SHOWN_BY[area]));
}

function unique(roots: readonly string[]): string[] {
  return [...new Set(roots)];
}
