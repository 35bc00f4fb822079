import type { ImportIssue, UgelImportPreview } from '../../../../shared/domain/import-types';
import { createIgedMatcher, igedNameKeys } from '../../../../shared/domain/iged-match';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { BUILTIN_SOURCE } from '../../reference/builtin-ugels';
import type { UgelCandidate } from './padron';
import { listDres, listUgels, UGEL_IMPORT_SOURCE, type StoredUgel, type UgelValues } from './store';

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
  /** 'displace': a shipped row gives up its code to the padrón's UGEL (see planUgels). */
  action: 'new' | 'update' | 'unchanged' | 'displace';
  values: UgelValues;
  existingId: number | null;
}

const SAMPLE_SIZE = 20;

/**
 * Decides, against the current database, what importing the file's UGELs would do. Each UGEL
 * is linked to its DRE/GRE by the tolerant matcher (never guessed: unknown or ambiguous names
 * are reported and that UGEL is left out). A UGEL already stored under the same code is
 * updated; a demo or built-in UGEL with the same name under the same DRE takes the real code,
 * so the entries linked to it stay linked.
 */
export function planUgels(db: Db, stored: StoredUgelImport): { preview: Omit<UgelImportPreview, 'token' | 'fileName'>; writes: UgelWrite[] } {
  const dres = listDres(db);
  const matchDre = createIgedMatcher(dres);
  const existing = listUgels(db);
  const byCode = new Map(existing.map((ugel) => [ugel.code, ugel]));
  const replaceable = new Map<string, StoredUgel>();
  for (const ugel of existing) {
    if (!REPLACEABLE_SOURCES.has(ugel.source)) continue;
    for (const key of igedNameKeys(ugel.name)) replaceable.set(`${ugel.dre_id}|${key}`, ugel);
  }
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
    const holder = byCode.get(candidate.code);
    // The padrón's name wins over the code a shipped row happens to carry: a built-in «UGEL Lamas»
    // is the padrón's Lamas even when the list gave it another code.
    const sameName = holder && igedNameKeys(holder.name).some((key) => igedNameKeys(values.name).includes(key));
    const current = holder && (sameName || !REPLACEABLE_SOURCES.has(holder.source)) ? holder : (takeReplaceable(replaceable, values) ?? holder);
    if (holder && current !== holder) {
      // The shipped row that held this code names another UGEL: it keeps its name under a code of its own.
      const moved = { code: `${holder.code}${DISPLACED_SUFFIX}`, name: holder.name, region: holder.region, dreId: holder.dre_id ?? values.dreId };
      writes.push({ action: 'displace', values: moved, existingId: holder.id });
      byCode.set(moved.code, { ...holder, code: moved.code });
    }
    if (current) {
      forget(replaceable, current);
      byCode.delete(current.code);
    }
    byCode.set(values.code, { id: current?.id ?? 0, code: values.code, name: values.name, region: values.region, dre_id: values.dreId, source: UGEL_IMPORT_SOURCE });
    if (!current) {
      writes.push({ action: 'new', values, existingId: null });
      continue;
    }
    // A built-in row the padrón confirms becomes the padrón's, so the screen stops marking it built-in.
    const same = current.source === UGEL_IMPORT_SOURCE && current.code === values.code && current.name === values.name && current.region === values.region && current.dre_id === values.dreId;
    writes.push({ action: same ? 'unchanged' : 'update', values, existingId: current.id });
  }

  issues.sort((a, b) => a.row - b.row);
  const count = (action: UgelWrite['action']) => writes.filter((write) => write.action === action).length;
  return {
    preview: {
      totalRows: stored.totalRows,
      ugelCount: writes.filter((write) => write.action !== 'displace').length,
      newCount: count('new'),
      updatedCount: count('update'),
      unchangedCount: count('unchanged'),
      issues,
      canCommit: writes.some((write) => write.action !== 'displace') && !issues.some((issue) => issue.severity === 'error'),
      sample: writes.filter((write) => write.action !== 'displace').slice(0, SAMPLE_SIZE).map((write) => ({
        code: write.values.code,
        name: write.values.name,
        dreName: dres.find((dre) => dre.id === write.values.dreId)?.name ?? '',
      })),
    },
    writes,
  };
}

/**
 * Rows the padrón takes over when it names the same UGEL under the same DRE/GRE with another
 * code: the demo's, and the built-in list's (the padrón is the authority; entries linked to
 * the row stay linked).
 */
const REPLACEABLE_SOURCES = new Set(['demo', BUILTIN_SOURCE]);

/** Appended to the code of a shipped row whose code the padrón gives to another UGEL. */
const DISPLACED_SUFFIX = '-lista';

function takeReplaceable(replaceable: Map<string, StoredUgel>, values: UgelValues): StoredUgel | undefined {
  for (const key of igedNameKeys(values.name)) {
    const row = replaceable.get(`${values.dreId}|${key}`);
    if (row) return row;
  }
  return undefined;
}

/** One row can become only one real UGEL. */
function forget(replaceable: Map<string, StoredUgel>, row: StoredUgel): void {
  for (const [key, held] of replaceable) if (held.id === row.id) replaceable.delete(key);
}
