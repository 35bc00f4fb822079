import { comparedValues } from '../../../../shared/domain/tie-line';
import { LOCALE, t } from '../../../../shared/i18n';
import type { ConsolidationOptions, ConsolidationReport, Method, TieStep, TieStepRule, TotalStatus } from '../../../../shared/scoring';

/** Spanish wording of methods, rules and statuses, shared by the workbook and the acta. */

export const methodLabel = (method: Method): string => t(`results.method.${method}`);
export const methodShort = (method: Method): string => t(`results.method.short.${method}`);
export const statusLabel = (status: TotalStatus): string => t(`results.status.${status}`);

export function criterionName(report: ConsolidationReport, criterionId: number): string {
  return report.criteria.find((c) => c.id === criterionId)?.name ?? `#${criterionId}`;
}

export function categoryName(report: ConsolidationReport, categoryId: number | null): string {
  return report.categories.find((c) => c.id === categoryId)?.name ?? t('results.noCategory');
}

export function ruleLabel(report: ConsolidationReport, rule: TieStepRule | ConsolidationOptions['tieBreak'][number]): string {
  switch (rule.kind) {
    case 'priorityCriterion':
      return t('results.rule.priorityCriterion', { criterion: criterionName(report, rule.criterionId) });
    case 'organizerDecision': {
      const decision = 'decisionId' in rule ? report.decisions.find((d) => d.id === rule.decisionId) : undefined;
      return decision ? t('results.rule.decisionReason', { reason: decision.reason }) : t('results.rule.organizerDecision');
    }
    default:
      return t(`results.rule.${rule.kind}`);
  }
}

/** The rule with the two values it compared, e.g. "mayor mediana (3,5 frente a 3)". */
export function stepLabel(report: ConsolidationReport, step: TieStep): string {
  const rule = ruleLabel(report, step.rule);
  if (step.aboveValue === null || step.belowValue === null) return rule;
  return t('results.acta.tieValues', { rule, ...comparedValues(step.aboveValue, step.belowValue) });
}

export function chainLabel(report: ConsolidationReport): string {
  const rules = report.result.options.tieBreak.map((r) => ruleLabel(report, r));
  if (!report.result.options.tieBreak.some((r) => r.kind === 'organizerDecision')) rules.push(t('results.rule.organizerDecision'));
  return rules.join(' → ');
}

export function missingRuleLabel(options: ConsolidationOptions): string {
  return options.missingRule === 'rescale'
    ? t('results.missing.rescale', { coverage: Math.round(options.rescaleMinCoverage * 100) })
    : t('results.missing.incomplete');
}

/** File-name part: lower case, accents dropped, spaces to dashes. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'sin-nombre'
  );
}

// One formatter each, built once: Intl formatters are slow to construct, and the audit sheet
// formats one date per row (tens of thousands in a large stage).
const number2 = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

export function formatScore(value: number): string {
  return number2.format(value);
}
