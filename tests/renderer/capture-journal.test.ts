import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodName } from '../../shared/contract';
import type * as Client from '../../renderer/src/api/client';
import { IDBFactory } from 'fake-indexeddb';
import { indexedDbBackend, type JournalBackend } from '../../renderer/src/features/encuentro/capture/capture-journal';
import { t } from '../../shared/i18n';
import { openEncuentro, type EncuentroFixture } from '../integration/encuentro/support';
import { CELL, loaded, stored, texts, typeLine } from './support/capture';
import { until } from './support/until';

/**
 * The capture screen's local journal, driven through the real CaptureStore against the real
 * services, over the real IndexedDB journal (fake-indexeddb in Node): lines typed while the hub is
 * unreachable survive a reload of the page (a new store on the same database, the old one's
 * timers gone with it), come back in the order they were typed, and are stored exactly once.
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
const { CaptureStore } = await import('../../renderer/src/features/encuentro/capture/capture-store');
const { saveStateOf } = await import('../../renderer/src/features/encuentro/capture/capture-items');
const { ApiError } = await import('../../renderer/src/api/client');
type Store = InstanceType<typeof CaptureStore>;

/**
 * The browser's IndexedDB, in memory, through the app's own backend. `full` plays a browser whose
 * quota is used up; `hold` keeps every transaction open (not yet on disk) until `release`.
 */
class Disk implements JournalBackend {
  private readonly backend: JournalBackend;
  full = false;
  private held: (() => void)[] | null = null;
  constructor(readonly factory = new IDBFactory()) {
    this.backend = indexedDbBackend(factory);
  }
  readAll() {
    return this.backend.readAll();
  }
  async commit(put: { key: string; value: unknown } | null, remove: readonly string[]) {
    if (this.full && put) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    if (this.held) await new Promise<void>((resolve) => this.held!.push(resolve));
    return this.backend.commit(put, remove);
  }
  hold() {
    this.held = [];
  }
  release() {
    const held = this.held ?? [];
    this.held = null;
    for (const go of held) go();
  }
  /** A second browser profile holding the same journals (a second tab finds them too). */
  async copy(): Promise<Disk> {
    const copy = new Disk();
    for (const { key, value } of await this.readAll()) await copy.commit({ key, value }, []);
    return copy;
  }
  async journalKeys(): Promise<string[]> {
    return (await this.readAll()).map((r) => r.key);
  }
  async get(key: string): Promise<unknown> {
    return (await this.readAll()).find((r) => r.key === key)?.value;
  }
  async put(key: string, value: unknown): Promise<void> {
    await this.backend.commit({ key, value }, []);
  }
  async text(): Promise<string> {
    return JSON.stringify((await this.readAll()).map((r) => r.value));
  }
}

const HUB = 'http://192.168.1.10:5317';

