import { ENTRY_IMPORT_FIELDS, type ColumnMapping } from '../../../../shared/domain/import-types';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { sameStamp, stampOf, type DbStamp } from '../db-stamp';
import type { StoredEntryImport } from './inspect';
import { planEntries, type EntryPlan } from './plan';

export interface CachedPlan {
  key: string;
  stamp: DbStamp;
  plan: EntryPlan;
}

/**
 * The plan of a sheet + mapping against the database as it is now. Validating 10,000 rows
 * takes a noticeable moment, and the usual flow validates the same thing twice (preview, then
 * commit); when nothing at all was written in between, the preview's plan *is* the current
 * one and is reused. Any write — by this app or another connection — forces a fresh plan.
 */
export function currentPlan(db: Db, stored: StoredEntryImport, sheetIndex: number, mapping: ColumnMapping): EntryPlan {
  const sheet = stored.sheets[sheetIndex];
  if (!sheet) throw new AppError('import.error.sheetMissing');
  const key = planKey(sheetIndex, mapping);
  const stamp = stampOf(db);
  const cached = stored.lastPlan;
  if (cached && cached.key === key && sameStamp(cached.stamp, stamp)) return cached.plan;
  const plan = planEntries(db, stored.editionId, sheet, mapping);
  stored.lastPlan = { key, stamp, plan };
  return plan;
}

/** Which sheet and mapping a cached plan is for. */
export function planKey(sheetIndex: number, mapping: ColumnMapping): string {
  return `${sheetIndex}:${ENTRY_IMPORT_FIELDS.map((field) => mapping[field] ?? '').join(',')}`;
}
