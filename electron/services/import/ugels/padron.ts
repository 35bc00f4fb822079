import { statedIgedKind } from '../../../../shared/domain/regions';
import type { ImportIssue } from '../../../../shared/domain/import-types';
import { compactKey, foldKey, tidy } from '../../../../shared/domain/text';
import { t } from '../../../../shared/i18n';
import type { CellValue, ProjectedTable, Projection } from '../file/parse-types';

/**
 * The ESCALE Padrón de IIEE has one row per school (~150,000) and columns CODOOII (UGEL code),
 * D_DREUGEL (UGEL name) and D_REGION (its DRE/GRE, e.g. "DRE SAN MARTIN"). Friendlier
 * headers of a hand-made list are accepted too. Only these three columns leave the worker,
 * and only their distinct combinations.
 */
export const PADRON_PROJECTION: Projection = {
  columns: [
    { key: 'code', headers: ['CODOOII', 'código UGEL', 'código de la UGEL', 'cod UGEL'].map(compactKey) },
    { key: 'name', headers: ['D_DREUGEL', 'UGEL', 'nombre de la UGEL', 'nombre UGEL'].map(compactKey) },
    { key: 'dre', headers: ['D_REGION', 'DRE', 'DRE/GRE', 'DRE o GRE', 'región'].map(compactKey) },
  ],
  distinct: true,
  headerScanRows: 10,
};

export const PADRON_COLUMNS_LABEL = 'CODOOII, D_DREUGEL, D_REGION';

export interface UgelCandidate {
  code: string;
  name: string;
  dreText: string;
  /** First row of the file that names this UGEL. */
  row: number;
}

/**
 * Deduplicates by code: many schools share a UGEL. A code seen with another name or DRE is
 * reported (the first one wins); rows without code or name, and DRE/GRE rows (schools run
 * directly by a DRE), are skipped with a note.
 */
export function collectUgels(table: ProjectedTable): { candidates: UgelCandidate[]; issues: ImportIssue[] } {
  const [codeHeader = '', nameHeader = '', dreHeader = ''] = table.headers;
  const byCode = new Map<string, UgelCandidate>();
  const issues: ImportIssue[] = [];
  const warn = (row: number, column: string, message: string) => issues.push({ row, column, severity: 'warning', message });
  const reported = new Set<string>();
  let withoutCode: { row: number; count: number } | null = null;

  for (const { row, cells } of table.rows) {
    const code = normalizeCode(cells[0] ?? null);
    const name = tidy(text(cells[1] ?? null));
    const dreText = tidy(text(cells[2] ?? null));
    if (!code) {
      withoutCode = withoutCode ? { row: withoutCode.row, count: withoutCode.count + 1 } : { row, count: 1 };
      continue;
    }
    const known = byCode.get(code);
    if (!known) {
      byCode.set(code, { code, name, dreText, row });
      continue;
    }
    if (!known.name && name) known.name = name;
    else if (name && foldKey(name) !== foldKey(known.name) && !reported.has(`n${code}`)) {
      reported.add(`n${code}`);
      warn(row, nameHeader, t('import.ugel.conflictingName', { code, first: known.name, other: name }));
    }
    if (!known.dreText && dreText) known.dreText = dreText;
    else if (dreText && foldKey(dreText) !== foldKey(known.dreText) && !reported.has(`d${code}`)) {
      reported.add(`d${code}`);
      warn(row, dreHeader, t('import.ugel.conflictingDre', { code, first: known.dreText, other: dreText }));
    }
  }
  if (withoutCode) warn(withoutCode.row, codeHeader, t('import.ugel.missingCode', { count: withoutCode.count }));

  const candidates: UgelCandidate[] = [];
  for (const candidate of byCode.values()) {
    if (!candidate.name) warn(candidate.row, nameHeader, t('import.ugel.missingName', { code: candidate.code }));
    else if (statedIgedKind(candidate.name) === 'dre') warn(candidate.row, nameHeader, t('import.ugel.isDre', { code: candidate.code, name: candidate.name }));
    else candidates.push(candidate);
  }
  return { candidates, issues };
}

function text(value: CellValue): string {
  if (value === null || typeof value === 'object') return '';
  return String(value);
}

/**
 * CODOOII is a six-digit code ("010001"). Read as a number by Excel it loses its leading
 * zero; padding it back makes the xlsx and CSV versions of one padrón agree.
 */
export function normalizeCode(value: CellValue): string {
  const raw = typeof value === 'number' && Number.isInteger(value) ? String(value) : text(value).trim();
  return /^\d{1,5}$/.test(raw) ? raw.padStart(6, '0') : raw;
}
