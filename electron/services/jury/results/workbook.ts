import type { ExportedFile } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { verificationLine, verifyAudit } from '../audit/chain';
import type { ComputedStage } from './compute';
import { jurorSheets, jurorSummarySheet } from './juror-sheets';
import { slug } from './labels';
import { rankingSheet, summarySheet, tiesSheet } from './ranking-sheets';
import { auditSheet, conflictsSheet, criteriaSheet } from './record-sheets';
import { writeSheets, type SheetSpec } from './xlsx-stream';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every sheet of the results workbook, as plain cells (the benchmark writes the same cells bare). */
export function resultSheets(db: Db, { report, sheets }: ComputedStage, now: Date, auditLine: string): SheetSpec[] {
  return [
    summarySheet(report, now, auditLine),
    rankingSheet(report),
    tiesSheet(report),
    criteriaSheet(report),
    jurorSummarySheet(report),
    ...jurorSheets(report, sheets),
    conflictsSheet(db, report),
    auditSheet(db, report),
  ];
}

export async function exportResultsWorkbook(db: Db, stage: ComputedStage, now: Date): Promise<ExportedFile> {
  const { report } = stage;
  // Verified on every export: the workbook says whether the record behind it is intact.
  const buffer = await writeSheets(resultSheets(db, stage, now, verificationLine(verifyAudit(db))), {
    creator: t('app.title'),
    title: t('results.workbook.title', { edition: report.editionName, stage: report.stageName }),
    created: now,
  });
  return {
    fileName: `${t('results.workbook.fileName', { edition: slug(report.editionName), stage: slug(report.stageName) })}.xlsx`,
    mimeType: XLSX_MIME,
    dataBase64: buffer.toString('base64'),
  };
}
