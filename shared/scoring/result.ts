import type { AlphaResult } from './krippendorff';
import type { ConsolidationOptions, Method } from './options';
import type { TieGroup } from './rank';
import type { TotalScale } from './scale';
import type { JurorTotal } from './totals';

/** Plain data only (arrays and records, no Map): the result crosses IPC and HTTP as JSON. */

export interface CriterionMean {
  criterionId: number;
  /** Mean over the jurors who scored it (abstained and recused sheets excluded); null if nobody did. */
  mean: number | null;
  count: number;
}

export interface EntryResult {
  entryId: number;
  code: string;
  title: string;
  categoryId: number | null;
  scale: TotalScale;
  /** Every sheet of the entry, counted or not, with its reason. */
  totals: JurorTotal[];
  /** Jurors whose total counts (complete or rescaled). */
  counted: number;
  abstained: number;
  recused: number;
  incomplete: number;
  values: Record<Method, number | null>;
  /** Fewer counted jurors than the trimmed mean needs. */
  trimmedNotApplicable: boolean;
  /** max − min of the counted totals; null with fewer than two. */
  spread: number | null;
  /** spread > threshold · (scale max − min): the panel should discuss this entry. */
  disagreement: boolean;
  criterionMeans: CriterionMean[];
  /** Rank within the category under each method; null when unranked or the method does not apply. */
  ranks: Record<Method, number | null>;
  /** Official value ≥ cut-off; null when the stage has no cut-off. */
  passes: boolean | null;
}

export interface MethodRanking {
  method: Method;
  /** False when some entry of the category lacks this method's value (trimmed mean with < N jurors). */
  applicable: boolean;
  order: number[];
  ties: TieGroup[];
  unresolved: boolean;
}

export interface CategoryResult {
  categoryId: number | null;
  scale: TotalScale;
  entryIds: number[];
  rankings: MethodRanking[];
  /** Each applicable method's entries ranked within the first `topPlaces` places, in order (an entry sharing the last of them included). */
  top: { method: Method; entryIds: number[] }[];
  /** The top places are not the same, in the same order, under every applicable method. */
  topDiffers: boolean;
}

export interface JurorStats {
  jurorId: number;
  name: string;
  counted: number;
  abstained: number;
  recused: number;
  incomplete: number;
  /** Totals as % of their scale (0–100), sorted: the distribution chart. */
  valuesPct: number[];
  meanPct: number | null;
  medianPct: number | null;
  sdPct: number | null;
  minPct: number | null;
  maxPct: number | null;
  /**
   * Leniency in percentage points: mean of (this juror's total − the other jurors' mean) over the
   * entries they share; positive = more generous. Null when no entry was scored by another juror.
   */
  leniency: number | null;
  zeroVariance: boolean;
}

export interface CriterionStats {
  criterionId: number;
  name: string;
  independent: boolean;
  scaleMin: number;
  scaleMax: number;
  count: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  /** Mean over entries with ≥ 2 values of their max − min on this criterion. */
  meanSpread: number | null;
  reliability: AlphaResult;
}

export interface ConsolidationResult {
  options: ConsolidationOptions;
  cutoff: number | null;
  entries: EntryResult[];
  categories: CategoryResult[];
  jurors: JurorStats[];
  criteria: CriterionStats[];
  /** Krippendorff's α (interval) on the jurors' totals, as fractions of their scale. */
  reliability: AlphaResult;
  overallMeanPct: number | null;
  zeroVarianceJurors: number[];
  passCount: number;
  disagreementCount: number;
  unresolvedTies: boolean;
}
