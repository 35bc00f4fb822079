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
 * dominate a 10,000-row import or a score write's twenty small queries. A text keeps one
 * statement per shape because better-sqlite3's pluck()/raw() change the statement itself: one
 * shared statement plucked by one caller would hand single values to another that expects rows.
 */

type Shape = 'row' | 'value' | 'tuple';

/**
 * How many SQL texts a connection keeps statements for. Texts built with a variable number of
 * placeholders (IN lists) are each a statement; the bound keeps them from piling up, while the
 * fixed texts (a few hundred across the app) stay hot. Least recently used goes first.
 */
export const STATEMENT_CACHE_SIZE = 500;

/** The statements of one text, one per shape (keyed by the text itself: its hash is cached). */
type Prepared = Partial<Record<Shape, Statement>>;

const caches = new WeakMap<Db, Map<string, Prepared>>();

function statement(db: Db, text: string, shape: Shape): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let prepared = cache.get(text);
  if (prepared) {
    // Map order is insertion order: moving the hit to the end keeps the least recent first.
    cache.delete(text);
    cache.set(text, prepared);
  } else {
    cache.set(text, (prepared = {}));
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  const kept = prepared[shape];
  if (!kept) return (prepared[shape] = shaped(db.prepare(text), shape));
  // A statement still iterating (an open queryEach over the same text) cannot run again until
  // the iteration ends; a fresh one, not kept, serves this call.
  return kept.busy ? shaped(db.prepare(text), shape) : kept;
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

/** How many texts the connection keeps statements for (tests check the bound). */
export function cachedTextCount(db: Db): number {
  return caches.get(db)?.size ?? 0;
}
