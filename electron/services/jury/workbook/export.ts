import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { getEdition } from '../../editions/read';
import { loadJuror, loadStage } from '../lookup';
import { worklist } from '../scoring/read';
import { applies } from '../../../../shared/scoring/scale';
import { queryAll, queryOne } from '../../../db/query';
import { editionCriteria } from '../scoring/views';
import { getSettings } from '../settings';
import { assignmentChecksum, HEADER_ROW, META_CHUNK, META_SHEET, sign, WORKBOOK_FORMAT, type LayoutColumn, type LayoutRow, type WorkbookPayload } from './layout';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/**
 * One juror's offline ficha: the assigned entries (blind mode respected) with a column per
 * criterion, the rubric on its own sheet, score cells limited by data validation to the scale,
 * everything else protected, and the signed metadata sheet hidden.
 */
export async function exportJurorWorkbook(db: Db, stageId: number, jurorId: number, now: string): Promise<ExportedFile> {
  const stage = loadStage(db, stageId);
  const juror = loadJuror(db, jurorId, stage.edition_id);
  const edition = getEdition(db, stage.edition_id);
  const blind = getSettings(db, stage.edition_id, now).blindMode;
  const list = worklist(db, stageId, jurorId, now);
  const items = list.items.filter((i) => i.status !== 'recused');
  const criteria = editionCriteria(db, stage.edition_id);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = t('app.title');
  workbook.created = new Date(now);
  const scoresName = t('jury.workbook.sheet.scores');
  const sheet = workbook.addWorksheet(scoresName, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 }] });

  const columns: LayoutColumn[] = [];
  const add = (kind: LayoutColumn['kind'], header: string, width: number, criterionId?: number) => {
    columns.push({ col: columns.length + 1, kind, header, ...(criterionId === undefined ? {} : { criterionId }) });
    sheet.getColumn(columns.length).width = width;
  };
  add('code', t('jury.workbook.col.code'), 12);
  add('title', t('jury.workbook.col.title'), 50);
  add('category', t('jury.workbook.col.category'), 28);
  if (!blind) {
    add('iged', t('jury.workbook.col.iged'), 24);
    add('region', t('jury.workbook.col.region'), 16);
  }
  for (const c of criteria) add('criterion', t('jury.workbook.col.scale', { criterion: c.name, min: c.scaleMin, max: c.scaleMax }), 16, c.id);
  add('comment', t('jury.workbook.col.comment'), 50);

  sheet.getCell(1, 1).value = t('jury.workbook.title', { edition: edition.name, stage: stage.name });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = t('jury.workbook.juror', { juror: juror.name });
  sheet.getCell(3, 1).value = t('jury.workbook.instructions');
  const header = sheet.getRow(HEADER_ROW);
  for (const c of columns) header.getCell(c.col).value = c.header;
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle', wrapText: true };

  const rows: LayoutRow[] = [];
  items.forEach((item, index) => {
    const rowNumber = HEADER_ROW + 1 + index;
    const row = sheet.getRow(rowNumber);
    const values = new Map(queryAll<{ criterion_id: number; value: number | null }>(
      db,
      `SELECT criterion_id, value FROM score WHERE stage_id = ? AND juror_id = ? AND entry_id = ?`,
      stageId, jurorId, item.entryId,
    ).map((v) => [v.criterion_id, v.value]));
    const comment = queryOne<{ overall_comment: string }>(
      db,
      `SELECT overall_comment FROM score_sheet WHERE stage_id = ? AND juror_id = ? AND entry_id = ?`,
      stageId, jurorId, item.entryId,
    )?.overall_comment ?? '';
    const layout: LayoutRow = { row: rowNumber, entryId: item.entryId, fixed: {}, original: {}, originalComment: comment };
    rows.push(layout);
    for (const column of columns) {
      const cell = row.getCell(column.col);
      const fixedText = (text: string) => {
        cell.value = text;
        layout.fixed[column.col] = text;
      };
      if (column.kind === 'code') fixedText(item.code);
      else if (column.kind === 'title') fixedText(item.title);
      else if (column.kind === 'category') fixedText(item.categoryName);
      else if (column.kind === 'iged') fixedText(item.igedName ?? '');
      else if (column.kind === 'region') fixedText(item.region ?? '');
      else if (column.kind === 'criterion') {
        const criterion = criteria.find((c) => c.id === column.criterionId);
        if (!criterion) continue;
        if (!applies(criterion, item.categoryId)) {
          fixedText(t('jury.workbook.notApplicable'));
          cell.fill = LOCKED_FILL;
          continue;
        }
        const value = values.get(criterion.id) ?? null;
        layout.original[criterion.id] = value;
        cell.value = value;
        if (item.editable) {
          cell.protection = { locked: false };
          const whole = Number.isInteger(criterion.scaleMin) && Number.isInteger(criterion.scaleStep);
          cell.dataValidation = {
            type: whole ? 'whole' : 'decimal',
            operator: 'between',
            allowBlank: true,
            showErrorMessage: true,
            errorStyle: 'stop',
            errorTitle: t('jury.workbook.validation.title'),
            error: t('jury.workbook.validation.error', { min: criterion.scaleMin, max: criterion.scaleMax, step: criterion.scaleStep }),
            formulae: [criterion.scaleMin, criterion.scaleMax],
          };
        } else cell.fill = LOCKED_FILL;
      } else {
        cell.value = comment;
        cell.alignment = { wrapText: true, vertical: 'top' };
        if (item.editable) cell.protection = { locked: false };
        else cell.fill = LOCKED_FILL;
      }
    }
  });
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  await addRubricSheet(workbook, criteria);

  const payload: WorkbookPayload = {
    format: WORKBOOK_FORMAT,
    editionId: edition.id,
    editionName: edition.name,
    stageId: stage.id,
    stageName: stage.name,
    jurorId: juror.id,
    jurorName: juror.name,
    assignmentChecksum: assignmentChecksum({ editionId: edition.id, stageId, jurorId, entryIds: items.map((i) => i.entryId), criteria }),
    scoresSheet: scoresName,
    exportedAt: now,
    columns,
    rows,
  };
  await addMetaSheet(workbook, db, payload);

  const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const base = t('jury.workbook.fileName', { stage: stage.name, juror: juror.name });
  return { fileName: `${safeFileName(base)}.xlsx`, mimeType: XLSX_MIME, dataBase64: buffer.toString('base64') };
}

