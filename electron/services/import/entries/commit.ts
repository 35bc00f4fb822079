import type { ColumnMapping, ImportChoices, ImportResult } from '../../../../shared/domain/import-types';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import type { AppContext } from '../../context';
import { assertEditable } from '../../editions/write';
import { nextEntryCode } from '../../entries/write';
import { EntryBatch } from './bulk-write';
import type { EntryPlan, PlannedWrite } from './plan';
import { currentPlan, type StoredEntryImport } from './plan-cache';

/** The source recorded on entries created by an import. */
export const IMPORT_SOURCE = 'import';

/**
 * Applies a previewed import. The plan is recomputed against the database as it is now
 * (things may have changed since the preview) and refused while any error remains. When
 * something will change, a backup is taken first; then every row is written in ONE
 * transaction, so an import lands whole or not at all. Re-importing the same file finds
 * every row unchanged and writes nothing (not even a backup).
 */
export async function commitEntries(ctx: AppContext, stored: StoredEntryImport, request: CommitRequest): Promise<ImportResult> {
  const db = ctx.db();
  const { editionId } = stored;
  assertEditable(db, editionId);
  const first = checkedPlan(db, stored, request);
  if (!first.writes.some((write) => write.action !== 'unchanged')) return summary(first, null);

  const backup = await ctx.backup('antes-de-importar', { fileName: stored.fileName, editionId });
  // The backup yielded to the event loop: take the plan again (the same one unless something
  // was written meanwhile), then write with no await in between.
  return db.transaction(() => {
    const plan = checkedPlan(db, stored, request);
    // Checks the edition is still editable (it may have been archived during the backup).
    const batch = new EntryBatch(db, editionId, ctx.now().toISOString(), IMPORT_SOURCE);
    const allocate = codeAllocator(db, editionId, plan.writes);
    for (const write of plan.writes) {
      if (write.action === 'update' && write.existingId !== null) batch.update(write.existingId, write.fields, write.titleKey);
      if (write.action === 'new') batch.insert(write.fields, write.fields.code || allocate(), write.titleKey);
    }
    return summary(plan, backup.name);
  })();
}

export interface CommitRequest {
  sheet: number;
  mapping: ColumnMapping;
  choices: ImportChoices;
  /** Import the rows without problems and leave the others out («Importar las filas válidas»). */
  validOnly: boolean;
}

/**
 * The plan to write, refused when a row has a problem (unless only the valid rows were asked
 * for) or when no row is left to import.
 */
function checkedPlan(db: Db, stored: StoredEntryImport, request: CommitRequest): EntryPlan {
  const plan = currentPlan(db, stored, request.sheet, request.mapping, request.choices);
  const { problemRows } = plan.preview.totals;
  if (problemRows > 0 && (!request.validOnly || plan.writes.length === 0)) throw new AppError('import.error.hasErrors', { count: problemRows });
  if (plan.writes.length === 0) throw new AppError('import.error.nothingToImport');
  return plan;
}

function summary(plan: EntryPlan, backupName: string | null): ImportResult {
  const count = (action: PlannedWrite['action']) => plan.writes.filter((write) => write.action === action).length;
  return { created: count('new'), updated: count('update'), unchanged: count('unchanged'), leftOut: plan.leftOut.length, backupName };
}

/**
 * Codes for new rows that have none, in the edition's `<year>-<nnn>` sequence. Computed once
 * and counted up locally (nextEntryCode per row would rescan the edition's codes each time),
 * skipping codes that rows of the file bring themselves.
 */
function codeAllocator(db: Db, editionId: number, writes: PlannedWrite[]): () => string {
  const start = nextEntryCode(db, editionId);
  const dash = start.lastIndexOf('-');
  const prefix = start.slice(0, dash + 1);
  const width = start.length - dash - 1;
  let next = Number(start.slice(dash + 1));
  const reserved = new Set(writes.map((write) => write.fields.code).filter((code) => code !== ''));
  return () => {
    let code = `${prefix}${String(next).padStart(width, '0')}`;
    while (reserved.has(code)) {
      next += 1;
      code = `${prefix}${String(next).padStart(width, '0')}`;
    }
    next += 1;
    return code;
  };
}
