import { ApiError, NO_SESSION, call } from '../../../api/client';
import { ackedByRecord, isBlank, type CaptureItem } from './capture-items';
import { saveOutcome, sentBase } from './capture-conflicts';
import { orderAfterCreate, predecessorId } from './capture-order';

/**
 * The save queue of one store: per line, at most one save in flight, always carrying the latest
 * text and revision; a line reads "guardado" only once the service has answered for its latest
 * revision. Saves that fail on the way are retried with a growing pause until they get through.
 */

/** Throttle rather than debounce: a moderator who never pauses still gets saved every ~150 ms. */
export const SAVE_DELAY_MS = 150;
const RETRY_MS = [400, 800, 1500, 3000];

/** The pause before the `attempt`-th retry (1 for the first): growing, then steady. */
export function retryDelay(attempt: number): number {
  return RETRY_MS[Math.min(attempt - 1, RETRY_MS.length - 1)]!;
}

/**
 * Failures a line waits out and is sent again after. A venue session closed or revoked is one:
 * the line stays (and in the journal) while the device joins again, then goes through.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.code === 'error.transport' || error.code === 'error.unexpected' || error.code === 'error.busy' || error.code === NO_SESSION;
}

/** What the queue reads and changes of the store it saves for. */
export interface SaveHost {
  readonly practiceId: number;
  readonly salaId: number | null;
  /** This screen, to the server (see capture-conflicts.ts). */
  readonly editor: string;
  find(key: string): CaptureItem | undefined;
  /** The lines of `item`'s cell, in order. */
  cellOf(item: CaptureItem): readonly CaptureItem[];
  update(key: string, patch: Partial<CaptureItem>): void;
  /** A save got through: pushed events held back while creates were in flight may apply now. */
  settled(): void;
  /** A line from an earlier page's journal was overtaken on the server: it was not recovered after all. */
  unrecovered(): void;
}

export class SaveQueue {
  private readonly timers = new Map<string, number>();
  private readonly attempts = new Map<string, number>();

  constructor(private readonly host: SaveHost) {}

  /** Sends the line after `delay` ms; a save already waiting is not put off by a later keystroke. */
  schedule(key: string, delay: number): void {
    if (this.timers.has(key) && delay > 0) return;
    this.startTimer(key, delay);
  }

  /** The line's next failure starts again from the shortest pause. */
  resetAttempts(key: string): void {
    this.attempts.delete(key);
  }

  /** Nothing more is sent for the line (deleted). */
  cancel(key: string): void {
    window.clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  private startTimer(key: string, delay: number): void {
    window.clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      window.setTimeout(() => {
        this.timers.delete(key);
        void this.send(key);
      }, delay),
    );
  }

  private async send(key: string): Promise<void> {
    const item = this.host.find(key);
    if (!item || item.inFlight || item.composing || (item.conflict && item.revision <= item.conflict.keptRevision)) return;
    if (item.ackedRevision >= item.revision) return;
    // A blank line waits: it is removed when the moderator leaves it, or sent once it has words again.
    if (isBlank(item.text)) return;
    if (item.id === null) await this.create(key, item);
    else await this.updateText(key, item, item.id);
  }

  private async create(key: string, item: CaptureItem): Promise<void> {
    const list = this.host.cellOf(item);
    const afterId = predecessorId(list, list.findIndex((i) => i.key === key));
    if (afterId === 'wait') {
      this.schedule(key, 100);
      return;
    }
    const revision = item.revision;
    this.host.update(key, { inFlight: true });
    try {
      const { practiceId, salaId } = this.host;
      const created = await call('encuentro.contributions.create', {
        practiceId,
        salaId,
        block: item.block,
        level: item.level,
        text: item.text,
        revision,
        clientKey: key,
        ...(afterId !== null ? { afterId } : {}),
      });
      if (!this.host.find(key)) {
        // Deleted while its create was on the way: delete it there too.
        void call('encuentro.contributions.delete', { id: created.id }).catch(() => undefined);
        return;
      }
      // A retried create answers the first record, whose text may be older than what was sent.
      this.succeeded(key, { id: created.id, ackedRevision: ackedByRecord(created, item.text, revision), position: created.position });
    } catch (error) {
      this.failed(key, error);
    }
  }

  private async updateText(key: string, item: CaptureItem, id: number): Promise<void> {
    const revision = item.revision;
    this.host.update(key, { inFlight: true });
    try {
      const base = sentBase(item, this.host.editor);
      const saved = await call('encuentro.contributions.updateText', { id, text: item.text, revision, ...(base ?? {}) });
      const outcome = saveOutcome({ item, revision, base }, this.host.find(key), saved);
      if (outcome.kind === 'conflict') {
        this.attempts.delete(key);
        this.host.update(key, outcome.patch);
        const latest = this.host.find(key);
        if (latest && latest.revision > revision && !latest.composing) this.schedule(key, SAVE_DELAY_MS);
      } else if (outcome.kind === 'rebase') {
        this.host.update(key, outcome.patch);
        this.attempts.delete(key);
        this.schedule(key, 0);
      } else {
        this.succeeded(key, outcome.patch);
        if (outcome.kind === 'overtaken') this.host.unrecovered();
      }
    } catch (error) {
      this.failed(key, error);
    }
  }

  private succeeded(key: string, patch: Partial<CaptureItem>): void {
    this.attempts.delete(key);
    const before = this.host.find(key);
    this.host.update(key, { ...patch, inFlight: false, failed: false, error: null, recovered: false });
    const item = this.host.find(key);
    if (before?.id === null && item?.id !== null && item) this.fixOrderAfterCreate(item);
    if (item && item.ackedRevision < item.revision && !item.composing) this.schedule(key, SAVE_DELAY_MS);
    this.host.settled();
  }

  /** A first item of a cell created above existing ones lands at the end on the server: put it back in place. */
  private fixOrderAfterCreate(item: CaptureItem): void {
    const list = this.host.cellOf(item);
    const orderedIds = orderAfterCreate(list, list.findIndex((i) => i.key === item.key));
    if (!orderedIds) return;
    const { practiceId, salaId } = this.host;
    void call('encuentro.contributions.reorder', { practiceId, salaId, block: item.block, level: item.level, orderedIds }).catch(() => undefined);
  }

  private failed(key: string, error: unknown): void {
    if (!isTransient(error)) {
      this.host.update(key, { inFlight: false, failed: false, error: error instanceof Error ? error.message : String(error) });
      return;
    }
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    this.host.update(key, { inFlight: false, failed: true });
    this.startTimer(key, retryDelay(attempt));
  }
}
