import { ENTRY_IMPORT_FIELDS, NO_CHOICES, type ColumnMapping, type ImportChoices } from '../../../../shared/domain/import-types';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { sameStamp, stampOf, type DbStamp } from '../db-stamp';
import type { EntrySheet } from './inspect';
import { planEntries, type EntryPlan } from './plan';

export interface CachedPlan {
  key: string;
  stamp: DbStamp;
  plan: EntryPlan;
}

/** An inspected workbook kept under its token until it is committed or expires. */
export interface StoredEntryImport {
  editionId: number;
  fileName: string;
  sheets: EntrySheet[];
  /** The last validation, reused while the database has not changed (see currentPlan). */
  lastPlan?: CachedPlan;
}

/**
 * The plan of a sheet + mapping against the database as it is now. Validating 10,000 rows
 * takes a noticeable moment, and the usual flow validates the same thing twice (preview, then
 * commit); when nothing at all was written in between, the preview's plan *is* the current
 * one and is reused. Any write — by this app or another connection — forces a fresh plan.
 */
export function currentPlan(db: Db, stored: StoredEntryImport, sheetIndex: number, mapping: ColumnMapping, choices: ImportChoices = NO_CHOICES): EntryPlan {
  const sheet = stored.sheets[sheetIndex];
  if (!sheet) throw new AppError('import.error.sheetMissing');
  const key = planKey(sheetIndex, mapping, choices);
  const stamp = stampOf(db);
  const cached = stored.lastPlan;
  if (cached && cached.key === key && sameStamp(cached.stamp, stamp)) return cached.plan;
  const plan = planEntries(db, stored.editionId, sheet, mapping, choices);
  stored.lastPlan = { key, stamp, plan };
  return plan;
}

/** Which sheet, mapping and review choices a cached plan is for. */
export function planKey(sheetIndex: number, mapping: ColumnMapping, choices: ImportChoices = NO_CHOICES): string {
  const columns = `${sheetIndex}:${ENTRY_IMPORT_FIELDS.map((field) => mapping[field] ?? '').join(',')}`;
  const none = choices.exclude.length === 0 && Object.keys(choices.igeds).length === 0 && Object.keys(choices.categories).length === 0;
  return none ? columns : `${columns}:${JSON.stringify(choices)}`;
}
