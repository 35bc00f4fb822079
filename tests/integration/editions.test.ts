import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, sampleCriterion, sampleEdition, type TestApp } from '../support/services';

describe('editions', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp();
  });
  afterEach(() => app.close());

  it('creates, renames and archives an edition; archived editions are hidden and read-only', async () => {
    const edition = await app.call('editions.create', sampleEdition);
    expect(edition).toMatchObject({ year: 2024, name: sampleEdition.name, legalReference: 'RVM 082-2024-MINEDU', archived: false });

    const renamed = await app.call('editions.update', { id: edition.id, fields: { ...sampleEdition, name: 'Concurso 2024 — IX edición' } });
    expect(renamed.name).toBe('Concurso 2024 — IX edición');

    await app.call('editions.setArchived', { id: edition.id, archived: true });
    expect(await app.call('editions.list', {})).toEqual([]);
    expect((await app.call('editions.list', { includeArchived: true })).map((e) => e.archived)).toEqual([true]);
    const refused = await app.fail('categories.create', { editionId: edition.id, fields: { name: 'Nueva' } });
    expect(refused.message).toMatch(/archivada/);

    await app.call('editions.setArchived', { id: edition.id, archived: false });
    await app.call('categories.create', { editionId: edition.id, fields: { name: 'Nueva' } });
  });

  it('refuses duplicate names ignoring case and accents, and end dates before start dates', async () => {
    await app.call('editions.create', sampleEdition);
    const dup = await app.fail('editions.create', { ...sampleEdition, name: 'ix CONCURSO 2024' });
    expect(dup.message).toBe('Ya existe una edición llamada «ix CONCURSO 2024».');
    const dates = await app.fail('editions.create', { ...sampleEdition, name: 'Otra', startDate: '2024-05-01', endDate: '2024-04-01' });
    expect(dates.message).toMatch(/fecha de fin/);
    const year = await app.fail('editions.create', { ...sampleEdition, name: 'Otra', year: 1999 });
    expect(year.message).toMatch(/Ingrese un año entre 2016/);
  });

  it('validates criteria: positive weight, min < max, step within range, levels inside the scale', async () => {
    const { id: editionId } = await app.call('editions.create', sampleEdition);
    const weight = await app.fail('criteria.create', { editionId, fields: { ...sampleCriterion, weight: 0 } });
    expect(weight.message).toMatch(/peso de un criterio debe ser mayor que cero/);
    expect(weight.details).toMatchObject({ issues: [{ path: ['fields', 'weight'] }] });
    const scale = await app.fail('criteria.create', { editionId, fields: { ...sampleCriterion, scaleMin: 5, scaleMax: 5 } });
    expect(scale.message).toMatch(/el mínimo \(5\) debe ser menor que el máximo \(5\)/);
    const step = await app.fail('criteria.create', { editionId, fields: { ...sampleCriterion, scaleStep: 10 } });
    expect(step.message).toMatch(/paso de la escala/);
    const level = await app.fail('criteria.create', {
      editionId,
      fields: { ...sampleCriterion, levels: [{ value: 7, label: 'Excelente', descriptor: '' }] },
    });
    expect(level.message).toMatch(/nivel 7 está fuera de la escala 0–4/);
    const wrongType = await app.fail('criteria.create', { editionId, fields: { ...sampleCriterion, weight: 'mucho' as unknown as number } });
    expect(wrongType.code).toBe('error.validation');
  });

  it('stores rubric levels, category limits and independent criteria; names unique within the edition', async () => {
    const { id: editionId } = await app.call('editions.create', sampleEdition);
    const cat = await app.call('categories.create', { editionId, fields: { name: 'Liderazgo para la mejora de aprendizajes' } });
    const criterion = await app.call('criteria.create', {
      editionId,
      fields: {
        ...sampleCriterion,
        independent: true,
        categoryIds: [cat.id],
        levels: [
          { value: 0, label: 'Nulo', descriptor: 'No se evidencia' },
          { value: 4, label: 'Destacado', descriptor: 'Evidencia sólida' },
        ],
      },
    });
    expect(criterion).toMatchObject({ independent: true, categoryIds: [cat.id], levels: [{ value: 0 }, { value: 4, label: 'Destacado' }] });
    const dup = await app.fail('criteria.create', { editionId, fields: { ...sampleCriterion, name: 'INNOVACION' } });
    expect(dup.message).toMatch(/Ya existe un criterio llamado/);

    const other = await app.call('editions.create', { ...sampleEdition, name: 'Otra edición' });
    const foreignCat = await app.call('categories.create', { editionId: other.id, fields: { name: 'Ajena' } });
    const foreign = await app.fail('criteria.update', { id: criterion.id, fields: { ...sampleCriterion, categoryIds: [foreignCat.id] } });
    expect(foreign.message).toMatch(/no pertenece a esta edición/);
  });

  it('orders stages, keeps cut-offs and refuses an incomplete reorder', async () => {
    const { id: editionId } = await app.call('editions.create', sampleEdition);
    const names = ['Admisibilidad', 'Evaluación', 'Verificación en campo', 'Final'];
    const stages = [];
    for (const name of names) stages.push(await app.call('stages.create', { editionId, fields: { name, cutoff: name === 'Evaluación' ? 60 : null } }));
    const reordered = await app.call('stages.reorder', { editionId, orderedIds: [stages[1]!.id, stages[0]!.id, stages[2]!.id, stages[3]!.id] });
    expect(reordered.map((s) => s.name)).toEqual(['Evaluación', 'Admisibilidad', 'Verificación en campo', 'Final']);
    expect(reordered[0]?.cutoff).toBe(60);
    // A stale list (an item added or deleted meanwhile) is refused as a whole, with the same message as every ordered list.
    expect(await app.fail('stages.reorder', { editionId, orderedIds: [stages[0]!.id] })).toMatchObject({ code: 'error.reorderMismatch', message: expect.stringMatching(/recargue la pantalla/) });
    expect((await app.fail('stages.create', { editionId, fields: { name: 'Otra', cutoff: -1 } })).message).toMatch(/nota de corte/);
  });

  it('copies categories, criteria (with levels and category limits) and stages, but not entries', async () => {
    const source = await app.call('editions.create', sampleEdition);
    const cat = await app.call('categories.create', { editionId: source.id, fields: { name: 'Buen inicio del año escolar' } });
    await app.call('criteria.create', {
      editionId: source.id,
      fields: { ...sampleCriterion, categoryIds: [cat.id], levels: [{ value: 1, label: 'Inicial', descriptor: 'Aislado' }] },
    });
    await app.call('stages.create', { editionId: source.id, fields: { name: 'Admisibilidad' } });
    await app.call('entries.create', { editionId: source.id, fields: { igedId: 1, title: 'Práctica A', categoryId: cat.id } });

    const copy = await app.call('editions.copy', { sourceId: source.id, fields: { ...sampleEdition, year: 2025, name: 'X Concurso 2025' } });
    expect(copy.copiedFromId).toBe(source.id);
    expect(copy.entryCount).toBe(0);
    expect(copy.categories.map((c) => c.name)).toEqual(['Buen inicio del año escolar']);
    expect(copy.stages.map((s) => s.name)).toEqual(['Admisibilidad']);
    const [criterion] = copy.criteria;
    expect(criterion?.levels).toEqual([{ value: 1, label: 'Inicial', descriptor: 'Aislado' }]);
    // The category limit points at the copy's own category, not the source's.
    expect(criterion?.categoryIds).toEqual([copy.categories[0]?.id]);
    expect(criterion?.categoryIds).not.toEqual([cat.id]);
  });

  it('refuses to delete a category that still has entries', async () => {
    const { id: editionId } = await app.call('editions.create', sampleEdition);
    const cat = await app.call('categories.create', { editionId, fields: { name: 'Eje 1' } });
    await app.call('entries.create', { editionId, fields: { igedId: 1, title: 'Práctica A', categoryId: cat.id } });
    expect((await app.fail('categories.delete', { id: cat.id })).message).toMatch(/tiene 1 postulaciones/);
  });
});
