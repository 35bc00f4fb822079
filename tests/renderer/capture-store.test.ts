import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodName } from '../../shared/contract';
import type * as Client from '../../renderer/src/api/client';
import { openEncuentro, type EncuentroFixture } from '../integration/encuentro/support';
import { CELL, loaded, stored, texts, typeLine } from './support/capture';
import { until } from './support/until';

/**
 * The moderator's capture store (renderer) driven against the real services, with the
 * transport switchable "down" to play a server outage. What is checked is what the moderator
 * sees and what ends up stored — in the order they typed it.
 */
// `session: false` plays a venue session closed or revoked: the hub answers every call «no session» (401).
const link = vi.hoisted(() => ({ online: true, session: true, handler: null as null | ((method: string, input: unknown) => Promise<unknown>) }));

vi.mock('../../renderer/src/api/client', async (importOriginal) => {
  const original = await importOriginal<typeof Client>();
  return {
    ...original,
    call: async (method: string, input: unknown) => {
      if (!link.online || !link.handler) throw new original.ApiError('error.transport', 'Sin conexión');
      if (!link.session) throw new original.ApiError(original.NO_SESSION, 'Este dispositivo no tiene una sesión abierta en la sede.');
      return link.handler(method, input);
    },
  };
});

// The store only needs the browser's timers.
Object.assign(globalThis, { window: globalThis });
const { CaptureStore } = await import('../../renderer/src/features/encuentro/capture/capture-store');

