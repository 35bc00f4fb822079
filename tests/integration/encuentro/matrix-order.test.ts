import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeDefaults, type ContributionBlock, type ContributionLevel } from '../../../shared/domain/encuentro-matrix';
import { openEncuentro, type EncuentroFixture } from './support';

/**
 * Synthesis sources and the sala's contributions are listed as the matrix shows them (blocks:
 * limitantes, favorables, acciones, condiciones; levels: UGEL, DRE, MINEDU, otros), not in the
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
      await line('condiciones', 'ugel', 'Condición UGEL'),
      await line('acciones', 'otros_actores', 'Acción otros actores'),
      await line('acciones', 'minedu', 'Acción MINEDU'),
      await line('acciones', 'dre', 'Acción DRE'),
      await line('favorables', 'ugel', 'Favorable UGEL'),
      await line('limitantes', 'actores_locales', 'Limitante actores locales'),
      await line('limitantes', 'ugel', 'Limitante UGEL'),
    ];
    const expected = ['Limitante UGEL', 'Limitante actores locales', 'Favorable UGEL', 'Acción DRE', 'Acción MINEDU', 'Acción otros actores', 'Condición UGEL'];
    const item = await f.app.call('encuentro.synthesis.merge', { salaId: f.salaId, contributionIds: ids, level: 'ugel', axis: 'sostenibilidad', text: 'Fusión' });
    expect(item.sources.map((s) => s.text)).toEqual(expected);
    const read = await f.app.call('encuentro.synthesis.get', { salaId: f.salaId });
    expect(read.cells.flatMap((c) => c.items).find((i) => i.id === item.id)?.sources.map((s) => s.text)).toEqual(expected);
    const listed = await f.app.call('encuentro.contributions.list', { encuentroId: f.encuentroId, salaId: f.salaId });
    expect(listed.map((c) => c.text)).toEqual(expected);
  });

  it('merging two «acciones» lines and one «condiciones» line proposes the row and column most of them share', () => {
    expect(
      mergeDefaults([
        { block: 'condiciones', level: 'minedu' },
        { block: 'acciones', level: 'ugel' },
        { block: 'acciones', level: 'ugel' },
      ]),
    ).toEqual({ level: 'ugel', axis: 'sostenibilidad' });
    // A tie goes to the first row and column of the table.
    expect(mergeDefaults([{ block: 'condiciones', level: 'dre' }, { block: 'acciones', level: 'otros_actores' }])).toEqual({ level: 'dre_gr', axis: 'sostenibilidad' });
    expect(mergeDefaults([{ block: 'condiciones', level: 'dre' }, { block: 'condiciones', level: 'minedu' }, { block: 'limitantes', level: 'dre_gre_gr' }])).toEqual({ level: 'dre_gr', axis: 'replica' });
  });
});
