import { z } from 'zod';
import { CONTRIBUTION_BLOCKS, CONTRIBUTION_LEVELS, isLevelOfBlock } from '../../../../../shared/domain/encuentro-matrix';
import { currentValue, LEGACY_CONTRIBUTION_BLOCK, LEGACY_LEVEL } from '../../../../../shared/domain/legacy-values';

/**
 * The capture screen's local journal: every line the service has not yet acknowledged, kept in the
 * browser's IndexedDB so a reload, a closed tab or a crashed browser does not lose it while the hub
 * is unreachable. The store rewrites it on every change and replays it on the next load.
 *
 * Why IndexedDB with strict durability and not localStorage: Chromium writes localStorage to disk
 * seconds after setItem returns, so a browser process killed in that moment lost the last lines
 * (7 of 10 trials) while the screen had shown them as kept. A 'strict' readwrite transaction fires
 * `complete` only once its data is flushed to disk, so a line counts as journaled only from that
 * event on (the store shows it per line); a write still open when the browser dies is simply not
 * claimed. Writes are coalesced: one transaction at a time, each carrying the latest state.
 *
 * One journal per page life ("writer"), keyed by the server origin, the Encuentro, the practice
 * and the sala, so two hubs, two practices or two tabs never overwrite each other's lines. A new
 * page takes over the journals of its scope left by earlier pages, and removes them in the same
 * transaction that first writes its own journal.
 */

/** Where journals are kept: one record per writer, written and removed atomically and durably. */
export interface JournalBackend {
  /** Every journal record (key and stored value). */
  readAll(): Promise<{ key: string; value: unknown }[]>;
  /** One transaction: `put` (if any) and the removals; resolves once it is durable, rejects if it is not. */
  commit(put: { key: string; value: unknown } | null, remove: readonly string[]): Promise<void>;
}

export interface JournalScope {
  origin: string;
  encuentroId: number;
  practiceId: number;
  salaId: number | null;
}

/** What the last write did: 'quota' when the browser's storage is full, 'unavailable' when there is none. */
export type JournalProblem = 'quota' | 'unavailable' | null;

const PREFIX = 'bpge.captura.diario|';
const VERSION = 1;

const recordId = z.number().int().positive();
/** A journal written before the app stored English values holds the old ones: replayed as the values they name. */
const current = (map: Readonly<Record<string, string>>) => (value: unknown) => (typeof value === 'string' ? currentValue(map, value) : value);
const entrySchema = z
  .object({
    key: z.string().min(1).max(100),
    id: recordId.nullable(),
    block: z.preprocess(current(LEGACY_CONTRIBUTION_BLOCK), z.enum(CONTRIBUTION_BLOCKS)),
    level: z.preprocess(current(LEGACY_LEVEL), z.enum(CONTRIBUTION_LEVELS)),
    text: z.string().max(4000),
    revision: z.number().int().min(0),
    // Where it sat in its cell: the nearest saved line before it and after it (null: none).
    afterId: recordId.nullable(),
    beforeId: recordId.nullable(),
    // A text change's base: the stored revision it was typed on and the page that typed it, so a
    // replay that finds another device's text since then is a conflict, not an overwrite (nor a drop).
    base: z.number().int().min(0).optional(),
    editor: z.string().min(1).max(100).optional(),
  })
  .refine((e) => isLevelOfBlock(e.block, e.level));

/**
 * One unacknowledged line: a create (id null, its key is the create's idempotency key) or a text
 * change. The type is the schema's, so what is written is what a replay accepts.
 */
export type JournalEntry = z.infer<typeof entrySchema>;

const journalSchema = z.object({
  v: z.literal(VERSION),
  origin: z.string(),
  encuentroId: recordId,
  practiceId: recordId,
  salaId: recordId.nullable(),
  entries: z.array(z.unknown()),
});

type KeyParts = [origin: string, encuentroId: number, practiceId: number, salaId: number | null, writer: string];

function storageKey(parts: KeyParts): string {
  return PREFIX + JSON.stringify(parts);
}

