/** Pure scoring maths: no Node, Electron or DOM. The service feeds it rows, the tests feed it by hand. */
export { consolidate, consolidateColumns } from './consolidate';
export { ABSTAINED, emptyColumns, RECUSED, SCORED, toColumns, toSheets, type ColumnarInput, type SheetColumns } from './columns';
export { krippendorffAlphaInterval, type AlphaResult } from './krippendorff';
export { DEFAULT_OPTIONS, METHODS, withDefaults, type ConsolidationOptions, type Method, type MissingRule, type TieRule } from './options';
export { rankEntries, type AutomaticRule, type RankCandidate, type Ranking, type TieGroup, type TieStep, type TieStepRule } from './rank';
export type { CategoryResult, ConsolidationResult, CriterionMean, CriterionStats, EntryResult, JurorStats, MethodRanking } from './result';
export { applicableCriteria, totalScale, type TotalScale } from './scale';
export { mean, median, populationSd, quantile, spread, trimmedMean } from './stats';
export { jurorTotal, type JurorTotal, type TotalStatus } from './totals';
export type { ConsolidationReport, TieDecisionRecord } from './report';
export type { ScoreSheet, ScoringCriterion, ScoringEntry, ScoringInput, ScoringJuror, TieDecision } from './types';
export { zScoreConsolidate, type JurorFraction, type ZScoreResult } from './zscore';
