import type { ImportIssue, UgelImportPreview } from '../../../../shared/domain/import-types';
import { createIgedMatcher } from '../../../../shared/domain/iged-match';
import { stripIgedPrefix } from '../../../../shared/domain/regions';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import type { UgelCandidate } from './padron';
import { listDres, listUgels, type StoredUgel, type UgelValues } from './store';

export interface StoredUgelImport {
  fileName: string;
  /** Data rows of the file (schools, in a padrón). */
  totalRows: number;
  dreHeader: string;
  candidates: UgelCandidate[];
  /** Issues found while reading the file (duplicates, missing codes…). */
  fileIssues: ImportIssue[];
}

export interface UgelWrite {
  action: 'new' | 'update' | 'unchanged';
  values: UgelValues;
  existingId: number | null;
}

const SAMPLE_SIZE = 20;

/**
 * Decides, against the current database, what importing the file's UGELs would do. Each UGEL
 * is linked to its DRE/GRE by the tolerant matcher (never guessed: unknown or ambiguous names
 * are reported and that UGEL is left out). A UGEL already stored under the same code is
 * updated; a demo UGEL with the same name under the same DRE takes the real code, so the
 * demo entries linked to it stay linked.
 */
export function planUgels(db: Db, stored: StoredUgelImport): { preview: Omit<UgelImportPreview, 'token' | 'fileName'>; writes: UgelWrite[] } {
  const dres = listDres(db);
  const matchDre = createIgedMatcher(dres);
  const existing = listUgels(db);
  const byCode = new Map(existing.map((ugel) => [ugel.code, ugel]));
  const demoByName = new Map<string, StoredUgel>();
  for (const ugel of existing) if (ugel.source === 'demo') demoByName.set(`${ugel.dre_id}|${stripIgedPrefix(ugel.name)}`, ugel);
  const dreCodes = new Set(dres.map((dre) => dre.code));

  const issues: ImportIssue[] = [...stored.fileIssues];
  const writes: UgelWrite[] = [];
  for (const candidate of stored.candidates) {
    const skip = (message: string) => issues.push({ row: candidate.row, column: stored.dreHeader, severity: 'warning', message });
    if (dreCodes.has(candidate.code)) continue;
    const match = matchDre(candidate.dreText);
    if (match.kind === 'unknown') {
      skip(t('import.ugel.dreUnknown', { value: candidate.dreText, code: candidate.code, name: candidate.name }));
      continue;
    }
    if (match.kind === 'ambiguous') {
      const options = match.candidates.map((dre) => dre.name).join('; ');
      skip(t('import.ugel.dreAmbiguous', { value: candidate.dreText, code: candidate.code, name: candidate.name, options }));
      continue;
    }
    const values: UgelValues = { code: candidate.code, name: candidate.name, region: match.iged.region, dreId: match.iged.id };
    const current = byCode.get(candidate.code) ?? takeDemo(demoByName, values);
    if (!current) {
      writes.push({ action: 'new', values, existingId: null });
      continue;
    }
    const same = current.code === values.code && current.name === values.name && current.region === values.region && current.dre_id === values.dreId;
    writes.push({ action: same ? 'unchanged' : 'update', values, existingId: current.id });
  }

  issues.sort((a, b) => a.row - b.row);
  const count = (action: UgelWrite['action']) => writes.filter((write) => write.action === action).length;
  return {
    preview: {
      totalRows: stored.totalRows,
      ugelCount: writes.length,
      newCount: count('new'),
      updatedCount: count('update'),
      unchangedCount: count('unchanged'),
      issues,
      canCommit: writes.length > 0 && !issues.some((issue) => issue.severity === 'error'),
      sample: writes.slice(0, SAMPLE_SIZE).map((write) => ({
        code: write.values.code,
        name: write.values.name,
        dreName: dres.find((dre) => dre.id === write.values.dreId)?.name ?? '',
      })),
    },
    writes,
  };
}

function takeDemo(demoByName: Map<string, StoredUgel>, values: UgelValues): StoredUgel | undefined {
  const key = `${values.dreId}|${stripIgedPrefix(values.name)}`;
  const demo = demoByName.get(key);
  // One demo row can become only one real UGEL.
  if (demo) demoByName.delete(key);
  return demo;
}
