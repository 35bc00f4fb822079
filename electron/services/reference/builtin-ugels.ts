import type { Database } from 'better-sqlite3';
import ugelList from '../../../resources/reference/ugel-2024.json';
import { createIgedMatcher, igedNameKeys } from '../../../shared/domain/iged-match';
import { foldKey } from '../../../shared/domain/text';
import { execute, queryAll, queryValues } from '../../db/query';
import { loadIgedCandidates } from './candidates';

/**
 * The UGELs that ship with the app (resources/reference/ugel-2024.csv, 224 UGELs under the 26
 * DRE/GRE; its README says where the list comes from and its gaps; loaded from the JSON copy that
 * scripts/ugel-list-json.mjs makes of it). Without them only the DRE/GRE
 * were known until someone imported an ESCALE padrón, so ordinary entries («UGEL Canchis») were
 * refused. Rows keep source 'builtin' so «IGED / Referencias» can mark them; an imported padrón
 * takes them over (ugels/plan.ts), since the padrón is the authority.
 */
export const BUILTIN_SOURCE = 'builtin';

/**
 * Adds the built-in UGELs that the database does not know yet, linked to their stored DRE/GRE.
 * A UGEL already there — by code, or by name under the same DRE/GRE (a padrón's or the demo's) —
 * is left as it is: what the user imported wins over the shipped list. Returns how many were added.
 *
 * Migration 006 runs it on the schema of its time, which spelled the kinds 'DRE' and 'UGEL'
 * (migration 010 lowercased them): the kinds are read in either spelling, and a new UGEL is
 * written in the spelling of the stored DRE/GRE.
 */
export function seedBuiltinUgels(db: Database, now: string): number {
  const kindOf = (kind: string): 'dre' | 'ugel' => (kind.toLowerCase() === 'dre' ? 'dre' : 'ugel');
  const dres = loadIgedCandidates(db)
    .map((iged) => ({ ...iged, kind: kindOf(iged.kind) }))
    .filter((iged) => iged.kind === 'dre');
  const matchDre = createIgedMatcher(dres);
  const codes = new Set(queryValues<string>(db, `SELECT code FROM iged`));
  const known = new Set<string>();
  for (const row of queryAll<{ name: string; dre_id: number | null }>(db, `SELECT name, dre_id FROM iged WHERE lower(kind) = 'ugel'`)) {
    for (const key of igedNameKeys(row.name)) known.add(`${row.dre_id}|${key}`);
  }
  let added = 0;
  for (const ugel of ugelList) {
    const match = matchDre(ugel.dreName);
    // The list names every DRE/GRE the app ships with; anything else is a broken resource file.
    if (match.kind !== 'match') throw new Error(`Built-in UGEL list: DRE/GRE «${ugel.dreName}» of ${ugel.code} is not unique or not known`);
    const dre = match.iged;
    if (codes.has(ugel.code) || igedNameKeys(ugel.name).some((key) => known.has(`${dre.id}|${key}`))) continue;
    execute(
      db,
      `INSERT INTO iged (code, kind, name, name_key, region, dre_id, aliases, source, updated_at)
       SELECT ?, CASE kind WHEN 'DRE' THEN 'UGEL' ELSE 'ugel' END, ?, ?, ?, id, '[]', ?, ? FROM iged WHERE id = ?`,
      ugel.code, ugel.name, foldKey(ugel.name), dre.region, BUILTIN_SOURCE, now, dre.id,
    );
    codes.add(ugel.code);
    added += 1;
  }
  return added;
}
