import type { IgedCandidate } from '../../../shared/domain/iged-match';
import type { Db } from '../../db/open';

/** The stored IGEDs as the tolerant matcher takes them (aliases parsed). */
export function loadIgedCandidates(db: Pick<Db, 'prepare'>, kind?: 'dre' | 'ugel'): IgedCandidate[] {
  const rows = db
    .prepare(`SELECT id, code, kind, name, region, aliases FROM iged ${kind ? 'WHERE kind = ?' : ''}`)
    .all(...(kind ? [kind] : [])) as (Omit<IgedCandidate, 'aliases'> & { aliases: string })[];
  return rows.map((row) => ({ ...row, aliases: JSON.parse(row.aliases) as string[] }));
}
