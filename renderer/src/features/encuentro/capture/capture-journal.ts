import { z } from 'zod';
import { CONTRIBUTION_BLOCKS, CONTRIBUTION_LEVELS, isLevelOfBlock } from '../../../../../shared/domain/encuentro-matrix';

/**
 * The capture screen's local journal: every line the service has not yet acknowledged, kept in the
 * browser's localStorage so a reload, a closed tab or a crashed renderer does not lose it while
 * the hub is unreachable. The store rewrites it on every change and replays it on the next load.
 *
 * Why localStorage and not IndexedDB: setItem is synchronous, so the line is in the browser's
 * storage before the keystroke's handler returns — nothing is left in a pending transaction that
 * an unload aborts — and the whole journal of a practice is a few KB. The browser process holds
 * what the renderer wrote, so a renderer crash keeps it too. (Chromium commits it to disk a few
 * seconds later: a power cut in that moment can still take the last seconds, which the hub, once
 * reachable, stores durably.)
 *
 * One journal per page life ("writer"), keyed by the server origin, the Encuentro, the practice
 * and the sala, so two hubs, two practices or two tabs never overwrite each other's lines. A new
 * page takes over the journals of its scope left by earlier pages.
 */

export interface JournalStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
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
const entrySchema = z
  .object({
    key: z.string().min(1).max(100),
    id: recordId.nullable(),
    block: z.enum(CONTRIBUTION_BLOCKS),
    level: z.enum(CONTRIBUTION_LEVELS),
    text: z.string().max(4000),
    revision: z.number().int().min(0),
    // Where it sat in its cell: the nearest saved line before it and after it (null: none).
    afterId: recordId.nullable(),
    beforeId: recordId.nullable(),
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

function allKeys(storage: JournalStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (typeof name === 'string' && /quota/i.test(name)) || code === 22 || code === 1014;
}

/** The page's localStorage, or null where there is none (or it is blocked). */
export function browserStorage(): JournalStorage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

export function browserOrigin(): string {
  return typeof window !== 'undefined' && window.location ? window.location.origin : '';
}

/** Practices (and salas) of this origin that have a journal waiting: the app replays them at start. */
export function journaledScopes(storage: JournalStorage | null, origin: string): { practiceId: number; salaId: number | null }[] {
  if (!storage) return [];
  const found = new Map<string, { practiceId: number; salaId: number | null }>();
  try {
    for (const key of allKeys(storage)) {
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

export class CaptureJournal {
  private readonly key: string;
  private lastWritten: string | null = null;
  /** Journals of earlier pages, removed once this page's own journal holds their lines. */
  private takenOver: string[] = [];

  constructor(
    private readonly storage: JournalStorage | null,
    readonly scope: JournalScope,
    writer: string = newWriter(),
  ) {
    this.key = storageKey([scope.origin, scope.encuentroId, scope.practiceId, scope.salaId, writer]);
  }

  /**
   * The lines left for this scope by earlier pages (or another tab), oldest journal first; the
   * same line in two journals counts once, with its highest revision. A journal that cannot be
   * read (corrupt, another version, another scope inside) is ignored.
   */
  takeOver(): JournalEntry[] {
    if (!this.storage) return [];
    const { origin, encuentroId, practiceId, salaId } = this.scope;
    const byKey = new Map<string, JournalEntry>();
    try {
      for (const key of allKeys(this.storage)) {
        const parts = parseKey(key);
        if (!parts || key === this.key || parts[0] !== origin || parts[1] !== encuentroId || parts[2] !== practiceId || parts[3] !== salaId) continue;
        this.takenOver.push(key);
        for (const entry of this.read(key)) {
          const known = byKey.get(entry.key);
          if (!known || known.revision < entry.revision) byKey.set(entry.key, entry);
        }
      }
    } catch {
      return [...byKey.values()];
    }
    return [...byKey.values()];
  }

  private read(key: string): JournalEntry[] {
    let raw: unknown;
    try {
      raw = JSON.parse(this.storage?.getItem(key) ?? 'null');
    } catch {
      return [];
    }
    const journal = journalSchema.safeParse(raw);
    if (!journal.success) return [];
    const { origin, encuentroId, practiceId, salaId } = journal.data;
    const scope = this.scope;
    if (origin !== scope.origin || encuentroId !== scope.encuentroId || practiceId !== scope.practiceId || salaId !== scope.salaId) return [];
    return journal.data.entries.flatMap((e) => {
      const entry = entrySchema.safeParse(e);
      return entry.success ? [entry.data] : [];
    });
  }

  /** Replaces this page's journal with `entries` (none: removes it). Never throws. */
  write(entries: readonly JournalEntry[]): JournalProblem {
    if (!this.storage) return entries.length === 0 ? null : 'unavailable';
    const value = entries.length === 0 ? null : JSON.stringify({ v: VERSION, ...this.scope, entries });
    if (value === this.lastWritten && this.takenOver.length === 0) return null;
    try {
      if (value === null) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, value);
    } catch (error) {
      return isQuotaError(error) ? 'quota' : 'unavailable';
    }
    this.lastWritten = value;
    // Only now that this page's journal holds the lines taken over are the old journals removed.
    for (const key of this.takenOver.splice(0)) {
      try {
        this.storage.removeItem(key);
      } catch {
        // Left for a later page to take over again: replaying it is harmless.
      }
    }
    return null;
  }
}
