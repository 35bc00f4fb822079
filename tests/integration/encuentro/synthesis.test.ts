import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncuentro, type EncuentroFixture } from './support';

describe('sala synthesis and cross-sala summary', () => {
  let f: EncuentroFixture;
  let ids: Record<string, number>;
  beforeEach(async () => {
    f = await openEncuentro();
    const add = async (practiceId: number, block: 'actions' | 'conditions', level: 'ugel' | 'dre' | 'minedu', text: string) =>
      (await f.app.call('encuentro.contributions.create', { practiceId, block, level, text })).id;
    ids = {
      plan: await add(f.practiceA, 'actions', 'ugel', 'Plan de formación: habilidades interpersonales.'),
      org: await add(f.practiceA, 'actions', 'ugel', 'Fortalecer la organización del trabajo del docente líder.'),
      capac: await add(f.practiceB, 'actions', 'minedu', 'Capacitación adecuada a docentes.'),
      cursos: await add(f.practiceB, 'actions', 'minedu', 'Cursos virtuales'),
      indic: await add(f.practiceA, 'conditions', 'dre', 'Definir indicadores de impacto'),
    };
  });
  afterEach(() => f.app.close());

  it('promotes and merges contributions into the plenary table, keeping the links through edits', async () => {
    const promoted = await f.app.call('encuentro.synthesis.promote', { salaId: f.salaId, contributionId: ids.indic as number });
    // condiciones → Réplica; DRE → DRE/GR.
    expect(promoted).toMatchObject({ level: 'dreGr', axis: 'replication', text: 'Definir indicadores de impacto' });
    expect(promoted.sources.map((s) => s.contributionId)).toEqual([ids.indic]);

    const merged = await f.app.call('encuentro.synthesis.merge', {
      salaId: f.salaId,
      contributionIds: [ids.capac as number, ids.cursos as number],
      level: 'minedu',
      axis: 'sustainability',
      text: 'Implementar capacitaciones a docentes y especialistas de las DRE y UGEL.',
    });
    expect(merged.sources.map((s) => s.text)).toEqual(['Capacitación adecuada a docentes.', 'Cursos virtuales']);

    // Editing the item, editing or deleting a source: the links stay, the deletion is visible.
    const edited = await f.app.call('encuentro.synthesis.updateItem', { id: merged.id, text: 'Implementar capacitaciones (presencial y virtual).', revision: 1 });
    expect(edited.applied).toBe(true);
    await f.app.call('encuentro.contributions.updateText', { id: ids.cursos as number, text: 'Cursos virtuales (PerúEduca)', revision: 1 });
    await f.app.call('encuentro.contributions.delete', { id: ids.capac as number });
    const synthesis = await f.app.call('encuentro.synthesis.get', { salaId: f.salaId });
    const cell = synthesis.cells.find((c) => c.level === 'minedu' && c.axis === 'sustainability');
    expect(cell?.items[0]?.text).toBe('Implementar capacitaciones (presencial y virtual).');
    expect(cell?.items[0]?.sources.map((s) => [s.contributionId, s.text, s.deleted])).toEqual([
      [ids.capac, 'Capacitación adecuada a docentes.', true],
      [ids.cursos, 'Cursos virtuales (PerúEduca)', false],
    ]);
    expect(synthesis.cells).toHaveLength(8);

    const second = await f.app.call('encuentro.synthesis.createItem', { salaId: f.salaId, level: 'minedu', axis: 'sustainability', text: 'Norma técnica' });
    const reordered = await f.app.call('encuentro.synthesis.reorder', { salaId: f.salaId, level: 'minedu', axis: 'sustainability', orderedIds: [second.id, merged.id] });
    expect(reordered.map((i) => i.id)).toEqual([second.id, merged.id]);
    const relinked = await f.app.call('encuentro.synthesis.setSources', { id: second.id, contributionIds: [ids.plan as number] });
    expect(relinked.sources.map((s) => s.contributionId)).toEqual([ids.plan]);
    await f.app.call('encuentro.synthesis.deleteItem', { id: second.id });
    expect((await f.app.call('encuentro.synthesis.get', { salaId: f.salaId })).deletedItems.map((i) => i.id)).toEqual([second.id]);
    const restored = await f.app.call('encuentro.synthesis.restoreItem', { id: second.id });
    // The item comes back as it was: its text, cell, place and the source linked before deletion.
    expect(restored).toMatchObject({ id: second.id, text: 'Norma técnica', level: 'minedu', axis: 'sustainability', deleted: false });
    expect(restored.sources.map((s) => s.contributionId)).toEqual([ids.plan]);
    const afterRestore = await f.app.call('encuentro.synthesis.get', { salaId: f.salaId });
    expect(afterRestore.deletedItems).toEqual([]);
    expect(afterRestore.cells.find((c) => c.level === 'minedu' && c.axis === 'sustainability')?.items.map((i) => i.id)).toEqual([second.id, merged.id]);
    expect(f.events.some((e) => e.name === 'encuentro.synthesis')).toBe(true);
  });

  it('refuses sources from another sala', async () => {
    const other = await f.app.call('encuentro.salas.create', { encuentroId: f.encuentroId, fields: { ejeId: f.ejeId, name: 'Sala 9' } });
    const error = await f.app.fail('encuentro.synthesis.promote', { salaId: other.id, contributionId: ids.plan as number });
    expect(error.message).toBe('Solo se pueden vincular aportes de la misma sala.');
  });

  it('moves borrador → revisión → final; final is locked; reopening needs a recorded reason', async () => {
    const item = await f.app.call('encuentro.synthesis.promote', { salaId: f.salaId, contributionId: ids.plan as number });
    expect((await f.app.fail('encuentro.synthesis.setStatus', { salaId: f.salaId, status: 'final' })).message).toBe(
      'No se puede pasar la síntesis de «Borrador» a «Final».',
    );
    await f.app.call('encuentro.synthesis.setStatus', { salaId: f.salaId, status: 'review' });
    const final = await f.app.call('encuentro.synthesis.setStatus', { salaId: f.salaId, status: 'final' });
    expect(final.status).toBe('final');

    const locked = await f.app.fail('encuentro.synthesis.updateItem', { id: item.id, text: 'Cambio', revision: 1 });
    expect(locked.message).toBe('La síntesis de «Sala 2» está en estado final: reábrala indicando el motivo para modificarla.');
    for (const attempt of [
      f.app.fail('encuentro.synthesis.promote', { salaId: f.salaId, contributionId: ids.org as number }),
      f.app.fail('encuentro.synthesis.deleteItem', { id: item.id }),
      f.app.fail('encuentro.synthesis.moveItem', { id: item.id, level: 'minedu', axis: 'replication' }),
    ]) {
      expect((await attempt).code).toBe('encuentro.error.synthesisFinal');
    }

    expect((await f.app.fail('encuentro.synthesis.setStatus', { salaId: f.salaId, status: 'review', reason: '  ' })).code).toBe('encuentro.error.reopenReason');
    const reopened = await f.app.call('encuentro.synthesis.setStatus', { salaId: f.salaId, status: 'review', reason: 'La plenaria pidió precisar la acción de UGEL' });
    expect(reopened.history.map((h) => [h.from, h.to, h.reason])).toEqual([
      ['draft', 'review', ''],
      ['review', 'final', ''],
      ['final', 'review', 'La plenaria pidió precisar la acción de UGEL'],
    ]);
    expect((await f.app.call('encuentro.synthesis.updateItem', { id: item.id, text: 'Plan de formación docente', revision: 1 })).applied).toBe(true);
  });

  it('builds the executive summary from synthesis items of every sala, with provenance', async () => {
    const a = await f.app.call('encuentro.synthesis.promote', { salaId: f.salaId, contributionId: ids.plan as number });
    const b = await f.app.call('encuentro.synthesis.promote', { salaId: f.salaId, contributionId: ids.org as number });
    const item = await f.app.call('encuentro.summary.createItem', {
      encuentroId: f.encuentroId,
      level: 'ugel',
      axis: 'sustainability',
      text: 'fortalecer capacidades de los equipos técnicos y la organización de los docentes líderes.',
      synthesisItemIds: [a.id, b.id],
    });
    expect(item.sources.map((s) => [s.synthesisItemId, s.salaName])).toEqual([
      [a.id, 'Sala 2'],
      [b.id, 'Sala 2'],
    ]);
    const stale = await f.app.call('encuentro.summary.updateItem', { id: item.id, text: 'viejo', revision: 0 });
    expect(stale.applied).toBe(false);
    await f.app.call('encuentro.summary.updateItem', { id: item.id, text: 'fortalecer capacidades.', revision: 2 });
    const summary = await f.app.call('encuentro.summary.get', { encuentroId: f.encuentroId });
    expect(summary.cells.find((c) => c.level === 'ugel' && c.axis === 'sustainability')?.items.map((i) => i.text)).toEqual(['fortalecer capacidades.']);
    await f.app.call('encuentro.summary.deleteItem', { id: item.id });
    expect((await f.app.call('encuentro.summary.get', { encuentroId: f.encuentroId })).deletedItems).toHaveLength(1);
  });
});
