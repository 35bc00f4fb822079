import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTRIBUTION_BLOCKS, CONTRIBUTION_LEVELS, LEVELS_BY_BLOCK, TYPING_PAUSE_MS } from '../../../shared/domain/encuentro-matrix';
import { openEncuentro, type EncuentroFixture } from './support';

describe('moderator capture', () => {
  let f: EncuentroFixture;
  /** The services' clock: each test moves it as the moderator's pauses would. */
  let clock = Date.parse('2024-11-20T15:00:00Z');
  const pause = (ms = TYPING_PAUSE_MS) => (clock += ms);
  beforeEach(async () => {
    f = await openEncuentro({ now: () => new Date(clock) });
  });
  afterEach(() => f.app.close());

  it('accepts every block/level combination of the matrix and refuses the others in Spanish', async () => {
    let accepted = 0;
    for (const block of CONTRIBUTION_BLOCKS) {
      for (const level of CONTRIBUTION_LEVELS) {
        const input = { practiceId: f.practiceA, block, level, text: `${block} ${level}` };
        if (LEVELS_BY_BLOCK[block].includes(level)) {
          const created = await f.app.call('encuentro.contributions.create', input);
          expect(created).toMatchObject({ block, level, salaId: f.salaId, deleted: false });
          accepted++;
        } else {
          const error = await f.app.fail('encuentro.contributions.create', input);
          expect(error.code).toBe('error.validation');
          expect(error.message).toMatch(/no corresponde al bloque/);
        }
      }
    }
    expect(accepted).toBe(16);
    const bad = await f.app.fail('encuentro.contributions.create', { practiceId: f.practiceA, block: 'actions', level: 'localActors', text: 'x' });
    expect(bad.message).toBe(
      'Revise los datos ingresados: El nivel «Actores locales» no corresponde al bloque «Acciones para la sostenibilidad». Niveles posibles: UGEL, DRE, MINEDU, Otros actores.',
    );
    const unknown = await f.app.fail('encuentro.contributions.create', { practiceId: f.practiceA, block: 'riesgos' as never, level: 'ugel', text: 'x' });
    expect(unknown.message).toMatch(/Bloque no válido/);

    const matrix = await f.app.call('encuentro.matrix', { practiceId: f.practiceA });
    expect(matrix.blocks.map((b) => b.block)).toEqual(['limiting', 'enabling', 'actions', 'conditions']);
    expect(matrix.blocks.every((b) => b.cells.length === 4 && b.cells.every((c) => c.contributions.length === 1))).toBe(true);
  });

  it('saves as the moderator types: Enter inserts after the current item, a retried create is not duplicated', async () => {
    const first = await f.app.call('encuentro.contributions.create', { practiceId: f.practiceA, block: 'actions', level: 'dre', text: 'Uno', clientKey: 'k1' });
    const third = await f.app.call('encuentro.contributions.create', { practiceId: f.practiceA, block: 'actions', level: 'dre', text: 'Tres' });
    await f.app.call('encuentro.contributions.create', { practiceId: f.practiceA, block: 'actions', level: 'dre', text: 'Dos', afterId: first.id });
    const retried = await f.app.call('encuentro.contributions.create', { practiceId: f.practiceA, block: 'actions', level: 'dre', text: 'Uno', clientKey: 'k1' });
    expect(retried.id).toBe(first.id);
    const matrix = await f.app.call('encuentro.matrix', { practiceId: f.practiceA, salaId: f.salaId });
    const cell = matrix.blocks.find((b) => b.block === 'actions')?.cells.find((c) => c.level === 'dre');
    expect(cell?.contributions.map((c) => c.text)).toEqual(['Uno', 'Dos', 'Tres']);
    const reordered = await f.app.call('encuentro.contributions.reorder', {
      practiceId: f.practiceA,
      block: 'actions',
      level: 'dre',
      orderedIds: [third.id, ...(cell?.contributions.filter((c) => c.id !== third.id).map((c) => c.id) ?? [])],
    });
    expect(reordered.map((c) => c.text)).toEqual(['Tres', 'Uno', 'Dos']);
    const moved = await f.app.call('encuentro.contributions.move', { id: third.id, block: 'conditions', level: 'minedu' });
    expect(moved).toMatchObject({ block: 'conditions', level: 'minedu' });
    expect((await f.app.fail('encuentro.contributions.move', { id: third.id, block: 'limiting', level: 'dre' })).message).toMatch(/no corresponde/);
  });

  it('ignores a late, older save: the highest revision wins, a repeat is acknowledged without a new version', async () => {
    const c = await f.app.call('encuentro.contributions.create', { practiceId: f.practiceA, block: 'limiting', level: 'ugel', text: '' });
    pause();
    const r1 = await f.app.call('encuentro.contributions.updateText', { id: c.id, text: 'Cambio', revision: 1 });
    pause();
    const r3 = await f.app.call('encuentro.contributions.updateText', { id: c.id, text: 'Cambios de personal.', revision: 3 });
    const late = await f.app.call('encuentro.contributions.updateText', { id: c.id, text: 'Cambios de', revision: 2 });
    const repeat = await f.app.call('encuentro.contributions.updateText', { id: c.id, text: 'Cambios de personal.', revision: 3 });
    expect([r1.applied, r3.applied, late.applied, repeat.applied]).toEqual([true, true, false, true]);
    expect(late.contribution).toMatchObject({ text: 'Cambios de personal.', revision: 3 });
    const conflicting = await f.app.call('encuentro.contributions.updateText', { id: c.id, text: 'Otra cosa', revision: 3 });
    expect(conflicting.applied).toBe(false);
    const history = await f.app.call('encuentro.contributions.history', { id: c.id });
    expect(history.map((v) => [v.revision, v.text, v.kind])).toEqual([
      [3, 'Cambios de personal.', 'edit'],
      [1, 'Cambio', 'edit'],
      [0, '', 'create'],
    ]);
  });

  it('keeps one version per pause in typing, not one per save', async () => {
    const line = 'Falta de presupuesto para movilidad de los especialistas que monitorean las II.EE. rurales.';
    const c = await f.app.call('encuentro.contributions.create', { practiceId: f.practiceA, block: 'limiting', level: 'ugel', text: line.slice(0, 2), revision: 1 });
    // Typed without stopping: a save every ~150 ms, two characters each.
    let revision = 1;
    for (let k = 4; k <= line.length; k += 2) {
      pause(150);
      await f.app.call('encuentro.contributions.updateText', { id: c.id, text: line.slice(0, k), revision: ++revision });
    }
    await f.app.call('encuentro.contributions.updateText', { id: c.id, text: line, revision: ++revision });
    // A pause, then a correction typed the same way.
    pause(4000);
    const corrected = line.replace('movilidad', 'la movilidad');
    for (const text of [corrected.slice(0, 40), corrected]) {
      pause(150);
      await f.app.call('encuentro.contributions.updateText', { id: c.id, text, revision: ++revision });
    }
    const history = await f.app.call('encuentro.contributions.history', { id: c.id });
    expect(history.map((v) => [v.kind, v.text])).toEqual([
      ['edit', corrected],
      ['create', line],
    ]);
    expect(history[0]!.revision).toBe(revision);
  });

  it('keeps every version and restores any of them as a new version', async () => {
    const c = await f.app.call('encuentro.contributions.create', { practiceId: f.practiceA, block: 'enabling', level: 'minedu', text: 'Versión uno', revision: 1 });
    pause();
    await f.app.call('encuentro.contributions.updateText', { id: c.id, text: 'Versión dos', revision: 2 });
    pause();
    await f.app.call('encuentro.contributions.updateText', { id: c.id, text: 'Versión tres, ñandú y acentos: áéíóú', revision: 3 });
    const history = await f.app.call('encuentro.contributions.history', { id: c.id });
    expect(history).toHaveLength(3);
    const first = history.find((v) => v.text === 'Versión uno');
    const restored = await f.app.call('encuentro.contributions.restoreVersion', { id: c.id, versionId: first?.id ?? 0 });
    expect(restored).toMatchObject({ text: 'Versión uno', revision: 4 });
    const after = await f.app.call('encuentro.contributions.history', { id: c.id });
    expect(after[0]).toMatchObject({ kind: 'restore', text: 'Versión uno', revision: 4 });
    expect(after.map((v) => v.text)).toContain('Versión tres, ñandú y acentos: áéíóú');
    // A client that had not seen the restore cannot overwrite it with its older revision.
    expect((await f.app.call('encuentro.contributions.updateText', { id: c.id, text: 'Tarde', revision: 3 })).applied).toBe(false);
  });

  it('soft-deletes with undo, and pushes each change to the projector', async () => {
    const c = await f.app.call('encuentro.contributions.create', { practiceId: f.practiceB, block: 'conditions', level: 'otherActors', text: 'Alianzas' });
    await f.app.call('encuentro.contributions.updateText', { id: c.id, text: 'Alianzas con organizaciones', revision: 1 });
    const deleted = await f.app.call('encuentro.contributions.delete', { id: c.id });
    expect(deleted.deleted).toBe(true);
    expect((await f.app.call('encuentro.contributions.list', { encuentroId: f.encuentroId })).map((x) => x.id)).not.toContain(c.id);
    expect((await f.app.call('encuentro.contributions.list', { encuentroId: f.encuentroId, deleted: 'only' })).map((x) => x.id)).toEqual([c.id]);
    // A keystroke save that arrives after the delete is still kept for the undo.
    await f.app.call('encuentro.contributions.updateText', { id: c.id, text: 'Alianzas con organizaciones sociales', revision: 2 });
    const restored = await f.app.call('encuentro.contributions.restore', { id: c.id });
    expect(restored).toMatchObject({ deleted: false, text: 'Alianzas con organizaciones sociales' });

    const pushed = f.events.filter((e) => e.name === 'encuentro.contribution').map((e) => e.payload as { action: string; contribution: { text: string } });
    expect(pushed.map((p) => p.action)).toEqual(['created', 'updated', 'deleted', 'updated', 'restored']);
    expect(pushed[1]?.contribution.text).toBe('Alianzas con organizaciones');
  });

  it('refuses a sala that does not hold the practice', async () => {
    const other = await f.app.call('encuentro.salas.create', { encuentroId: f.encuentroId, fields: { ejeId: f.ejeId, name: 'Sala 3', practiceIds: [f.practiceB] } });
    const error = await f.app.fail('encuentro.contributions.create', { practiceId: f.practiceA, salaId: other.id, block: 'actions', level: 'ugel', text: 'x' });
    expect(error.message).toBe('La práctica «Monitoreo Integral de los Aprendizajes (MIA)» no está asignada a la sala «Sala 3».');
    const ambiguous = await f.app.fail('encuentro.contributions.create', { practiceId: f.practiceB, block: 'actions', level: 'ugel', text: 'x' });
    expect(ambiguous.code).toBe('encuentro.error.practiceNoSala');
  });
});
