import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';

/**
 * Parsed files waiting for their preview and commit. They live in memory only: nothing is
 * written before the user confirms. Entries expire after `ttlMs`, and at most `max` are kept
 * (the oldest goes first), so abandoned imports cannot pile up.
 */
export class TokenStore<T> {
  private readonly items = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
    private readonly now: () => number = Date.now,
  ) {}

  put(value: T): string {
    this.sweep();
    while (this.items.size >= this.max) {
      const oldest = this.items.keys().next();
      if (oldest.done) break;
      this.items.delete(oldest.value);
    }
    const token = randomUUID();
    this.items.set(token, { value, expiresAt: this.now() + this.ttlMs });
    return token;
  }

  /** The stored value; refreshes its lifetime, since the user is still working on it. */
  get(token: string): T {
    this.sweep();
    const item = this.items.get(token);
    if (!item) throw new AppError('import.error.tokenExpired');
    item.expiresAt = this.now() + this.ttlMs;
    return item.value;
  }

  get size(): number {
    return this.items.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, item] of this.items) if (item.expiresAt <= now) this.items.delete(token);
  }
}
