import type { IgedCandidate } from '../../../../shared/domain/iged-match';
import { foldKey } from '../../../../shared/domain/text';
import type { Db } from '../../../db/open';
import { execute, queryAll } from '../../../db/query';
import { loadIgedCandidates } from '../../reference/candidates';

/** SQL of the UGEL reference import. */

export const UGEL_IMPORT_SOURCE = 'import';

export interface StoredUgel {
  id: number;
  code: string;
  name: string;
  region: string;
  dre_id: number | null;
  source: string;
}

export function listDres(db: Db): IgedCandidate[] {
  return loadIgedCandidates(db, 'dre');
}

export function listUgels(db: Db): StoredUgel[] {
  return queryAll<StoredUgel>(db, `SELECT id, code, name, region, dre_id, source FROM iged WHERE kind = 'ugel'`);
}

export interface UgelValues {
  code: string;
  name: string;
  region: string;
  dreId: number;
}

export function insertUgel(db: Db, ugel: UgelValues, now: string): void {
  execute(
    db,
    `INSERT INTO iged (code, kind, name, name_key, region, dre_id, aliases, source, updated_at)
     VALUES (?, 'ugel', ?, ?, ?, ?, '[]', ?, ?)`,
    ugel.code, ugel.name, foldKey(ugel.name), ugel.region, ugel.dreId, UGEL_IMPORT_SOURCE, now,
  );
}

export function updateUgel(db: Db, id: number, ugel: UgelValues, now: string): void {
  execute(
    db,
    `UPDATE iged SET code = ?, name = ?, name_key = ?, region = ?, dre_id = ?, source = ?, updated_at = ? WHERE id = ? AND kind = 'ugel'`,
    ugel.code, ugel.name, foldKey(ugel.name), ugel.region, ugel.dreId, UGEL_IMPORT_SOURCE, now, id,
  );
}

/** Gives a UGEL another code, nothing else (a shipped row whose code the padrón gives to another UGEL). */
export function recodeUgel(db: Db, id: number, code: string, now: string): void {
  execute(db, `UPDATE iged SET code = ?, updated_at = ? WHERE id = ? AND kind = 'ugel'`, code, now, id);
}
