import { afterEach, describe, expect, it } from 'vitest';
import type { DataChanged } from '../../../shared/domain/change-events';
import { openEncuentro, type EncuentroFixture } from '../encuentro/support';
import { buildScenario, generalPanel } from '../jury/scenario';
import { openTestApp, type TestApp } from '../../support/services';
import { recordKindOf } from '../../../electron/services/change-scope';

/** What the registry says a write changed, on a real database: the scope a device's filter and a screen's refresh rely on. */
const changes = (events: { name: string; payload: unknown }[]) => events.filter((e) => e.name === 'data.changed').map((e) => e.payload as DataChanged);

describe('each data.changed event names its records and their place', () => {
  let app: TestApp | null = null;
  let f: EncuentroFixture | null = null;
  afterEach(() => {
    app?.close();
    f?.app.close();
    app = f = null;
  });

  it('a score names its sheet (stage, juror, entry) and the edition, which the call did not give', async () => {
    app = await openTestApp();
    const s = await buildScenario(app);
    await generalPanel(app, s);
    await app.call('assignments.add', { stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.ancash });
    const events: { name: string; payload: unknown }[] = [];
    app.services.events.subscribe((e) => events.push(e));
    await app.call('scores.set', { stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.ancash, criterionId: s.criteria.innovacion, value: 3 });
    expect(changes(events)).toEqual([
      {
        method: 'scores.set',
        backup: false,
        records: { kind: 'sheet', ids: [] },
        scope: { editionId: s.editionId, stageId: s.evaluation, jurorId: s.jurors.beto, entryId: s.entries.ancash },
      },
    ]);
  });

  it('a deleted attendee or synthesis item is placed from the record as it stood before the delete', async () => {
    f = await openEncuentro();
    const person = await f.app.call('encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName: 'Rosa Quispe', institutionType: 'ugel' } });
    const item = await f.app.call('encuentro.synthesis.createItem', { salaId: f.salaId, level: 'ugel', axis: 'replication', text: 'Redes' });
    f.events.length = 0;
    await f.app.call('encuentro.attendance.delete', { id: person.id });
    await f.app.call('encuentro.synthesis.deleteItem', { id: item.id });
    const [deletedPerson, deletedItem] = changes(f.events);
    expect(deletedPerson).toMatchObject({ records: { kind: 'attendee', ids: [person.id] }, scope: { encuentroId: f.encuentroId } });
    expect(deletedItem).toMatchObject({ records: { kind: 'synthesisItem', ids: [item.id] }, scope: { encuentroId: f.encuentroId, salaId: f.salaId } });
  });

  it('a contribution created without naming its sala is placed in the sala the service chose', async () => {
    f = await openEncuentro();
    f.events.length = 0;
    const line = await f.app.call('encuentro.contributions.create', { practiceId: f.practiceB, block: 'actions', level: 'ugel', text: 'Aporte' });
    expect(changes(f.events)[0]).toMatchObject({
      method: 'encuentro.contributions.create',
      records: { kind: 'contribution', ids: [line.id] },
      scope: { encuentroId: f.encuentroId, salaId: f.salaId, practiceId: f.practiceB },
    });
  });

  it('a UGEL upload changes the reference table, not entries, though it goes through the import pipeline', () => {
    expect(recordKindOf('imports.commitUgels')).toBe('reference');
    expect(recordKindOf('imports.commit')).toBe('entry');
    expect(recordKindOf('results.recordTieDecision')).toBe('tieDecision');
  });
});
