import type { Db } from './open';
import { queryOne } from './query';

/** Receives one row's numbers, in the order the query passes them to row_sink(). */
export type RowSink = (a: number, b: number, c: number, d: number) => void;

/** The SQL function a streamed query calls once per row. */
export const ROW_SINK = 'row_sink';

interface SinkState {
  onRow: RowSink | null;
}

const states = new WeakMap<Db, SinkState>();

/**
 * Runs `query` — an aggregate over `row_sink(a, b, c, d)`, e.g.
 * `SELECT count(row_sink(entry_id, juror_id, value)) FROM score WHERE stage_id = ?` — and hands
 * each row's numbers to `onRow` as SQLite produces them, in the order the aggregate reads its
 * rows (a subquery's ORDER BY is kept: SQLite never flattens an ordered subquery into an
 * aggregate).
 *
 * Why: a stage has 180,000 scores. Fetched as rows, better-sqlite3 builds an object or array per
 * row (several times the SQL's own cost, then garbage); packed into one group_concat string, the
 * per-row text conversion and the parsing cost more than the SQL. A call into a registered
 * function per row costs about what the SQL's own weighted average does, passes each REAL as
 * the exact double it is (no text round trip), and lets the caller put it straight into a typed
 * array. Arguments are numbers, or null for SQL NULL (and undefined for arguments not passed).
 */
export function streamRows(db: Db, query: string, params: readonly unknown[], onRow: RowSink): void {
  const state = sinkState(db);
  if (state.onRow) throw new Error('streamRows: already streaming on this connection');
  state.onRow = onRow;
  try {
    queryOne(db, query, ...params);
  } finally {
    state.onRow = null;
  }
}

/** Registers row_sink on the connection once (SQLite resolves it when a query is prepared). */
function sinkState(db: Db): SinkState {
  let state = states.get(db);
  if (!state) {
    const created: SinkState = { onRow: null };
    // directOnly: never callable from a view or trigger stored in the database file.
    db.function(ROW_SINK, { varargs: true, deterministic: false, directOnly: true }, (a: number, b: number, c: number, d: number) => {
      if (!created.onRow) throw new Error('row_sink called outside streamRows');
      created.onRow(a, b, c, d);
      return null;
    });
    states.set(db, (state = created));
  }
  return state;
}
