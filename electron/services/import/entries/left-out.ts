import type { ExportedFile } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { tableToXlsx } from '../../export/table';
import { displayText } from './cell-text';
import type { EntrySheet } from './inspect';
import type { EntryPlan } from './plan';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The rows a commit leaves out, as a workbook to correct and import again: the sheet's own
 * header and cells, unchanged (numbers stay numbers), plus one last column saying why each row
 * was left out. That column's header is one the column mapping never proposes (see headers.ts),
 * so importing the corrected file does not write the reasons into an entry.
 */
export async function leftOutWorkbook(fileName: string, sheet: EntrySheet, plan: EntryPlan): Promise<ExportedFile> {
  const byRow = new Map(sheet.rows.map((row) => [row.row, row.cells]));
  const width = sheet.headers.length;
  const rows = plan.leftOut.map(({ row, problem }) => {
    const cells = byRow.get(row) ?? [];
    const values = Array.from({ length: width }, (_, index) => {
      const cell = cells[index];
      return typeof cell === 'number' ? cell : displayText(cell) || null;
    });
    return [...values, problem];
  });
  const base = fileName.replace(/\.[^.]*$/, '') || 'postulaciones';
  const buffer = await tableToXlsx(
    { sheetName: sheet.name, headers: [...sheet.headers, t('import.leftOut.problemColumn')], rows },
    { creator: t('app.title'), title: t('import.leftOut.title', { file: fileName }) },
  );
  return { fileName: t('import.leftOut.fileName', { base }), mimeType: XLSX_MIME, dataBase64: buffer.toString('base64') };
}
