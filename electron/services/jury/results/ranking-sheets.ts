import { formatDateTime, t } from '../../../../shared/i18n';
import { METHODS, type ConsolidationReport, type EntryResult } from '../../../../shared/scoring';
import { categoryName, chainLabel, formatScore, methodLabel, methodShort, missingRuleLabel, stepLabel } from './labels';
import { sheetName, type Cell, type SheetSpec } from './xlsx-stream';

const yesNo = (value: boolean): string => t(value ? 'results.yes' : 'results.no');
const NUM = '0.00';

export function summarySheet(report: ConsolidationReport, now: Date, auditLine: string): SheetSpec {
  const { result } = report;
  const alpha = result.reliability.alpha;
  const rows: Cell[][] = [
    [t('results.workbook.stageState'), t(report.stageClosed ? 'results.workbook.closed' : 'results.workbook.open')],
    [t('results.workbook.officialMethod'), methodLabel(result.options.method)],
    [t('results.workbook.missingRule'), missingRuleLabel(result.options)],
    [t('results.workbook.threshold'), t('results.workbook.thresholdValue', { pct: result.options.disagreementThreshold * 100 })],
    [t('results.workbook.tieChain'), chainLabel(report)],
    [t('results.workbook.cutoff'), result.cutoff ?? t('results.workbook.noCutoff')],
    [t('results.workbook.alpha'), alpha === null ? t('results.workbook.alphaUndefined') : alpha],
    [t('results.workbook.pending'), report.pendingSheets],
    [t('results.workbook.conflicted'), report.conflictedSheets],
    [t('results.workbook.generatedAt'), formatDateTime(now.toISOString())],
    [t('results.workbook.audit'), auditLine],
  ];
  const title = t('results.workbook.title', { edition: report.editionName, stage: report.stageName });
  return { name: sheetName(t('results.workbook.sheet.summary')), headers: [title, ''], widths: [45, 90], rows };
}

/** One row per entry, grouped by category in the official order; every method's value and rank. */
export function rankingSheet(report: ConsolidationReport): SheetSpec {
  const official = report.result.options.method;
  const byId = new Map(report.result.entries.map((e) => [e.entryId, e]));
  const criteria = report.criteria;
  const headers = [
    t('results.col.category'),
    t('results.col.rankBy', { method: methodShort(official) }),
    t('results.col.code'),
    t('results.col.title'),
    ...METHODS.map((m) => t('results.col.valueBy', { method: methodShort(m) })),
    ...METHODS.map((m) => t('results.col.rankBy', { method: methodShort(m) })),
    t('results.col.jurors'),
    t('results.col.abstained'),
    t('results.col.recused'),
    t('results.col.incomplete'),
    t('results.col.spread'),
    t('results.col.disagreement'),
    t('results.col.topDiffers'),
    t('results.col.passes'),
    t('results.col.scale'),
    ...criteria.map((c) => c.name),
  ];
  const rows: Cell[][] = [];
  for (const category of report.result.categories) {
    const officialOrder = category.rankings.find((r) => r.method === official)?.order ?? [];
    const ranked = new Set(officialOrder);
    const ids = [...officialOrder, ...category.entryIds.filter((id) => !ranked.has(id))];
    for (const id of ids) {
      const e = byId.get(id) as EntryResult;
      const means = new Map(e.criterionMeans.map((c) => [c.criterionId, c.mean]));
      rows.push([
        categoryName(report, category.categoryId),
        e.ranks[official],
        e.code,
        e.title,
        ...METHODS.map((m) => (m === 'trimmed' && e.trimmedNotApplicable && e.counted > 0 ? t('results.trimmedNotApplicable', { min: report.result.options.trimmedMinJurors }) : e.values[m])),
        ...METHODS.map((m) => e.ranks[m]),
        e.counted,
        e.abstained,
        e.recused,
        e.incomplete,
        e.spread,
        yesNo(e.disagreement),
        yesNo(category.topDiffers),
        e.passes === null ? '' : yesNo(e.passes),
        `${formatScore(e.scale.min)}–${formatScore(e.scale.max)}`,
        ...criteria.map((c) => means.get(c.id) ?? null),
      ]);
    }
  }
  const fixed = [30, 12, 12, 50];
  const widths = [...fixed, ...METHODS.map(() => 14), ...METHODS.map(() => 12), 12, 12, 12, 12, 14, 12, 16, 12, 14, ...criteria.map(() => 14)];
  const formats = ['', '', '', '', ...METHODS.map(() => NUM), ...METHODS.map(() => ''), '', '', '', '', NUM, '', '', '', '', ...criteria.map(() => NUM)];
  return { name: sheetName(t('results.workbook.sheet.ranking')), headers, widths, formats, rows };
}

/** Every tie under every method and the rule that broke it. */
export function tiesSheet(report: ConsolidationReport): SheetSpec {
  const code = new Map(report.result.entries.map((e) => [e.entryId, e.code]));
  const rows: Cell[][] = [];
  for (const category of report.result.categories) {
    for (const ranking of category.rankings) {
      for (const tie of ranking.ties) {
        for (const step of tie.steps) {
          rows.push([
            categoryName(report, category.categoryId),
            methodShort(ranking.method),
            tie.value,
            code.get(step.aboveEntryId) ?? '',
            code.get(step.belowEntryId) ?? '',
            stepLabel(report, step),
            step.aboveValue,
            step.belowValue,
          ]);
        }
      }
    }
  }
  return {
    name: sheetName(t('results.workbook.sheet.ties')),
    headers: [
      t('results.col.category'),
      t('results.col.method'),
      t('results.col.tiedValue'),
      t('results.col.above'),
      t('results.col.below'),
      t('results.col.rule'),
      t('results.col.aboveValue'),
      t('results.col.belowValue'),
    ],
    widths: [30, 18, 14, 12, 12, 60, 14, 14],
    formats: ['', '', NUM, '', '', '', NUM, NUM],
    rows,
  };
}