function parseKey(key: string): KeyParts | null {
  if (!key.startsWith(PREFIX)) return null;
  try {
    const parts: unknown = JSON.parse(key.slice(PREFIX.length));
    if (!Array.isArray(parts) || parts.length !== 5) return null;
    const [origin, encuentroId, practiceId, salaId, writer] = parts as unknown[];
    if (typeof origin !== 'string' || typeof encuentroId !== 'number' || typeof practiceId !== 'number' || typeof writer !== 'string') return null;
    if (salaId !== null && typeof salaId !== 'number') return null;
    return [origin, encuentroId, practiceId, salaId, writer];
  } catch {
    return null;
  }
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (typeof name === 'string' && /quota/i.test(name)) || code === 22 || code === 1014;
}

const DB_NAME = 'bpge-captura';
const STORE = 'diario';

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB'));
  });
}

/** A transaction's end: resolves at `complete` (with strict durability: on disk), rejects on error or abort. */
function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB'));
    tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
  });
}

/** The journal kept in an IndexedDB database (the page's, or the one given, as a test does). */
export function indexedDbBackend(factory: IDBFactory): JournalBackend {
  let opened: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrading later must not be blocked by this one; the next call reopens.
        db.onversionchange = () => {
          db.close();
          opened = null;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB'));
      request.onblocked = () => reject(new Error('IndexedDB open blocked by another tab'));
    });
    opened.catch(() => {
      opened = null;
    });
    return opened;
  };
  return {
    async readAll() {
      const db = await open();
      const tx = db.transaction(STORE, 'readonly');
      const store = tx.objectStore(STORE);
      const [keys, values] = await Promise.all([requestResult(store.getAllKeys()), requestResult(store.getAll())]);
      return keys.flatMap((key, i) => (typeof key === 'string' ? [{ key, value: values[i] as unknown }] : []));
    },
    async commit(put, remove) {
      const db = await open();
      const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
      const done = transactionDone(tx);
      const store = tx.objectStore(STORE);
      for (const key of remove) store.delete(key);
      if (put) store.put(put.value, put.key);
      await done;
    },
  };
}

let pageBackend: JournalBackend | null | undefined;

/** The page's IndexedDB (one connection for every store), or null where there is none (or it is blocked). */
export function browserJournalBackend(): JournalBackend | null {
  if (pageBackend !== undefined) return pageBackend;
  try {
    pageBackend = typeof indexedDB !== 'undefined' && indexedDB ? indexedDbBackend(indexedDB) : null;
  } catch {
    pageBackend = null;
  }
  return pageBackend;
}

export function browserOrigin(): string {
  return typeof window !== 'undefined' && window.location ? window.location.origin : '';
}

/** Practices (and salas) of this origin that have a journal waiting: the app replays them at start. */
export async function journaledScopes(backend: JournalBackend | null, origin: string): Promise<{ practiceId: number; salaId: number | null }[]> {
  if (!backend) return [];
  const found = new Map<string, { practiceId: number; salaId: number | null }>();
  try {
    for (const { key } of await backend.readAll()) {
      const parts = parseKey(key);
      if (parts && parts[0] === origin) found.set(`${parts[2]}:${parts[3] ?? ''}`, { practiceId: parts[2], salaId: parts[3] });
    }
  } catch {
    return [];
  }
  return [...found.values()];
}

let writerSeed = 0;
function newWriter(): string {
  writerSeed += 1;
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
  return `${random}-${writerSeed}`;
}

/** What an earlier page left: its readable lines, and how many lines (or whole journals) could not be read. */
export interface TakenOver {
  entries: JournalEntry[];
  unreadable: number;
  /** The journal itself could not be read (no IndexedDB, or it failed). */
  failed: boolean;
}

/** Told when a write is durable (the revision of each line it held) or when it failed. */
export interface JournalListener {
  written(revisions: ReadonlyMap<string, number>): void;
  problem(problem: JournalProblem): void;
}

export class CaptureJournal {
  private readonly key: string;
  private lastWritten: string | null = null;
  /** Journals of earlier pages, removed in the transaction that first writes this page's journal. */
  private takenOver: string[] = [];
  /** The latest state not yet handed to a transaction (null: nothing waiting). */
  private waiting: readonly JournalEntry[] | null = null;
  private writing = false;

