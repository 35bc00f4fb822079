import { formatNumber, t } from '../i18n';

/**
 * One line of a tie-break explanation, worded the same on the results screen and in the acta.
 * A step the chain could not settle does not order the entries (they share the rank), so it
 * must not read as if one were above the other.
 */
export function tieLine(parts: { above: string; below: string; value: number; rule: string; unresolved: boolean }): string {
  const value = formatTied(parts.value);
  return parts.unresolved
    ? t('results.acta.tieUnresolvedLine', { above: parts.above, below: parts.below, value, rule: parts.rule })
    : t('results.acta.tieLine', { above: parts.above, below: parts.below, value, rule: parts.rule });
}

/** The tied value, with the rounding of the ranking table beside it (two decimals). */
export const formatTied = (value: number): string => formatNumber(value);

/**
 * The two values a rule compared, with the table's rounding unless they would then read the
 * same (a rule told them apart, so the text must too): then with as many decimals as it takes.
 */
export function comparedValues(above: number, below: number): { aboveValue: string; belowValue: string } {
  let digits = 2;
  while (digits < 6 && formatNumber(above, digits) === formatNumber(below, digits)) digits += 1;
  return { aboveValue: formatNumber(above, digits), belowValue: formatNumber(below, digits) };
}
