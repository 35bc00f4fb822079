import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement reused across calls on the same connection. Compiling SQL costs more than
 * running these small queries, and a score write runs about twenty of them: the cache keeps a write
 * within its latency budget (issue 3: p95 ≤ 5 ms through HTTP).
 */
export function sql(db: Db, text: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}