describe('capture journal: nothing typed is lost when the page is reloaded during an outage', () => {
  let f: EncuentroFixture;
  let storage: Disk;
  beforeEach(async () => {
    f = await openEncuentro();
    storage = new Disk();
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

  const open = (practiceId = f.practiceA, options: { storage?: Disk; origin?: string } = {}) =>
    new CaptureStore(practiceId, f.salaId, { journal: options.storage ?? storage, origin: options.origin ?? HUB });
  /** The journal write of what was typed is on disk. */
  const journaled = (store: Store) => until(() => expect(Object.keys(store.getSnapshot().journaledRevision).length).toBeGreaterThan(0));
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
    // The journal is rewritten after the answer, in IndexedDB's own time: the acknowledged lines leave it then.
    await until(async () => expect(await storage.journalKeys()).toEqual([]));

    link.online = false;
    const a = page.insertDraftAfter(first);
    page.setText(a, 'limiting', 'ugel', 'Entre A', false);
    // Written before any save is even attempted.
    await until(async () => expect(await storage.text()).toContain('Entre A'));
    const b = page.insertDraftAfter(a);
    page.setText(b, 'limiting', 'ugel', 'Entre B', false);
    typeLine(page, 'Al final 1');
    typeLine(page, 'Al final 2');
    page.setText(first, 'limiting', 'ugel', 'Primero (corregido)', false);
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
    // The journal is rewritten after the answer, in IndexedDB's own time: the acknowledged lines leave it then.
    await until(async () => expect(await storage.journalKeys()).toEqual([]));
  });

  it('replaying the same journal twice (two pages at once) stores nothing twice', async () => {
    const page = open();
    await loaded(page);
    const first = typeLine(page, 'Guardado antes');
    await until(() => expect(page.counts().saved).toBe(1));
    link.online = false;
    for (const text of ['Uno', 'Dos', 'Tres']) typeLine(page, text);
    page.setText(first, 'limiting', 'ugel', 'Guardado antes, y corregido', false);
    await attempt();

    reload();
    link.online = true;
    // Two pages find the same journal (a reload and a second tab) and both replay it.
    const one = open();
    const two = open(f.practiceA, { storage: await storage.copy() });
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
    // The journal is rewritten after the answer, in IndexedDB's own time: the acknowledged lines leave it then.
    await until(async () => expect(await storage.journalKeys()).toEqual([]));
  });

  it('a journal entry whose line another laptop changed meanwhile is neither dropped nor written over it: a conflict, both kept', async () => {
    const page = open();
    await loaded(page);
    const key = typeLine(page, 'Versión 1');
    await until(() => expect(page.counts().saved).toBe(1));
    link.online = false;
    page.setText(key, 'limiting', 'ugel', 'Versión 2 de esta laptop', false);
    await attempt();
    const { id, revision } = page.getSnapshot().cells[CELL]![0]!;
    // Meanwhile another laptop stored a later revision of the same line.
    await f.app.call('encuentro.contributions.updateText', { id: id!, text: 'Versión 3 de otra laptop', revision: revision + 1 });

    reload();
    link.online = true;
    const next = open();
    await loaded(next);
    await until(() => expect(states(next)).toEqual(['conflict']));
    expect(texts(next)).toEqual(['Versión 2 de esta laptop']);
    expect(next.getSnapshot().cells[CELL]![0]!.conflict).toMatchObject({ theirs: 'Versión 3 de otra laptop' });
    expect(await stored(f)).toEqual(['Versión 3 de otra laptop']);
    const kept = (await f.app.call('encuentro.contributions.history', { id: id! })).filter((v) => v.conflict).map((v) => v.text);
    expect(kept).toEqual(['Versión 2 de esta laptop']);
    // Until the moderator chooses, the line stays in this computer's journal too.
    expect(await storage.journalKeys()).not.toEqual([]);
  });

  it('ignores journals of another practice or another hub, and a corrupt journal, without failing', async () => {
    const page = open();
    await loaded(page);
    link.online = false;
    typeLine(page, 'De la práctica A');
    await attempt();
    await journaled(page);
    const [keyA] = await storage.journalKeys();
    const journalA = (await storage.get(keyA!)) as { entries: Record<string, unknown>[] };
    const other = open(f.practiceB);
    const otherHub = open(f.practiceA, { origin: 'http://192.168.1.99:5317' });
    link.online = true;
    await Promise.all([loaded(other), loaded(otherHub)]);
    link.online = false;
    typeLine(other, 'De la práctica B');
    typeLine(otherHub, 'Del otro hub');
    await attempt();
    await Promise.all([journaled(other), journaled(otherHub)]);
    expect(await storage.journalKeys()).toHaveLength(3);

    // Practice A's journal: a damaged record; the same key pattern holding another practice's
    // journal; and one journal with a valid entry next to two invalid ones.
    await storage.put(keyA!, '{"v":1,"origin":"http://192.168.1.10:5317","entr');
    const records = await storage.readAll();
    const keyB = records.find((r) => r.key !== keyA && JSON.stringify(r.value).includes('De la práctica B'))!.key;
    await storage.put(keyA!.replace(/"[^"]*"\]$/, '"copia"]'), await storage.get(keyB));
    const mixed = structuredClone(journalA);
    mixed.entries.push({ ...mixed.entries[0], key: 'c-malo', level: 'dre', text: 'Nivel que no es del bloque' });
    mixed.entries.push({ key: 'c-roto', text: 42 });
    await storage.put(keyA!.replace(/"[^"]*"\]$/, '"mixta"]'), mixed);

    reload();
    link.online = true;
    const next = open();
    await loaded(next);
    expect(texts(next)).toEqual(['De la práctica A']);
    expect(next.getSnapshot().recovered).toBe(1);
    // The damaged record and the two invalid lines are said to be lost, not silently dropped.
    expect(next.getSnapshot().unrecovered).toBe(3);
    await until(() => expect(next.counts().saved).toBe(1));
    expect(await stored(f)).toEqual(['De la práctica A']);
    expect(await stored(f, f.practiceB)).toEqual([]);
    // The other practice's and the other hub's journals wait for their own page.
    const left = (await storage.readAll()).map((r) => JSON.stringify(r.value));
    expect(left.filter((v) => v.includes('De la práctica B'))).toHaveLength(1);
    expect(left.filter((v) => v.includes('Del otro hub'))).toHaveLength(1);
  });

  it('lines journaled before the app stored English values (old block and level names) are replayed, not lost', async () => {
    const page = open();
    await loaded(page);
    link.online = false;
    typeLine(page, 'Escrita antes de actualizar');
    typeLine(page, 'Otra más');
    await attempt();
    await journaled(page);
    // The journal as the previous version wrote it: the Spanish names of the block and level.
    const [key] = await storage.journalKeys();
    const journal = (await storage.get(key!)) as { entries: Record<string, unknown>[] };
    journal.entries[0] = { ...journal.entries[0], block: 'limitantes', level: 'ugel' };
    journal.entries[1] = { ...journal.entries[1], block: 'limitantes', level: 'actores_locales' };
    await storage.put(key!, journal);

    reload();
    link.online = true;
    const next = open();
    await loaded(next);
    expect(next.getSnapshot().recovered).toBe(2);
    expect(next.getSnapshot().unrecovered).toBe(0);
    expect(texts(next)).toEqual(['Escrita antes de actualizar']);
    expect(next.getSnapshot().cells['limiting:localActors']!.map((i) => i.text)).toEqual(['Otra más']);
    await until(() => expect(next.counts().saved).toBe(2));
    const matrix = await f.app.call('encuentro.matrix', { practiceId: f.practiceA, salaId: f.salaId });
    const limiting = matrix.blocks.find((b) => b.block === 'limiting')!.cells;
    expect(limiting.map((c) => [c.level, c.contributions.map((x) => x.text)])).toEqual([
      ['ugel', ['Escrita antes de actualizar']],
      ['dreGreGr', []],
      ['minedu', []],
      ['localActors', ['Otra más']],
    ]);
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
    await until(() => expect(page.getSnapshot().journalProblem).toBe('quota'));
    expect(page.getSnapshot().journaledRevision).toEqual({});
    await attempt();
    expect(texts(page)).toEqual(['Sin espacio en el navegador']);
    expect(states(page)).toEqual(['retrying']);

    link.online = true;
    await until(() => expect(page.counts().saved).toBe(1));
    expect(await stored(f)).toEqual(['Sin espacio en el navegador']);
    // Nothing left to keep: the notice goes away.
    expect(page.getSnapshot().journalProblem).toBeNull();
  });

  it('a line counts as kept on this computer only once its journal write is on disk; a page that dies before claims nothing', async () => {
    const page = open();
    await loaded(page);
    link.online = false;
    storage.hold();
    const key = typeLine(page, 'Aún no está en disco');
    await attempt();
    expect(states(page)).toEqual(['retrying']);
    expect(page.getSnapshot().journaledRevision[key]).toBeUndefined();

    // The browser dies with the transaction still open: the next page finds nothing and says nothing.
    reload();
    link.online = true;
    const next = open(f.practiceA, { storage: new Disk(storage.factory) });
    await loaded(next);
    expect(texts(next)).toEqual([]);
    expect(next.getSnapshot().recovered).toBe(0);
    expect(next.getSnapshot().unrecovered).toBe(0);

    // Once the write is durable the line says so, and a crash from then on brings it back.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    link.online = false;
    const kept = typeLine(next, 'Ya está en disco');
    await until(() => expect(next.getSnapshot().journaledRevision[kept]).toBe(next.getSnapshot().cells[CELL]![0]!.revision));
    reload();
    link.online = true;
    const third = open(f.practiceA, { storage: new Disk(storage.factory) });
    await loaded(third);
    expect(texts(third)).toEqual(['Ya está en disco']);
    expect(third.getSnapshot().recovered).toBe(1);
    await until(() => expect(third.counts().saved).toBe(1));
    expect(await stored(f)).toEqual(['Ya está en disco']);
  });

  it('a journal that cannot be read is reported, not passed over in silence', async () => {
    const broken: JournalBackend = {
      readAll: () => Promise.reject(new DOMException('The operation failed for reasons unrelated to the database itself.', 'UnknownError')),
      commit: () => Promise.resolve(),
    };
    const page = new CaptureStore(f.practiceA, f.salaId, { journal: broken, origin: HUB });
    await loaded(page);
    expect(page.getSnapshot().recovered).toBe(0);
    expect(page.getSnapshot().recoveryFailed).toBe(true);
  });

  it('the recovery notice uses the singular and plural as Spanish does', () => {
    expect(t('encuentroUi.capture.recovered', { count: 1 })).toMatch(/^Se recuperó 1 aporte escrito .* que aún no había llegado/);
    expect(t('encuentroUi.capture.recovered', { count: 2 })).toMatch(/^Se recuperaron 2 aportes escritos .* que aún no habían llegado/);
    expect(t('encuentroUi.capture.unrecovered', { count: 1 })).toMatch(/^No se pudo recuperar 1 aporte /);
    expect(t('encuentroUi.save.summaryRetrying', { count: 1 })).toBe('1 aporte sin guardar — reintentando');
    expect(t('encuentroUi.save.summaryRetrying', { count: 3 })).toBe('3 aportes sin guardar — reintentando');
  });
});
