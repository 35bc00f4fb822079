import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callAs, deviceActor } from '../../support/actors';
import { openEncuentro, type EncuentroFixture } from '../encuentro/support';

const mesa1 = deviceActor(11, 'Mesa 1');
const sala1 = deviceActor(12, 'Moderación sala 1');
const sala2 = deviceActor(13, 'Moderación sala 2');
const LOCAL = 'Organización (computadora de la sede)';

describe('who did what in the Encuentro', () => {
  let f: EncuentroFixture;
  beforeEach(async () => {
    f = await openEncuentro();
  });
  afterEach(() => f.app.close());

  const newLine = (text: string) =>
    callAs(f.app, sala1, 'encuentro.contributions.create', { practiceId: f.practiceA, salaId: f.salaId, block: 'limiting', level: 'ugel', text, revision: 1 });

  it('each version of a contribution says who typed it', async () => {
    const c = await newLine('Falta de presupuesto');
    await callAs(f.app, sala2, 'encuentro.contributions.updateText', { id: c.id, text: 'Falta de presupuesto para movilidad', revision: 2 });
    const history = await f.app.call('encuentro.contributions.history', { id: c.id });
    expect(history.map((v) => [v.kind, v.text, v.by, v.conflict])).toEqual([
      ['edit', 'Falta de presupuesto para movilidad', 'Moderación sala 2', false],
      ['create', 'Falta de presupuesto', 'Moderación sala 1', false],
    ]);
    expect(history[0]!.actor).toEqual({ deviceId: 13, name: 'Moderación sala 2', role: 'organizer' });
  });

  it('two screens typing on the same revision: the second save is a conflict, not applied, and both texts are kept', async () => {
    const c = await newLine('Base');
    const first = await callAs(f.app, sala1, 'encuentro.contributions.updateText', { id: c.id, text: 'Texto de la sala 1', revision: 2, baseRevision: 1, editor: 'pantalla-1' });
    expect(first).toMatchObject({ applied: true });
    // The other screen also typed on revision 1 (more keystrokes: a higher client revision).
    const second = await callAs(f.app, sala2, 'encuentro.contributions.updateText', { id: c.id, text: 'Texto de la sala 2', revision: 5, baseRevision: 1, editor: 'pantalla-2' });
    expect(second.applied).toBe(false);
    expect(second.conflict).toMatchObject({ by: 'Moderación sala 1' });
    expect(second.contribution.text).toBe('Texto de la sala 1');
    // Retried (the answer was lost): the kept text is not repeated.
    await callAs(f.app, sala2, 'encuentro.contributions.updateText', { id: c.id, text: 'Texto de la sala 2', revision: 5, baseRevision: 1, editor: 'pantalla-2' });
    const history = await f.app.call('encuentro.contributions.history', { id: c.id });
    expect(history.filter((v) => v.conflict).map((v) => [v.text, v.by, v.id])).toEqual([['Texto de la sala 2', 'Moderación sala 2', second.conflict!.versionId]]);
    expect(history.some((v) => !v.conflict && v.text === 'Texto de la sala 1')).toBe(true);
    expect((await f.app.call('encuentro.contributions.list', { encuentroId: f.encuentroId })).find((x) => x.id === c.id)?.text).toBe('Texto de la sala 1');

    // Keeping one's own text after seeing the conflict: a save based on the revision now stored goes through.
    const kept = await callAs(f.app, sala2, 'encuentro.contributions.updateText', { id: c.id, text: 'Texto de la sala 2', revision: 3, baseRevision: 2, editor: 'pantalla-2' });
    expect(kept).toMatchObject({ applied: true, contribution: { text: 'Texto de la sala 2', revision: 3 } });
  });

  it('the same screen saving again before its previous answer arrived is not a conflict with itself', async () => {
    const c = await newLine('Base');
    await callAs(f.app, sala1, 'encuentro.contributions.updateText', { id: c.id, text: 'Uno', revision: 2, baseRevision: 1, editor: 'pantalla-1' });
    const again = await callAs(f.app, sala1, 'encuentro.contributions.updateText', { id: c.id, text: 'Uno dos', revision: 3, baseRevision: 1, editor: 'pantalla-1' });
    expect(again).toMatchObject({ applied: true, contribution: { text: 'Uno dos' } });
    expect(again.conflict).toBeUndefined();
  });

  it('synthesis and summary items: a conflicting save is kept with its device, the stored text stays', async () => {
    const item = await callAs(f.app, sala1, 'encuentro.synthesis.createItem', { salaId: f.salaId, level: 'ugel', axis: 'sustainability', text: 'Base' });
    expect(
      await callAs(f.app, sala1, 'encuentro.synthesis.updateItem', { id: item.id, text: 'Versión A', revision: item.revision + 1, baseRevision: item.revision, editor: 'a' }),
    ).toMatchObject({ applied: true });
    const lost = await callAs(f.app, sala2, 'encuentro.synthesis.updateItem', { id: item.id, text: 'Versión B', revision: item.revision + 4, baseRevision: item.revision, editor: 'b' });
    expect(lost).toMatchObject({ applied: false, item: { text: 'Versión A' } });
    expect(lost.conflict?.conflictId).toBeGreaterThan(0);
    expect(await f.app.call('encuentro.synthesis.conflicts', { kind: 'synthesis', id: item.id })).toMatchObject([{ text: 'Versión B', by: 'Moderación sala 2' }]);

    const summary = await callAs(f.app, mesa1, 'encuentro.summary.createItem', { encuentroId: f.encuentroId, level: 'minedu', axis: 'replication', text: 'Base', synthesisItemIds: [] });
    await callAs(f.app, mesa1, 'encuentro.summary.updateItem', { id: summary.id, text: 'Resumen A', revision: summary.revision + 1, baseRevision: summary.revision, editor: 'a' });
    const lostSummary = await callAs(f.app, sala2, 'encuentro.summary.updateItem', { id: summary.id, text: 'Resumen B', revision: summary.revision + 1, baseRevision: summary.revision, editor: 'b' });
    expect(lostSummary).toMatchObject({ applied: false, item: { text: 'Resumen A' } });
    expect(await f.app.call('encuentro.synthesis.conflicts', { kind: 'summary', id: summary.id })).toMatchObject([{ text: 'Resumen B', by: 'Moderación sala 2' }]);
  });

  it('a synthesis status change records who made it, with its reason', async () => {
    await callAs(f.app, mesa1, 'encuentro.synthesis.createItem', { salaId: f.salaId, level: 'ugel', axis: 'sustainability', text: 'Algo' });
    await f.app.call('encuentro.synthesis.setStatus', { salaId: f.salaId, status: 'review' });
    const final = await callAs(f.app, mesa1, 'encuentro.synthesis.setStatus', { salaId: f.salaId, status: 'final', reason: 'Revisado con la sala' });
    expect(final.history.map((h) => [h.to, h.reason, h.by])).toEqual([
      ['review', '', LOCAL],
      ['final', 'Revisado con la sala', 'Mesa 1'],
    ]);
  });

  it('attendance: who registered and who checked in, in the list and in the export', async () => {
    const ana = await callAs(f.app, mesa1, 'encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName: 'Ana Quispe', institutionType: 'ugel' } });
    expect(ana).toMatchObject({ registeredBy: 'Mesa 1', checkedInBy: '' });
    const door = deviceActor(14, 'Puerta principal');
    await callAs(f.app, door, 'encuentro.attendance.checkIn', { id: ana.id });
    await f.app.call('encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName: 'Beto Ramos', institutionType: 'other' }, checkIn: true });
    const list = await f.app.call('encuentro.attendance.list', { encuentroId: f.encuentroId, query: '' });
    expect(list.map((a) => [a.fullName, a.registeredBy, a.checkedInBy])).toEqual([
      ['Ana Quispe', 'Mesa 1', 'Puerta principal'],
      ['Beto Ramos', LOCAL, LOCAL],
    ]);
    // Undoing the arrival forgets who marked it.
    await f.app.call('encuentro.attendance.undoCheckIn', { id: ana.id });
    expect((await f.app.call('encuentro.attendance.list', { encuentroId: f.encuentroId, query: 'Ana' }))[0]).toMatchObject({ checkedInBy: '' });
    await callAs(f.app, door, 'encuentro.attendance.checkIn', { id: ana.id });

    const file = await f.app.call('encuentro.export.xlsx', { encuentroId: f.encuentroId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Asistencia')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-2)).toEqual(['Registrado por', 'Asistencia marcada por']);
    const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(rows.map((r) => [r[0], r.at(-2), r.at(-1)])).toEqual([
      ['Ana Quispe', 'Mesa 1', 'Puerta principal'],
      ['Beto Ramos', LOCAL, LOCAL],
    ]);
  });
});
