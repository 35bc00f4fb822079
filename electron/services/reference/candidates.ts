import type { IgedCandidate } from '../../../shared/domain/iged-match';
import type { Db } from '../../db/open';
import { queryAll } from '../../db/query';

/** The stored IGEDs as the tolerant matcher takes them (aliases parsed). */
export function loadIgedCandidates(db: Db, kind?: 'dre' | 'ugel'): IgedCandidate[] {
  const rows = queryAll<Omit<IgedCandidate, 'aliases'> & { aliases: string }>(
    db,
    `SELECT id, code, kind, name, region, aliases FROM iged ${kind ? 'WHERE kind = ?' : ''}`,
    ...(kind ? [kind] : []),
  );
  return rows.map((row) => ({ ...row, aliases: JSON.parse(row.aliases) as string[] }));
}
