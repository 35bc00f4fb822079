import type { Db } from '../../db/open';
import { queryOne } from '../../db/query';

/**
 * A cheap fingerprint of "has anything been written since?": rows changed through this
 * connection (total_changes(), triggers included) and commits by other connections
 * (data_version). Paired with the connection object itself, since a restore reopens the file
 * and restarts both counters.
 */
export interface DbStamp {
  db: Db;
  value: string;
}

export function stampOf(db: Db): DbStamp {
  const { changes } = queryOne<{ changes: number }>(db, `SELECT total_changes() AS changes`)!;
  const version = db.pragma('data_version', { simple: true }) as number;
  return { db, value: `${changes}:${version}` };
}

export function sameStamp(a: DbStamp | null | undefined, b: DbStamp): boolean {
  return !!a && a.db === b.db && a.value === b.value;
}
