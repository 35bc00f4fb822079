import type { RunResult, Statement } from 'better-sqlite3';
import type { Db } from './open';

/**
 * The one way product code runs SQL (the lint rule forbids `.prepare(` everywhere else):
 *
 *   queryOne<Row>(db, text, ...params)      first row, or undefined
 *   queryAll<Row>(db, text, ...params)      every row
 *   queryValue<T>(db, text, ...params)      first column of the first row, or undefined
 *   queryValues<T>(db, text, ...params)     first column of every row
 *   queryTuples<T>(db, text, ...params)     every row as an array of its columns
 *   queryEach<Row>(db, text, ...params)     rows one at a time (an iterator; for large results)
 *   queryEachTuple<T>(db, text, ...params)  the same, each row as an array
 *   execute(db, text, ...params)            a write: { changes, lastInsertRowid }
 *
 * Values are always bound: `params` are positional values for `?`, or one object for `@name`
 * parameters. The text may be built only for structure (a table name from a closed list, an
 * optional WHERE part, an IN list of `?`), never from a value.
 *
 * Each statement is prepared once per connection, text and shape of result, and kept: preparing
 * costs more than running a small statement (~10–100 µs against ~5 µs here), which would
 * dominate a 10,000-row import or a score write's twenty small queries. The shape is part of the
 * key because better-sqlite3's pluck()/raw() change the statement itself: one shared statement
 * plucked by one caller would hand single values to another that expects rows.
 */

type Shape = 'row' | 'value' | 'tuple';

/**
 * How many statements a connection keeps. Texts built with a variable number of placeholders
 * (IN lists) are each a statement; the bound keeps them from piling up, while the fixed texts
 * (a few hundred across the app) stay hot. Least recently used goes first.
 */
export const STATEMENT_CACHE_SIZE = 500;

const caches = new WeakMap<Db, Map<string, Statement>>();
const SHAPE_PREFIX: Record<Shape, string> = { row: 'r\0', value: 'v\0', tuple: 't\0' };

function statement(db: Db, text: string, shape: Shape): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = SHAPE_PREFIX[shape] + text;
  let prepared = cache.get(key);
  if (prepared) {
    // A statement still iterating (an open queryEach over the same text) cannot run again until
    // the iteration ends; a fresh one, not kept, serves this call.
    if (prepared.busy) return shaped(db.prepare(text), shape);
    // Map order is insertion order: moving the hit to the end keeps the least recent first.
    cache.delete(key);
    cache.set(key, prepared);
    return prepared;
  }
  prepared = shaped(db.prepare(text), shape);
  cache.set(key, prepared);
  if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return prepared;
}

function shaped(prepared: Statement, shape: Shape): Statement {
  if (shape === 'value') prepared.pluck();
  else if (shape === 'tuple') prepared.raw();
  return prepared;
}

export function queryOne<Row = unknown>(db: Db, text: string, ...params: unknown[]): Row | undefined {
  return statement(db, text, 'row').get(...params) as Row | undefined;
}

export function queryAll<Row = unknown>(db: Db, text: string, ...params: unknown[]): Row[] {
  return statement(db, text, 'row').all(...params) as Row[];
}

export function queryValue<T = unknown>(db: Db, text: string, ...params: unknown[]): T | undefined {
  return statement(db, text, 'value').get(...params) as T | undefined;
}

export function queryValues<T = unknown>(db: Db, text: string, ...params: unknown[]): T[] {
  return statement(db, text, 'value').all(...params) as T[];
}

export function queryTuples<T extends unknown[] = unknown[]>(db: Db, text: string, ...params: unknown[]): T[] {
  return statement(db, text, 'tuple').all(...params) as T[];
}

export function queryEach<Row = unknown>(db: Db, text: string, ...params: unknown[]): IterableIterator<Row> {
  return statement(db, text, 'row').iterate(...params) as IterableIterator<Row>;
}

export function queryEachTuple<T extends unknown[] = unknown[]>(db: Db, text: string, ...params: unknown[]): IterableIterator<T> {
  return statement(db, text, 'tuple').iterate(...params) as IterableIterator<T>;
}

export function execute(db: Db, text: string, ...params: unknown[]): RunResult {
  return statement(db, text, 'row').run(...params);
}

/** How many statements the connection keeps (tests check the bound). */
export function cachedStatementCount(db: Db): number {
  return caches.get(db)?.size ?? 0;
}
