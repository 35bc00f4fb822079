import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { MessageKey } from '../../shared/i18n';

/**
 * Uploaded files waiting between their preview and «apply» (entry and UGEL imports, juror
 * workbooks): one store for all of them. They live in memory only: nothing is written before the
 * user confirms. Entries expire after `ttlMs`, and at most `max` are kept (the oldest goes
 * first), so abandoned imports cannot pile up. An unknown or expired token is refused with
 * `expiredKey`, which tells the user to load the file again.
 */
export class TokenStore<T> {
  private readonly items = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
    private readonly expiredKey: MessageKey,
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
    if (!item) throw new AppError(this.expiredKey);
    item.expiresAt = this.now() + this.ttlMs;
    return item.value;
  }

  /** The stored value without touching its lifetime (undefined when unknown or expired): for checks made before the call itself. */
  peek(token: string): T | undefined {
    const item = this.items.get(token);
    return item && item.expiresAt > this.now() ? item.value : undefined;
  }

  delete(token: string): void {
    this.items.delete(token);
  }

  get size(): number {
    return this.items.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, item] of this.items) if (item.expiresAt <= now) this.items.delete(token);
  }
}
