import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeDefaults, type ContributionBlock, type ContributionLevel } from '../../../shared/domain/encuentro-matrix';
import { openEncuentro, type EncuentroFixture } from './support';

/**
 * Synthesis sources and the sala's contributions are listed as the matrix shows them (blocks:
 * limiting, enabling, actions, conditions; levels: UGEL, DRE, MINEDU, other actors), not in the
 * alphabetical order of their internal codes; merging proposes the row and column most sources share.
 */
describe('the matrix order, for sources and for the merge dialog', () => {
  let f: EncuentroFixture;
  beforeEach(async () => {
    f = await openEncuentro();
  });
  afterEach(() => f.app.close());

  const line = async (block: ContributionBlock, level: ContributionLevel, text: string) =>
    (await f.app.call('encuentro.contributions.create', { practiceId: f.practiceA, salaId: f.salaId, block, level, text, revision: 1 })).id;

  it('lists a merged item’s sources and the sala’s contributions block by block, level by level', async () => {
    // Typed in an order that is neither the matrix's nor the codes' alphabetical one.
    const ids = [
      await line('conditions', 'ugel', 'Condición UGEL'),
      await line('actions', 'otherActors', 'Acción otros actores'),
      await line('actions', 'minedu', 'Acción MINEDU'),
      await line('actions', 'dre', 'Acción DRE'),
      await line('enabling', 'ugel', 'Favorable UGEL'),
      await line('limiting', 'localActors', 'Limitante actores locales'),
      await line('limiting', 'ugel', 'Limitante UGEL'),
    ];
    const expected = ['Limitante UGEL', 'Limitante actores locales', 'Favorable UGEL', 'Acción DRE', 'Acción MINEDU', 'Acción otros actores', 'Condición UGEL'];
    const item = await f.app.call('encuentro.synthesis.merge', { salaId: f.salaId, contributionIds: ids, level: 'ugel', axis: 'sustainability', text: 'Fusión' });
    expect(item.sources.map((s) => s.text)).toEqual(expected);
    const read = await f.app.call('encuentro.synthesis.get', { salaId: f.salaId });
    expect(read.cells.flatMap((c) => c.items).find((i) => i.id === item.id)?.sources.map((s) => s.text)).toEqual(expected);
    const listed = await f.app.call('encuentro.contributions.list', { encuentroId: f.encuentroId, salaId: f.salaId });
    expect(listed.map((c) => c.text)).toEqual(expected);
  });

  it('merging two «acciones» lines and one «condiciones» line proposes the row and column most of them share', () => {
    expect(
      mergeDefaults([
        { block: 'conditions', level: 'minedu' },
        { block: 'actions', level: 'ugel' },
        { block: 'actions', level: 'ugel' },
      ]),
    ).toEqual({ level: 'ugel', axis: 'sustainability' });
    // A tie goes to the first row and column of the table.
    expect(mergeDefaults([{ block: 'conditions', level: 'dre' }, { block: 'actions', level: 'otherActors' }])).toEqual({ level: 'dreGr', axis: 'sustainability' });
    expect(mergeDefaults([{ block: 'conditions', level: 'dre' }, { block: 'conditions', level: 'minedu' }, { block: 'limiting', level: 'dreGreGr' }])).toEqual({ level: 'dreGr', axis: 'replication' });
  });
});
