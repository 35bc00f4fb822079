import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROW_SINK, streamRows } from '../../electron/db/row-stream';

/** electron/db/row-stream.ts: the consolidation reads 180,000 scores through it. */
describe('streaming rows through row_sink', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER NOT NULL, v REAL) STRICT`);
    const insert = db.prepare(`INSERT INTO t (id, k, v) VALUES (?, ?, ?)`);
    [
      [1, 3, 0.1],
      [2, 1, 2 ** -40],
      [3, 2, null],
      [4, 1, 1e300],
      [5, 3, -0.75],
    ].forEach((row) => insert.run(...row));
  });
  afterEach(() => db.close());

  it('hands every row its exact doubles and NULL as null, in the order of an ordered subquery', () => {
    const seen: unknown[][] = [];
    streamRows(db, `SELECT count(${ROW_SINK}(k, id, v)) FROM (SELECT k, id, v FROM t ORDER BY k, id)`, [], (k, id, v, absent) => seen.push([k, id, v, absent]));
    expect(seen).toEqual([
      [1, 2, 2 ** -40, undefined],
      [1, 4, 1e300, undefined],
      [2, 3, null, undefined],
      [3, 1, 0.1, undefined],
      [3, 5, -0.75, undefined],
    ]);
  });

  it('binds parameters, and frees the connection for the next stream when a row throws', () => {
    const query = `SELECT count(${ROW_SINK}(id, v)) FROM t WHERE k = ?`;
    expect(() =>
      streamRows(db, query, [3], () => {
        throw new Error('fila rechazada');
      }),
    ).toThrow('fila rechazada');
    const ids: number[] = [];
    streamRows(db, query, [1], (id) => ids.push(id));
    expect(ids).toEqual([2, 4]);
  });

  it('refuses a stream inside another on the same connection, and row_sink outside a stream', () => {
    const query = `SELECT count(${ROW_SINK}(id)) FROM t`;
    expect(() => streamRows(db, query, [], () => streamRows(db, query, [], () => undefined))).toThrow(/already streaming/);
    expect(() => db.prepare(query).get()).toThrow(/outside streamRows/);
  });
});
