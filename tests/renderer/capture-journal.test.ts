import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodName } from '../../shared/contract';
import type * as Client from '../../renderer/src/api/client';
import type { JournalStorage } from '../../renderer/src/features/encuentro/capture/capture-journal';
import { openEncuentro, type EncuentroFixture } from '../integration/encuentro/support';
import { CELL, loaded, stored, texts, typeLine } from './support/capture';
import { until } from './support/until';

/**
 * The capture screen's local journal, driven through the real CaptureStore against the real
 * services: lines typed while the hub is unreachable survive a reload of the page (a new store
 * on the same storage, the old one's timers gone with it), come back in the order they were
 * typed, and are stored exactly once.
 */
const link = vi.hoisted(() => ({
  online: true,
  /** The call reaches the service and is carried out, but its answer never comes back. */
  loseAnswers: false,
  handler: null as null | ((method: string, input: unknown) => Promise<unknown>),
}));

vi.mock('../../renderer/src/api/client', async (importOriginal) => {
  const original = await importOriginal<typeof Client>();
  return {
    ...original,
    call: async (method: string, input: unknown) => {
      if (!link.online || !link.handler) throw new original.ApiError('error.transport', 'Sin conexión');
      const result = await link.handler(method, input);
      if (link.loseAnswers) throw new original.ApiError('error.transport', 'Sin conexión');
      return result;
    },
  };
});

// The store only needs the browser's timers; its storage and origin are given to it.
Object.assign(globalThis, { window: globalThis });
const { CaptureStore, saveStateOf } = await import('../../renderer/src/features/encuentro/capture/capture-store');
const { ApiError } = await import('../../renderer/src/api/client');
type Store = InstanceType<typeof CaptureStore>;

