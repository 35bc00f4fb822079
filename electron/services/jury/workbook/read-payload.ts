import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { META_SHEET, sign, WORKBOOK_FORMAT, type WorkbookPayload } from './layout';
import type { ParsedCell, ParsedSheet, ParsedWorkbook } from './parsed';

/**
 * Finds and authenticates a workbook's metadata, then checks that every protected cell of the
 * scores sheet still holds what was exported. Refuses with the first difference, named by cell.
 */
export function readPayload(db: Db, workbook: ParsedWorkbook): { payload: WorkbookPayload; scores: ParsedSheet } {
  const meta = workbook.sheets.find((s) => s.name === META_SHEET);
  if (!meta) throw new AppError('jury.workbook.notOurs');
  const signature = text(meta.rows[0]?.[1] ?? null);
  const json = meta.rows
    .slice(1)
    .map((row) => text(row[0] ?? null))
    .join('');
  const expected = Buffer.from(sign(db, json), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('jury.workbook.tampered', { detail: tamperDetail('meta') });
  }
  const payload = JSON.parse(json) as WorkbookPayload;
  if (payload.format !== WORKBOOK_FORMAT) throw new AppError('jury.workbook.version', { found: String(payload.format) });
  const scores = workbook.sheets.find((s) => s.name === payload.scoresSheet);
  if (!scores) throw new AppError('jury.workbook.tampered', { detail: tamperDetail('sheet', { sheet: payload.scoresSheet }) });
  return { payload, scores };
}

export function assertStructure(payload: WorkbookPayload, scores: ParsedSheet, headerRow: number): void {
  for (const column of payload.columns) {
    const found = text(cellAt(scores, headerRow, column.col));
    if (found !== column.header) {
      throw new AppError('jury.workbook.tampered', { detail: tamperDetail('header', { cell: address(headerRow, column.col), found, expected: column.header }) });
    }
  }
  const extra = scores.rows[headerRow - 1]?.slice(payload.columns.length).find((v) => v !== null && text(v) !== '');
  if (extra !== undefined) {
    const col = (scores.rows[headerRow - 1] ?? []).indexOf(extra) + 1;
    throw new AppError('jury.workbook.tampered', { detail: tamperDetail('header', { cell: address(headerRow, col), found: text(extra), expected: '' }) });
  }
  for (const row of payload.rows) {
    for (const [col, expected] of Object.entries(row.fixed)) {
      const found = text(cellAt(scores, row.row, Number(col)));
      if (found !== expected) {
        throw new AppError('jury.workbook.tampered', { detail: tamperDetail('cell', { cell: address(row.row, Number(col)), found, expected }) });
      }
    }
  }
}

export function cellAt(sheet: ParsedSheet, row: number, col: number): ParsedCell {
  return sheet.rows[row - 1]?.[col - 1] ?? null;
}

/** Protected cells compare as text: LibreOffice may store "2024-001" or a title exactly as given. */
export function text(value: ParsedCell): string {
  if (value === null) return '';
  return String(value).trim();
}

export function address(row: number, col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

function tamperDetail(kind: 'meta' | 'header' | 'cell' | 'sheet', params: Record<string, string> = {}): string {
  switch (kind) {
    case 'meta':
      return t('jury.workbook.tampered.meta');
    case 'header':
      return t('jury.workbook.tampered.header', params);
    case 'cell':
      return t('jury.workbook.tampered.cell', params);
    case 'sheet':
      return t('jury.workbook.tampered.sheet', params);
  }
}
