/**
 * Limits on guessing invitation codes (README, «Modo sede», for the arithmetic):
 *  - per source address: after SOURCE_FAILURES wrong codes, that address is locked out for
 *    SOURCE_LOCK_MS (a typo or two cost nothing; a script is stopped);
 *  - overall: at most GLOBAL_FAILURES wrong codes in any GLOBAL_WINDOW_MS from all addresses
 *    together, because on a Wi-Fi one attacker can take many addresses (IPv6 gives thousands),
 *    so the per-address limit alone would not bound the rate of guesses.
 * Kept in memory: a restart forgets the counts, which costs an attacker a restart each time.
 */
export const SOURCE_FAILURES = 5;
export const SOURCE_LOCK_MS = 10 * 60_000;
export const GLOBAL_FAILURES = 60;
export const GLOBAL_WINDOW_MS = 60_000;
/** Sources remembered at most; the oldest are forgotten first (a flood of addresses cannot grow memory without end). */
const MAX_SOURCES = 10_000;

interface SourceRecord {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

export type ThrottleVerdict = { refused: false } | { refused: true; reason: 'source' | 'global'; until: Date };

export class JoinThrottle {
  private readonly sources = new Map<string, SourceRecord>();
  /** Times of the latest wrong codes from anywhere, oldest first, at most GLOBAL_FAILURES. */
  private readonly recent: number[] = [];

  /** Whether a join attempt from `source` may be checked at all now. */
  check(source: string, now: Date): ThrottleVerdict {
    const at = now.getTime();
    const record = this.sources.get(source);
    if (record && record.lockedUntil > at) return { refused: true, reason: 'source', until: new Date(record.lockedUntil) };
    if (this.recent.length >= GLOBAL_FAILURES && this.recent[0]! + GLOBAL_WINDOW_MS > at) {
      return { refused: true, reason: 'global', until: new Date(this.recent[0]! + GLOBAL_WINDOW_MS) };
    }
    return { refused: false };
  }

  /** A wrong code from `source`; answers whether that source is now locked out. */
  fail(source: string, now: Date): ThrottleVerdict {
    const at = now.getTime();
    this.recent.push(at);
    if (this.recent.length > GLOBAL_FAILURES) this.recent.shift();
    let record = this.sources.get(source);
    // Failures long ago (older than a lock-out) no longer count towards one.
    if (!record || at - record.lastFailureAt > SOURCE_LOCK_MS) record = { failures: 0, lastFailureAt: at, lockedUntil: 0 };
    record.failures += 1;
    record.lastFailureAt = at;
    if (record.failures >= SOURCE_FAILURES) {
      record.failures = 0;
      record.lockedUntil = at + SOURCE_LOCK_MS;
    }
    // Re-inserted so the map's order is the order of last failure: the first key is the stalest.
    this.sources.delete(source);
    this.sources.set(source, record);
    if (this.sources.size > MAX_SOURCES) this.sources.delete(this.sources.keys().next().value!);
    return this.check(source, now);
  }

  /** A source that got in starts again from zero. */
  succeed(source: string): void {
    this.sources.delete(source);
  }
}
