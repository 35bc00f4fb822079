/**
 * The jury services' short name for the per-connection statement cache (electron/db/cached-statement.ts):
 * a score write runs about twenty small queries, and compiling them on each call would break its
 * latency budget (issue 3: p95 ≤ 5 ms through HTTP).
 */
export { cachedStatement as sql } from '../../db/cached-statement';
