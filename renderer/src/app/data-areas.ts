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

/** A query key prefix: every query whose key starts with it is refreshed. */
export type KeyPrefix = readonly unknown[];

/**
 * Writes that save a text as someone types (one save every few hundred milliseconds): another
 * screen's re-read of what they change is coalesced (useDataChangedEvents), and a screen that
 * shows the text live applies it from the pushed Encuentro event instead.
 */
export const TEXT_SAVES: ReadonlySet<string> = new Set(['encuentro.contributions.updateText', 'encuentro.synthesis.updateItem', 'encuentro.summary.updateItem']);

/**
 * The queries a write changes, from the records its event names (shared/domain/change-events.ts):
 * finer than whole areas for the Encuentro's live parts, so a moderator's keystroke re-reads the
 * sala's contributions and synthesis, not the door's attendance. Falls back to the areas' roots
 * (rootsChangedBy) when the event does not name its records or their place.
 */
export function keysChangedBy(event: { method: string; records?: { kind: string; ids: readonly number[] } | null; scope?: Record<string, unknown> }): readonly KeyPrefix[] | 'all' {
  const fine = event.records && event.scope ? encuentroKeysOf(event.records.kind, event.records.ids, event.scope) : null;
  if (fine) return COUNTED.test(event.method) ? [...fine, ['encuentro', 'list'], ['encuentro', 'detail', event.scope!.encuentroId]] : fine;
  const roots = rootsChangedBy(event.method);
  return roots === 'all' ? 'all' : roots.map((root) => [root]);
}

/** Writes that add or take away a contribution or an attendee: the Encuentro's list and detail show how many there are. */
const COUNTED = /^encuentro\.(contributions\.(create|delete|restore)|attendance\.(register|delete|import))$/;

function encuentroKeysOf(kind: string, ids: readonly number[], scope: Record<string, unknown>): KeyPrefix[] | null {
  const encuentroId = typeof scope.encuentroId === 'number' ? scope.encuentroId : null;
  const salaId = typeof scope.salaId === 'number' ? scope.salaId : scope.salaId === null ? null : undefined;
  if (encuentroId === null) return null;
  switch (kind) {
    case 'contribution':
      if (salaId === undefined) return null;
      // The sala's list and the Encuentro-wide one; a synthesis item shows its sources' texts.
      return [
        ['encuentro', 'contributions', encuentroId, salaId],
        ...(salaId !== null ? [['encuentro', 'contributions', encuentroId, null], ['encuentro', 'synthesis', salaId]] : []),
        ...ids.map((id) => ['encuentro', 'history', id]),
      ];
    case 'synthesisItem':
      // The cross-sala summary shows the synthesis items it was built from.
      return typeof salaId === 'number' ? [['encuentro', 'synthesis', salaId], ['encuentro', 'summary', encuentroId]] : null;
    case 'summaryItem':
      return [['encuentro', 'summary', encuentroId]];
    case 'attendee':
      return [['encuentro', 'attendance', encuentroId], ['encuentro', 'counts', encuentroId]];
    default:
      return null;
  }
}
