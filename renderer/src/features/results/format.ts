import { METHODS, type Method, type TieStepRule } from '../../../../shared/scoring';
import { formatNumber, t } from '../../../../shared/i18n';

export { METHODS };

export function methodName(method: Method): string {
  return t(`results.method.short.${method}`);
}

export function num(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? '—' : formatNumber(value, digits);
}

export function rankText(rank: number | null): string {
  return rank === null ? '—' : t('juryUi.results.rankOrdinal', { rank });
}

/** How a tie-break step reads in the results screen (the same words as the acta). */
export function ruleText(rule: TieStepRule, criterionName: (id: number) => string): string {
  switch (rule.kind) {
    case 'priorityCriterion':
      return t('results.rule.priorityCriterion', { criterion: criterionName(rule.criterionId) });
    case 'higherMedian':
      return t('results.rule.higherMedian');
    case 'higherMean':
      return t('results.rule.higherMean');
    case 'smallerSpread':
      return t('results.rule.smallerSpread');
    case 'organizerDecision':
      return t('results.rule.organizerDecision');
    case 'unresolved':
      return t('results.rule.unresolved');
  }
}
