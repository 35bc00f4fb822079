import type { Handlers } from '../../../shared/contract';
import type { referenceMethods } from '../../../shared/contract/reference';
import { REGIONS } from '../../../shared/domain/regions';
import { compareSpanish } from '../../../shared/domain/text';
import type { Iged } from '../../../shared/domain/types';
import type { Db } from '../../db/open';
import { queryAll } from '../../db/query';
import type { AppContext } from '../context';
import { BUILTIN_SOURCE } from './builtin-ugels';

export function listIgeds(db: Db, kind?: 'dre' | 'ugel'): Iged[] {
  const rows = queryAll<Omit<Iged, 'builtin'> & { builtin: number }>(
    db,
    `SELECT i.id, i.code, i.kind, i.name, i.region, i.dre_id AS dreId, d.name AS dreName, i.source = ? AS builtin
         FROM iged i LEFT JOIN iged d ON d.id = i.dre_id ${kind ? 'WHERE i.kind = ?' : ''}`,
    BUILTIN_SOURCE, ...(kind ? [kind] : []),
  ).map((row) => ({ ...row, builtin: row.builtin === 1 }));
  return rows.sort((a, b) => (a.kind === b.kind ? compareSpanish(a.name, b.name) : a.kind === 'dre' ? -1 : 1));
}

/** Regions and IGED lists. Loading UGELs from a padrón is a workbook import (`imports.*Ugels`, services/import). */
export function referenceHandlers(ctx: AppContext): Pick<Handlers, keyof typeof referenceMethods> {
  return {
    'reference.regions': () => [...REGIONS].sort(compareSpanish),
    'reference.igeds': ({ kind }) => listIgeds(ctx.db(), kind),
  };
}
