/**
 * The jury services' short name for the per-connection statement cache (electron/db/cached-statement.ts):
 * a score write runs about twenty small queries, and compiling them on each call would break its
 * latency budget (p95 ≤ 5 ms through HTTP, measured by electron/bench/jury-scores.ts).
 */
export { cachedStatement as sql } from '../../db/cached-statement';