/** localStorage as the browser has it, in memory; `full` plays a browser whose quota is used up. */
class MemoryStorage implements JournalStorage {
  readonly map = new Map<string, string>();
  full = false;
  get length() {
    return this.map.size;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  copy(): MemoryStorage {
    const copy = new MemoryStorage();
    for (const [k, v] of this.map) copy.map.set(k, v);
    return copy;
  }
  journalKeys(): string[] {
    return [...this.map.keys()].filter((k) => k.startsWith('bpge.captura.diario|'));
  }
}

const HUB = 'http://192.168.1.10:5317';

describe('capture journal: nothing typed is lost when the page is reloaded during an outage', () => {
  let f: EncuentroFixture;
  let storage: MemoryStorage;
  beforeEach(async () => {
    f = await openEncuentro();
    storage = new MemoryStorage();
    link.online = true;
    link.loseAnswers = false;
    link.handler = async (method, input) => {
      const result = await f.app.services.call(method as MethodName, input as MethodInput<MethodName>);
      // As the client does: the service's refusal, with its code.
      if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
      return result.result;
    };
    // The first page runs on timers that die with it (reload): see reload().
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.clearAllTimers();
    vi.useRealTimers();
    link.handler = null;
    f.app.close();
  });

  const open = (practiceId = f.practiceA, options: { storage?: MemoryStorage; origin?: string } = {}) =>
    new CaptureStore(practiceId, f.salaId, { storage: options.storage ?? storage, origin: options.origin ?? HUB });
  const states = (store: Store) => store.getSnapshot().cells[CELL]!.map((i) => saveStateOf(i));



  /** Lets the page's pending saves run (and fail, during an outage). */
  const attempt = () => vi.advanceTimersByTimeAsync(200);

  /** The page goes away (reload, closed tab, crash): its timers and memory are gone, only storage stays. */
  function reload() {
    vi.clearAllTimers();
    vi.useRealTimers();
  }

  it('lines typed and edited during the outage come back after a reload, in typing order, each stored once', async () => {
    const page = open();
    await loaded(page);
    const first = typeLine(page, 'Primero');
    typeLine(page, 'Último');
    await until(() => expect(page.counts().saved).toBe(2));
    expect(storage.journalKeys()).toEqual([]);

    link.online = false;
    const a = page.insertDraftAfter(first);
    page.setText(a, 'limitantes', 'ugel', 'Entre A', false);
    // Written before any save is even attempted.
    expect(JSON.stringify([...storage.map.values()])).toContain('Entre A');
    const b = page.insertDraftAfter(a);
    page.setText(b, 'limitantes', 'ugel', 'Entre B', false);
    typeLine(page, 'Al final 1');
    typeLine(page, 'Al final 2');
    page.setText(first, 'limitantes', 'ugel', 'Primero (corregido)', false);
    await attempt();
    // ("Entre B" waits for "Entre A" to be created, to be created after it.)
    expect(states(page)).toEqual(['retrying', 'retrying', 'saving', 'saved', 'retrying', 'retrying']);

    reload();
    link.online = true;
    const next = open();
    await loaded(next);
    const expected = ['Primero (corregido)', 'Entre A', 'Entre B', 'Último', 'Al final 1', 'Al final 2'];
    expect(texts(next)).toEqual(expected);
    expect(next.getSnapshot().recovered).toBe(5);
    // Until the service answers they say so.
    expect(states(next)).toEqual(['retrying', 'retrying', 'retrying', 'saved', 'retrying', 'retrying']);

    await until(() => expect(next.counts().saved).toBe(6));
    expect(await stored(f)).toEqual(expected);
    expect(texts(next)).toEqual(expected);
    // Acknowledged lines leave the journal.
    expect(storage.journalKeys()).toEqual([]);
  });

  it('replaying the same journal twice (two pages at once) stores nothing twice', async () => {
    const page = open();
    await loaded(page);
    const first = typeLine(page, 'Guardado antes');
    await until(() => expect(page.counts().saved).toBe(1));
    link.online = false;
    for (const text of ['Uno', 'Dos', 'Tres']) typeLine(page, text);
    page.setText(first, 'limitantes', 'ugel', 'Guardado antes, y corregido', false);
    await attempt();

    reload();
    link.online = true;
    // Two pages find the same journal (a reload and a second tab) and both replay it.
    const one = open();
    const two = open(f.practiceA, { storage: storage.copy() });
    await Promise.all([loaded(one), loaded(two)]);
    expect(one.getSnapshot().recovered).toBe(4);
    expect(two.getSnapshot().recovered).toBe(4);
    await until(() => expect([one.counts().saved, two.counts().saved]).toEqual([4, 4]));

    const expected = ['Guardado antes, y corregido', 'Uno', 'Dos', 'Tres'];
    expect(await stored(f)).toEqual(expected);
    expect(texts(one)).toEqual(expected);
    expect(texts(two)).toEqual(expected);
  });

  it('a create that reached the service but whose answer was lost is neither shown nor stored twice', async () => {
    const page = open();
    await loaded(page);
    link.loseAnswers = true;
    typeLine(page, 'Llegó sin respuesta');
    await attempt();
    expect(states(page)).toEqual(['retrying']);
    expect(await stored(f)).toEqual(['Llegó sin respuesta']);

    // Same page: a refresh recognises its own line by the create's key.
    link.loseAnswers = false;
    await page.load();
    expect(texts(page)).toEqual(['Llegó sin respuesta']);
    expect(states(page)).toEqual(['saved']);

    // After a reload, the journal's entry is already on the service: nothing to recover.
    link.loseAnswers = true;
    typeLine(page, 'Otra sin respuesta');
    await attempt();
    reload();
    link.loseAnswers = false;
    const next = open();
    await loaded(next);
    expect(texts(next)).toEqual(['Llegó sin respuesta', 'Otra sin respuesta']);
    expect(states(next)).toEqual(['saved', 'saved']);
    expect(next.getSnapshot().recovered).toBe(0);
    expect(await stored(f)).toEqual(['Llegó sin respuesta', 'Otra sin respuesta']);
    expect(storage.journalKeys()).toEqual([]);
  });

  it('a journal entry whose revision (or a later one) is already on the service is dropped', async () => {
    const page = open();
    await loaded(page);
    const key = typeLine(page, 'Versión 1');
    await until(() => expect(page.counts().saved).toBe(1));
    link.online = false;
    page.setText(key, 'limitantes', 'ugel', 'Versión 2 de esta laptop', false);
    await attempt();
    const { id, revision } = page.getSnapshot().cells[CELL]![0]!;
    // Meanwhile another laptop stored a later revision of the same line.
    await f.app.call('encuentro.contributions.updateText', { id: id!, text: 'Versión 3 de otra laptop', revision: revision + 1 });

    reload();
    link.online = true;
    const next = open();
    await loaded(next);
    expect(texts(next)).toEqual(['Versión 3 de otra laptop']);
    expect(states(next)).toEqual(['saved']);
    expect(next.getSnapshot().recovered).toBe(0);
    expect(await stored(f)).toEqual(['Versión 3 de otra laptop']);
    expect(storage.journalKeys()).toEqual([]);
  });

  it('ignores journals of another practice or another hub, and a corrupt journal, without failing', async () => {
    const page = open();
    await loaded(page);
    link.online = false;
    typeLine(page, 'De la práctica A');
    await attempt();
    const [keyA] = storage.journalKeys();
    const journalA = storage.getItem(keyA!)!;
    const other = open(f.practiceB);
    const otherHub = open(f.practiceA, { origin: 'http://192.168.1.99:5317' });
    link.online = true;
    await Promise.all([loaded(other), loaded(otherHub)]);
    link.online = false;
    typeLine(other, 'De la práctica B');
    typeLine(otherHub, 'Del otro hub');
    await attempt();
    expect(storage.journalKeys()).toHaveLength(3);

    // Practice A's journal: broken JSON; the same key pattern holding another practice's journal;
    // and one journal with a valid entry next to an invalid one.
    storage.setItem(keyA!, '{"v":1,"origin":"http://192.168.1.10:5317","entr');
    const keyB = storage.journalKeys().find((k) => k !== keyA && storage.getItem(k)!.includes('De la práctica B'))!;
    storage.setItem(keyA!.replace(/"[^"]*"\]$/, '"copia"]'), storage.getItem(keyB)!);
    const mixed = JSON.parse(journalA) as { entries: Record<string, unknown>[] };
    mixed.entries.push({ ...mixed.entries[0], key: 'c-malo', level: 'dre', text: 'Nivel que no es del bloque' });
    mixed.entries.push({ key: 'c-roto', text: 42 });
    storage.setItem(keyA!.replace(/"[^"]*"\]$/, '"mixta"]'), JSON.stringify(mixed));

    reload();
    link.online = true;
    const next = open();
    await loaded(next);
    expect(texts(next)).toEqual(['De la práctica A']);
    expect(next.getSnapshot().recovered).toBe(1);
    await until(() => expect(next.counts().saved).toBe(1));
    expect(await stored(f)).toEqual(['De la práctica A']);
    expect(await stored(f, f.practiceB)).toEqual([]);
    // The other practice's and the other hub's journals wait for their own page.
    const left = storage.journalKeys().map((k) => storage.getItem(k)!);
    expect(left.filter((v) => v.includes('De la práctica B'))).toHaveLength(1);
    expect(left.filter((v) => v.includes('Del otro hub'))).toHaveLength(1);
  });

  it('a journal left for a practice that no longer exists is not asked for again and again, until a screen shows it', async () => {
    const gone = open(987_654);
    await gone.load();
    expect(gone.getSnapshot().loaded).toBe(false);
    expect(gone.getSnapshot().loadError).not.toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    // A screen showing the store asks again (and keeps asking while it shows it).
    const loads = vi.spyOn(gone, 'load');
    const unsubscribe = gone.subscribe(() => undefined);
    expect(loads).toHaveBeenCalledTimes(1);
    await until(() => expect(vi.getTimerCount()).toBe(1));
    unsubscribe();
  });

  it('when the browser storage is full it says so and keeps working in memory', async () => {
    const page = open();
    await loaded(page);
    storage.full = true;
    link.online = false;
    typeLine(page, 'Sin espacio en el navegador');
    expect(page.getSnapshot().journalProblem).toBe('quota');
    await attempt();
    expect(texts(page)).toEqual(['Sin espacio en el navegador']);
    expect(states(page)).toEqual(['retrying']);

    link.online = true;
    await until(() => expect(page.counts().saved).toBe(1));
    expect(await stored(f)).toEqual(['Sin espacio en el navegador']);
    // Nothing left to keep: the notice goes away.
    expect(page.getSnapshot().journalProblem).toBeNull();
  });
});
