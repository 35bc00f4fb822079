import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  STATEMENT_CACHE_SIZE,
  cachedTextCount,
  execute,
  queryAll,
  queryEach,
  queryEachTuple,
  queryOne,
  queryTuples,
  queryValue,
  queryValues,
} from '../../electron/db/query';

/** electron/db/query.ts: every statement of the app runs through it. */
describe('query module', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT`);
    for (const [id, name] of [
      [1, 'uno'],
      [2, 'dos'],
      [3, 'tres'],
    ] as const)
      execute(db, `INSERT INTO t (id, name) VALUES (?, ?)`, id, name);
  });
  afterEach(() => db.close());

  it('returns each shape for the same text, whatever shape the text was first used in', () => {
    const text = `SELECT id, name FROM t ORDER BY id`;
    expect(queryValue(db, text)).toBe(1);
    expect(queryOne(db, text)).toEqual({ id: 1, name: 'uno' });
    expect(queryTuples(db, text)).toEqual([
      [1, 'uno'],
      [2, 'dos'],
      [3, 'tres'],
    ]);
    expect(queryAll(db, text)).toEqual([
      { id: 1, name: 'uno' },
      { id: 2, name: 'dos' },
      { id: 3, name: 'tres' },
    ]);
    expect(queryValues(db, text)).toEqual([1, 2, 3]);
    expect([...queryEachTuple(db, text)]).toEqual([
      [1, 'uno'],
      [2, 'dos'],
      [3, 'tres'],
    ]);
    expect([...queryEach(db, text)].map((r) => (r as { name: string }).name)).toEqual(['uno', 'dos', 'tres']);
    expect(queryValue(db, text)).toBe(1);
  });

  it('binds positional and named parameters; a missing row is undefined', () => {
    expect(queryValue(db, `SELECT name FROM t WHERE id = ?`, 2)).toBe('dos');
    expect(queryOne(db, `SELECT name FROM t WHERE id = @id`, { id: 3 })).toEqual({ name: 'tres' });
    expect(queryOne(db, `SELECT name FROM t WHERE id = ?`, 9)).toBeUndefined();
    expect(queryValue(db, `SELECT name FROM t WHERE id = ?`, 9)).toBeUndefined();
    const name = "o'; DROP TABLE t; --";
    const result = execute(db, `UPDATE t SET name = ? WHERE id = ?`, name, 1);
    expect(result.changes).toBe(1);
    expect(queryValue(db, `SELECT name FROM t WHERE id = 1`)).toBe(name);
  });

  it('prepares a text once per connection and shape', () => {
    const prepare = vi.spyOn(db, 'prepare');
    for (let i = 0; i < 5; i += 1) queryOne(db, `SELECT name FROM t WHERE id = ?`, 1);
    expect(prepare).toHaveBeenCalledTimes(1);
    queryValue(db, `SELECT name FROM t WHERE id = ?`, 1);
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('runs the same text inside its own iteration (a busy statement is never handed out again)', () => {
    const text = `SELECT id FROM t ORDER BY id`;
    const pairs: string[] = [];
    for (const outer of queryEach<{ id: number }>(db, text)) {
      for (const inner of queryEach<{ id: number }>(db, text)) pairs.push(`${outer.id}-${inner.id}`);
      expect(queryOne(db, text)).toEqual({ id: 1 });
      expect(queryAll(db, text)).toHaveLength(3);
    }
    expect(pairs).toHaveLength(9);
    expect(pairs[0]).toBe('1-1');
    expect(pairs[8]).toBe('3-3');
    // The iteration has ended: the kept statement serves again.
    expect(queryValues(db, text)).toEqual([1, 2, 3]);
  });

  it('keeps statements for at most STATEMENT_CACHE_SIZE texts, dropping the least recently used', () => {
    const prepare = vi.spyOn(db, 'prepare');
    const hot = `SELECT count(*) FROM t`;
    const cold = `SELECT max(id) FROM t`;
    queryValue(db, hot);
    queryValue(db, cold);
    // IN lists of every length up to well past the bound: each length is its own text.
    for (let n = 1; n <= STATEMENT_CACHE_SIZE + 50; n += 1) {
      const ids = Array.from({ length: n }, (_, i) => i + 1);
      expect(queryValues(db, `SELECT id FROM t WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`, ...ids)).toEqual(ids.slice(0, 3));
      if (n % 100 === 0) queryValue(db, hot);
      expect(cachedTextCount(db)).toBeLessThanOrEqual(STATEMENT_CACHE_SIZE);
    }
    expect(cachedTextCount(db)).toBe(STATEMENT_CACHE_SIZE);
    const preparedTimes = (text: string) => prepare.mock.calls.filter(([sql]) => sql === text).length;
    expect(queryValue(db, hot)).toBe(3);
    expect(preparedTimes(hot)).toBe(1); // used every hundred texts: never dropped
    expect(queryValue(db, cold)).toBe(3);
    expect(preparedTimes(cold)).toBe(2); // not used since the start: dropped, prepared again
  });

  it('keeps statements per connection', () => {
    const other = new Database(':memory:');
    try {
      other.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT`);
      execute(other, `INSERT INTO t (id, name) VALUES (?, ?)`, 7, 'siete');
      expect(queryValues(db, `SELECT id FROM t ORDER BY id`)).toEqual([1, 2, 3]);
      expect(queryValues(other, `SELECT id FROM t ORDER BY id`)).toEqual([7]);
    } finally {
      other.close();
    }
  });
});