describe('capture store: what the moderator typed survives an outage, in order', () => {
  let f: EncuentroFixture;
  beforeEach(async () => {
    f = await openEncuentro();
    link.online = true;
    link.session = true;
    link.handler = async (method, input) => {
      const result = await f.app.services.call(method as MethodName, input as MethodInput<MethodName>);
      if (!result.ok) throw new Error(result.error.message);
      return result.result;
    };
  });
  afterEach(() => {
    link.handler = null;
    f.app.close();
  });




  it('lines typed after the venue session was revoked wait, with no error, and are stored once the device joins again', async () => {
    const store = new CaptureStore(f.practiceA, f.salaId);
    await loaded(store);
    typeLine(store, 'Antes del cierre');
    await until(() => expect(store.counts().saved).toBe(1));

    link.session = false;
    typeLine(store, 'Durante el cierre');
    await until(() => expect(store.counts().retrying).toBe(1));
    expect(store.counts().error).toBe(0);
    expect(texts(store)).toEqual(['Antes del cierre', 'Durante el cierre']);

    link.session = true;
    await until(() => expect(store.counts().saved).toBe(2));
    expect(await stored(f)).toEqual(['Antes del cierre', 'Durante el cierre']);
  });

  it('a refresh during the outage keeps the unsaved lines in typing order, and they are stored in that order', async () => {
    const store = new CaptureStore(f.practiceA, f.salaId);
    await loaded(store);
    typeLine(store, 'Aporte 1');
    await until(() => expect(store.counts().saved).toBe(1));

    link.online = false;
    for (const text of ['Aporte 2', 'Aporte 3', 'Aporte 4', 'Aporte 5']) typeLine(store, text);
    await until(() => expect(store.counts().retrying).toBeGreaterThan(0));
    expect(texts(store)).toEqual(['Aporte 1', 'Aporte 2', 'Aporte 3', 'Aporte 4', 'Aporte 5']);

    // The connection comes back and the screen re-reads the server (as after a reconnect).
    link.online = true;
    await store.load();
    expect(texts(store)).toEqual(['Aporte 1', 'Aporte 2', 'Aporte 3', 'Aporte 4', 'Aporte 5']);

    await until(() => expect(store.counts().saved).toBe(5));
    expect(await stored(f)).toEqual(['Aporte 1', 'Aporte 2', 'Aporte 3', 'Aporte 4', 'Aporte 5']);
  });

  it('a refresh keeps unsaved lines between the saved ones they were typed among, and adds what another moderator saved', async () => {
    const store = new CaptureStore(f.practiceA, f.salaId);
    await loaded(store);
    const first = typeLine(store, 'Primero');
    typeLine(store, 'Último');
    await until(() => expect(store.counts().saved).toBe(2));

    link.online = false;
    // Two lines inserted between the saved ones (Enter at the end of the first).
    const a = store.insertDraftAfter(first);
    store.setText(a, 'limiting', 'ugel', 'Entre A', false);
    const b = store.insertDraftAfter(a);
    store.setText(b, 'limiting', 'ugel', 'Entre B', false);
    // Meanwhile another moderator's line reaches the server.
    await f.app.call('encuentro.contributions.create', { practiceId: f.practiceA, salaId: f.salaId, block: 'limiting', level: 'ugel', text: 'De otra laptop', revision: 1 });

    link.online = true;
    await store.load();
    expect(texts(store)).toEqual(['Primero', 'Entre A', 'Entre B', 'Último', 'De otra laptop']);
    await until(() => expect(store.counts().saved).toBe(5));
    expect(await stored(f)).toEqual(['Primero', 'Entre A', 'Entre B', 'Último', 'De otra laptop']);
  });

  it('a saved line emptied of its text is removed when left, never stored blank, and undoing brings its words back', async () => {
    const store = new CaptureStore(f.practiceA, f.salaId);
    await loaded(store);
    const key = typeLine(store, 'Uno que se vaciará');
    typeLine(store, 'Otro que queda');
    await until(() => expect(store.counts().saved).toBe(2));

    // The moderator enters the line and deletes its text, a character at a time.
    store.beginEdit(key);
    for (const text of ['Uno que', 'U', '   ', '']) {
      store.setText(key, 'limiting', 'ugel', text, false);
      store.flush(key);
      if (text.trim() !== '') await until(() => expect(store.counts().saving).toBe(0));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The service never stores a blank line.
    expect(await stored(f)).toEqual(['U', 'Otro que queda']);
    store.leave(key);
    await until(() => expect(store.getSnapshot().lastDeleted).not.toBeNull());
    expect(texts(store)).toEqual(['Otro que queda']);
    expect(await stored(f)).toEqual(['Otro que queda']);
    // What the undo bar names and brings back is the line as it was when the moderator entered it.
    expect(store.getSnapshot().lastDeleted!.text).toBe('Uno que se vaciará');
    await store.undoDelete();
    await until(() => expect(store.counts().saved).toBe(2));
    expect(texts(store)).toEqual(['Uno que se vaciará', 'Otro que queda']);
    expect(await stored(f)).toEqual(['Uno que se vaciará', 'Otro que queda']);
  });

  it('a new line left with spaces only is dropped, not stored', async () => {
    const store = new CaptureStore(f.practiceA, f.salaId);
    await loaded(store);
    const key = typeLine(store, '  ');
    await new Promise((resolve) => setTimeout(resolve, 300));
    store.leave(key);
    expect(texts(store)).toEqual([]);
    expect(await stored(f)).toEqual([]);
  });

  it('a misfiled line moves to another block and level without retyping, saved there; a draft moves with it', async () => {
    const store = new CaptureStore(f.practiceA, f.salaId);
    await loaded(store);
    const key = typeLine(store, 'Esto era una acción del MINEDU');
    typeLine(store, 'Se queda');
    await until(() => expect(store.counts().saved).toBe(2));
    expect(await store.moveTo(key, 'actions', 'minedu')).toBe(true);
    const cells = store.getSnapshot().cells;
    expect(texts(store)).toEqual(['Se queda']);
    expect(cells['actions:minedu']!.map((i) => i.text)).toEqual(['Esto era una acción del MINEDU']);
    const matrix = await f.app.call('encuentro.matrix', { practiceId: f.practiceA, salaId: f.salaId });
    expect(matrix.blocks.find((b) => b.block === 'actions')!.cells.find((c) => c.level === 'minedu')!.contributions.map((c) => c.text)).toEqual(['Esto era una acción del MINEDU']);
    expect(await stored(f)).toEqual(['Se queda']);

    // Refused (the service is unreachable): the line is back where it was.
    link.online = false;
    const moved = cells['actions:minedu']![0]!.key;
    expect(await store.moveTo(moved, 'conditions', 'dre')).toBe(false);
    expect(store.getSnapshot().cells['actions:minedu']!.map((i) => i.text)).toEqual(['Esto era una acción del MINEDU']);
    expect(store.getSnapshot().cells['conditions:dre']).toEqual([]);
  });

  it('Ctrl+Z takes back a whole edit (what was typed without a pause), Ctrl+Y puts it back', async () => {
    let now = 0;
    const store = new CaptureStore(f.practiceA, f.salaId, { now: () => now });
    await loaded(store);
    const type = (key: string, words: string) => {
      let text = store.getSnapshot().cells[CELL]!.find((i) => i.key === key)?.text ?? '';
      for (const ch of words) {
        now += 80;
        text += ch;
        store.setText(key, 'limiting', 'ugel', text, false);
      }
    };
    const key = store.getSnapshot().ghosts[CELL]!;
    type(key, 'Falta presupuesto');
    now += 3000;
    type(key, ' para movilidad');
    expect(texts(store)).toEqual(['Falta presupuesto para movilidad']);
    expect(store.undoEdit(key)).toBe(true);
    expect(texts(store)).toEqual(['Falta presupuesto']);
    expect(store.redoEdit(key)).toBe(true);
    expect(texts(store)).toEqual(['Falta presupuesto para movilidad']);
    expect(store.undoEdit(key)).toBe(true);
    expect(store.undoEdit(key)).toBe(true);
    expect(texts(store)).toEqual(['']);
    expect(store.undoEdit(key)).toBe(false);
    // What the undo left is what is saved.
    store.redoEdit(key);
    store.flush(key);
    await until(() => expect(store.counts().saved).toBe(1));
    expect(await stored(f)).toEqual(['Falta presupuesto']);
  });
});
