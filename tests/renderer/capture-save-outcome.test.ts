import { describe, expect, it } from 'vitest';
import { pushedEffect, resolution, saveOutcome, sentBase } from '../../renderer/src/features/encuentro/capture/capture-conflicts';
import { record, saved } from './support/capture-lines';

/**
 * What the answer to a text save, the moderator's choice in a conflict and another screen's
 * pushed change do to a line, as pure functions (capture-conflict.test.ts drives the same through
 * the store against the real services).
 */
describe('the answer to a text save', () => {
  const typed = saved(1, 'Mi texto', { revision: 4, ackedRevision: 2 });
  const sent = { item: typed, revision: 4, base: sentBase(typed, 'pantalla-1') };

  it('is sent on the revision this screen last had acknowledged, or on a recovered line’s own base', () => {
    expect(sentBase(typed, 'pantalla-1')).toEqual({ baseRevision: 2, editor: 'pantalla-1' });
    expect(sentBase({ ...typed, recovered: true, recoveredBase: { baseRevision: 1, editor: 'antes' } }, 'pantalla-1')).toEqual({ baseRevision: 1, editor: 'antes' });
    expect(sentBase({ ...typed, recovered: true }, 'pantalla-1')).toBeNull();
  });

  it('applied: the line is acknowledged up to what was sent', () => {
    expect(saveOutcome(sent, typed, { applied: true, contribution: record(1, 'Mi texto', { revision: 4 }) })).toEqual({ kind: 'saved', patch: { ackedRevision: 4 } });
  });

  it('a conflict keeps the sent base and shows the other screen’s text, who wrote it and what the server kept of ours', () => {
    const outcome = saveOutcome(sent, typed, { applied: false, conflict: { versionId: 8, by: 'Mesa 1' }, contribution: record(1, 'Su texto', { revision: 3 }) });
    expect(outcome.kind).toBe('conflict');
    expect(outcome.patch).toMatchObject({ ackedRevision: 2, inFlight: false, conflict: { theirs: 'Su texto', theirsRevision: 3, by: 'Mesa 1', keptRevision: 4 } });
  });

  it('a later revision stored meanwhile: ours goes on top of it, acknowledged at once when the texts are the same', () => {
    expect(saveOutcome(sent, typed, { applied: false, contribution: record(1, 'Otro', { revision: 6 }) })).toEqual({
      kind: 'rebase',
      patch: { inFlight: false, failed: false, revision: 7, ackedRevision: 6 },
    });
    expect(saveOutcome(sent, typed, { applied: false, contribution: record(1, 'Mi texto', { revision: 6 }) }).patch).toMatchObject({ revision: 7, ackedRevision: 7 });
  });

  it('a recovered line overtaken on the server takes the server’s text', () => {
    const recovered = { ...typed, recovered: true };
    expect(saveOutcome({ ...sent, item: recovered }, recovered, { applied: false, contribution: record(1, 'Posterior', { revision: 9 }) })).toEqual({
      kind: 'overtaken',
      patch: { text: 'Posterior', revision: 9, ackedRevision: 9 },
    });
  });
});

describe('a conflict resolved, and another screen typing on', () => {
  const inConflict = saved(1, ' Falta de personal', { revision: 5, ackedRevision: 2, conflict: { theirs: 'Falta de presupuesto ', theirsRevision: 7, by: 'Mesa 1', keptRevision: 5 } });

  it('«Unir ambos» joins both texts on top of the stored revision, to be sent; «Usar el guardado» takes theirs, nothing to send', () => {
    expect(resolution(inConflict, 'both')).toEqual({ patch: { conflict: null, text: 'Falta de presupuesto Falta de personal', ackedRevision: 7, revision: 8, failed: false, error: null }, send: true });
    expect(resolution(inConflict, 'mine')!.patch).toMatchObject({ text: ' Falta de personal', revision: 8, ackedRevision: 7 });
    expect(resolution(inConflict, 'theirs')).toEqual({ patch: { conflict: null, text: 'Falta de presupuesto ', revision: 7, ackedRevision: 7, failed: false, error: null }, send: false });
    expect(resolution(saved(1, 'Sin conflicto'), 'mine')).toBeNull();
  });

  it('another screen’s later text replaces a saved line’s, or the text shown in the conflict notice; an older one changes nothing', () => {
    expect(pushedEffect(saved(1, 'Viejo'), record(1, 'Nuevo', { revision: 2, position: 3 }), 'updated')).toEqual({ kind: 'patch', key: 's-1', patch: { text: 'Nuevo', revision: 2, ackedRevision: 2, position: 3 } });
    expect(pushedEffect(saved(1, 'Viejo', { revision: 2 }), record(1, 'Nuevo', { revision: 2 }), 'updated')).toEqual({ kind: 'ignore' });
    expect(pushedEffect(inConflict, record(1, 'Falta de presupuesto y más', { revision: 8 }), 'updated')).toEqual({
      kind: 'patch',
      key: 's-1',
      patch: { conflict: { ...inConflict.conflict, theirs: 'Falta de presupuesto y más', theirsRevision: 8 } },
    });
    expect(pushedEffect(inConflict, record(1, 'Viejo', { revision: 6 }), 'updated')).toEqual({ kind: 'ignore' });
  });

  it('a deletion removes only a saved line; an unknown line waits (perhaps this screen’s own create); a line refiled elsewhere reloads', () => {
    expect(pushedEffect(saved(1, 'Uno'), record(1, 'Uno'), 'deleted')).toEqual({ kind: 'remove', key: 's-1' });
    expect(pushedEffect(saved(1, 'Uno sin guardar', { revision: 2 }), record(1, 'Uno'), 'deleted')).toEqual({ kind: 'ignore' });
    expect(pushedEffect(undefined, record(1, 'Uno'), 'deleted')).toEqual({ kind: 'ignore' });
    expect(pushedEffect(undefined, record(5, 'Nuevo'), 'created')).toEqual({ kind: 'hold' });
    expect(pushedEffect(saved(1, 'Uno'), record(1, 'Uno', { block: 'actions', level: 'minedu' }), 'moved')).toEqual({ kind: 'reload' });
    expect(pushedEffect(saved(1, 'Uno'), record(1, 'Uno', { position: 9 }), 'moved')).toEqual({ kind: 'ignore' });
  });
});
