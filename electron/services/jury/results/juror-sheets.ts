import { t } from '../../../../shared/i18n';
import type { ConsolidationReport, JurorTotal, ScoreSheet } from '../../../../shared/scoring';
import { categoryName, criterionName, statusLabel } from './labels';
import { sheetName, type Cell, type SheetSpec } from './xlsx-stream';

const NUM = '0.00';

/** Leniency and distribution per juror (the data of the results screen's chart). */
export function jurorSummarySheet(report: ConsolidationReport): SheetSpec {
  const rows: Cell[][] = report.result.jurors.map((j) => [
    j.name,
    j.counted,
    j.abstained,
    j.recused,
    j.incomplete,
    j.meanPct,
    j.sdPct,
    j.minPct,
    j.maxPct,
    j.leniency,
  ]);
  return {
    name: sheetName(t('results.col.juror')),
    headers: [
      t('results.col.juror'),
      t('results.col.jurors'),
      t('results.col.abstained'),
      t('results.col.recused'),
      t('results.col.incomplete'),
      t('results.col.meanPct'),
      t('results.col.sd'),
      t('results.col.min'),
      t('results.col.max'),
      t('results.col.leniency'),
    ],
    widths: [40, 12, 12, 12, 12, 14, 14, 12, 12, 20],
    formats: ['', '', '', '', '', NUM, NUM, NUM, NUM, NUM],
    rows,
  };
}

/**
 * One sheet per juror: every entry they had a sheet for, its status, weighted total and the
 * score on each criterion, from the sheets the report was computed from.
 */
export function jurorSheets(report: ConsolidationReport, sheets: readonly ScoreSheet[]): SheetSpec[] {
  const values = scoresByJuror(sheets);
  const totals = new Map<number, { entryIndex: number; total: JurorTotal }[]>();
  report.result.entries.forEach((e, entryIndex) => {
    for (const total of e.totals) {
      const list = totals.get(total.jurorId);
      if (list) list.push({ entryIndex, total });
      else totals.set(total.jurorId, [{ entryIndex, total }]);
    }
  });
  const criteria = report.criteria;
  const headers = [
    t('results.col.code'),
    t('results.col.title'),
    t('results.col.category'),
    t('results.col.status'),
    t('results.col.total'),
    t('results.col.missing'),
    ...criteria.map((c) => c.name),
  ];
  return report.jurors.map((juror, index) => {
    const own = values.get(juror.id);
    const rows: Cell[][] = (totals.get(juror.id) ?? []).map(({ entryIndex, total }) => {
      const e = report.result.entries[entryIndex] as ConsolidationReport['result']['entries'][number];
      const scores = own?.get(e.entryId);
      return [
        e.code,
        e.title,
        categoryName(report, e.categoryId),
        statusLabel(total.status),
        total.total,
        total.missingCriterionIds.map((id) => criterionName(report, id)).join(', '),
        ...criteria.map((c) => scores?.get(c.id) ?? null),
      ];
    });
    return {
      name: sheetName(t('results.workbook.sheet.juror', { n: index + 1, name: juror.name })),
      headers,
      widths: [12, 50, 30, 22, 14, 30, ...criteria.map(() => 12)],
      formats: ['', '', '', '', NUM, '', ...criteria.map(() => '')],
      rows,
    };
  });
}

function scoresByJuror(sheets: readonly ScoreSheet[]): Map<number, Map<number, ScoreSheet['scores']>> {
  const out = new Map<number, Map<number, ScoreSheet['scores']>>();
  for (const sheet of sheets) {
    let byEntry = out.get(sheet.jurorId);
    if (!byEntry) out.set(sheet.jurorId, (byEntry = new Map()));
    byEntry.set(sheet.entryId, sheet.scores);
  }
  return out;
}