  constructor(
    private readonly backend: JournalBackend | null,
    readonly scope: JournalScope,
    private readonly listener: JournalListener,
    writer: string = newWriter(),
  ) {
    this.key = storageKey([scope.origin, scope.encuentroId, scope.practiceId, scope.salaId, writer]);
  }

  /**
   * The lines left for this scope by earlier pages (or another tab), oldest journal first; the
   * same line in two journals counts once, with its highest revision. A line that cannot be read
   * (corrupt, another version) is counted as unreadable; a journal of another scope is ignored.
   */
  async takeOver(): Promise<TakenOver> {
    if (!this.backend) return { entries: [], unreadable: 0, failed: false };
    const { origin, encuentroId, practiceId, salaId } = this.scope;
    const byKey = new Map<string, JournalEntry>();
    let unreadable = 0;
    let records: { key: string; value: unknown }[];
    try {
      records = await this.backend.readAll();
    } catch {
      return { entries: [], unreadable: 0, failed: true };
    }
    for (const { key, value } of records) {
      const parts = parseKey(key);
      if (!parts || key === this.key || parts[0] !== origin || parts[1] !== encuentroId || parts[2] !== practiceId || parts[3] !== salaId) continue;
      const read = this.read(value);
      this.takenOver.push(key);
      unreadable += read.unreadable;
      for (const entry of read.entries) {
        const known = byKey.get(entry.key);
        if (!known || known.revision < entry.revision) byKey.set(entry.key, entry);
      }
    }
    return { entries: [...byKey.values()], unreadable, failed: false };
  }

  /** A journal's lines; none from a record whose content names another scope than its key (misfiled, dropped). */
  private read(value: unknown): { entries: JournalEntry[]; unreadable: number } {
    const journal = journalSchema.safeParse(value);
    if (!journal.success) {
      const entries = (value as { entries?: unknown } | null)?.entries;
      return { entries: [], unreadable: Array.isArray(entries) ? entries.length : 1 };
    }
    const { origin, encuentroId, practiceId, salaId } = journal.data;
    const scope = this.scope;
    if (origin !== scope.origin || encuentroId !== scope.encuentroId || practiceId !== scope.practiceId || salaId !== scope.salaId) return { entries: [], unreadable: 0 };
    let unreadable = 0;
    const entries = journal.data.entries.flatMap((e) => {
      const entry = entrySchema.safeParse(e);
      if (!entry.success) unreadable += 1;
      return entry.success ? [entry.data] : [];
    });
    return { entries, unreadable };
  }

  /** Replaces this page's journal with `entries` (none: removes it), as soon as the previous write is done. Never throws. */
  write(entries: readonly JournalEntry[]): void {
    if (!this.backend) {
      this.listener.problem(entries.length === 0 ? null : 'unavailable');
      return;
    }
    this.waiting = entries;
    if (!this.writing) void this.drain();
  }

  /** True while a change is not yet durable. */
  get busy(): boolean {
    return this.writing || this.waiting !== null;
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.waiting !== null) {
      const entries = this.waiting;
      this.waiting = null;
      const value = entries.length === 0 ? null : { v: VERSION, ...this.scope, entries };
      const serial = value === null ? null : JSON.stringify(value);
      const revisions = new Map(entries.map((e) => [e.key, e.revision]));
      if (serial === this.lastWritten && this.takenOver.length === 0) {
        // The disk already holds exactly this (a write that failed before left it unchanged).
        this.listener.written(revisions);
        this.listener.problem(null);
        continue;
      }
      const removed = [...this.takenOver, ...(value === null ? [this.key] : [])];
      try {
        await this.backend!.commit(value === null ? null : { key: this.key, value }, removed);
      } catch (error) {
        this.listener.problem(isQuotaError(error) ? 'quota' : 'unavailable');
        continue;
      }
      this.lastWritten = serial;
      // The old journals went in the same transaction that wrote their lines into this one.
      this.takenOver = this.takenOver.filter((k) => !removed.includes(k));
      this.listener.written(revisions);
      this.listener.problem(null);
    }
    this.writing = false;
  }
}
