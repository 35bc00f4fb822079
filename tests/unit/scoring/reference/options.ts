/** How a stage is consolidated: the official method, the rules for gaps, ties and flags. */

export const METHODS = ['mean', 'median', 'trimmed', 'zscore'] as const;
export type Method = (typeof METHODS)[number];

/**
 * One step of the tie-break chain — the same vocabulary as the edition's jury settings
 * (TieBreakStep in shared/domain/jury-types.ts), plus 'higherMean' for median-based rankings.
 * 'organizerDecision' ends the chain: a recorded decision orders the entries still tied and
 * any later step is never reached. A recorded decision is applied at the end even when the
 * chain omits the step, since the organizer made it for exactly that tie. No step is ever
 * random (HotCRP's shuffle is not acceptable in a public contest).
 */
export type TieRule =
  | { kind: 'priorityCriterion'; criterionId: number }
  | { kind: 'higherMedian' }
  | { kind: 'higherMean' }
  | { kind: 'smallerSpread' }
  | { kind: 'organizerDecision' };

/**
 * What to do when a juror left an applicable criterion unscored:
 * - 'incomplete': the juror's total is reported as incomplete and left out of every method;
 * - 'rescale': the scored criteria are scaled up to the full range, as long as they cover at
 *   least `rescaleMinCoverage` of the total's range (else incomplete as well).
 */
export type MissingRule = 'incomplete' | 'rescale';

export interface ConsolidationOptions {
  /** The official method: its ranking is the acta's, its value is compared with the cut-off. */
  method: Method;
  missingRule: MissingRule;
  /** Fraction (0–1] of the total's range the scored criteria must cover to be rescaled. */
  rescaleMinCoverage: number;
  /** Fewest jurors for the trimmed mean (one highest and one lowest are dropped). */
  trimmedMinJurors: number;
  /** Flag an entry when max − min of its jurors' totals exceeds this fraction of the total's range. */
  disagreementThreshold: number;
  /** How many top places are compared between methods. */
  topPlaces: number;
  tieBreak: readonly TieRule[];
}

export const DEFAULT_OPTIONS: ConsolidationOptions = {
  method: 'mean',
  missingRule: 'incomplete',
  rescaleMinCoverage: 0.5,
  trimmedMinJurors: 5,
  disagreementThreshold: 0.25,
  topPlaces: 3,
  tieBreak: [{ kind: 'higherMedian' }, { kind: 'smallerSpread' }, { kind: 'organizerDecision' }],
};

export function withDefaults(options: Partial<ConsolidationOptions> | undefined): ConsolidationOptions {
  return { ...DEFAULT_OPTIONS, ...stripUndefined(options ?? {}) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