async function addRubricSheet(workbook: ExcelJS.Workbook, criteria: ReturnType<typeof editionCriteria>): Promise<void> {
  const sheet = workbook.addWorksheet(t('jury.workbook.sheet.rubric'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: t('jury.workbook.rubric.criterion'), width: 30 },
    { header: t('jury.workbook.rubric.weight'), width: 8 },
    { header: t('jury.workbook.rubric.scale'), width: 14 },
    { header: t('jury.workbook.rubric.level'), width: 10 },
    { header: t('jury.workbook.rubric.descriptor'), width: 80 },
  ];
  sheet.getRow(1).font = { bold: true, color: { argb: 'FFFFFFFF' } };
  sheet.getRow(1).fill = HEADER_FILL;
  for (const c of criteria) {
    const scale = `${c.scaleMin}–${c.scaleMax} (${c.scaleStep})`;
    if (c.levels.length === 0) sheet.addRow([c.name, c.weight, scale, '', c.description]);
    for (const level of c.levels) {
      const row = sheet.addRow([c.name, c.weight, scale, level.label ? `${level.value} — ${level.label}` : level.value, level.descriptor]);
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
}

async function addMetaSheet(workbook: ExcelJS.Workbook, db: Db, payload: WorkbookPayload): Promise<void> {
  const sheet = workbook.addWorksheet(META_SHEET);
  sheet.state = 'veryHidden';
  const json = JSON.stringify(payload);
  sheet.getCell(1, 1).value = 'signature';
  sheet.getCell(1, 2).value = sign(db, json);
  for (let i = 0, row = 2; i < json.length; i += META_CHUNK, row++) sheet.getCell(row, 1).value = json.slice(i, i + META_CHUNK);
  await sheet.protect('', {});
}

function safeFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 120);
}
