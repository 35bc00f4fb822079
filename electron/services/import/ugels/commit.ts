import type { UgelImportResult } from '../../../../shared/domain/import-types';
import { AppError } from '../../../../shared/errors';
import type { AppContext } from '../../context';
import { planUgels, type StoredUgelImport, type UgelWrite } from './plan';
import { insertUgel, recodeUgel, updateUgel } from './store';

/**
 * Writes the previewed UGELs: plan again against the current database, back up when
 * something will change, then one transaction. Nothing to change → no backup, no write.
 */
export async function commitUgels(ctx: AppContext, stored: StoredUgelImport): Promise<UgelImportResult> {
  const db = ctx.db();
  const first = checkedPlan(ctx, stored);
  if (!first.some((write) => write.action !== 'unchanged')) return summary(first, null);
  const backup = await ctx.backup('antes-de-importar', { fileName: stored.fileName });
  return db.transaction(() => {
    const writes = checkedPlan(ctx, stored);
    const now = ctx.now().toISOString();
    for (const write of writes) {
      if (write.action === 'new') insertUgel(db, write.values, now);
      if (write.action === 'update' && write.existingId !== null) updateUgel(db, write.existingId, write.values, now);
      if (write.action === 'displace' && write.existingId !== null) recodeUgel(db, write.existingId, write.values.code, now);
    }
    return summary(writes, backup.name);
  })();
}

function checkedPlan(ctx: AppContext, stored: StoredUgelImport): UgelWrite[] {
  const { preview, writes } = planUgels(ctx.db(), stored);
  if (!preview.canCommit) throw new AppError('import.ugel.nothing');
  return writes;
}

function summary(writes: UgelWrite[], backupName: string | null): UgelImportResult {
  const count = (action: UgelWrite['action']) => writes.filter((write) => write.action === action).length;
  return { created: count('new'), updated: count('update'), unchanged: count('unchanged'), backupName };
}
