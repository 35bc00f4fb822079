import { describe, expect, it } from 'vitest';
import { reasonLabel } from '../../renderer/src/features/backups/reason-label';

describe('the reason shown for each backup', () => {
  it('tells two pre-import backups apart by the file and the edition they were taken for', () => {
    expect(reasonLabel({ reason: 'antes-de-importar', about: { fileName: 'postulaciones-cusco.xlsx', edition: 'IX Concurso 2024' } })).toBe(
      'Antes de importar «postulaciones-cusco.xlsx» en IX Concurso 2024',
    );
    expect(reasonLabel({ reason: 'antes-de-importar', about: { fileName: 'padron-escale.csv', edition: null } })).toBe('Antes de importar «padron-escale.csv»');
  });

  it('keeps the plain reason for backups without a label (automatic, manual, or taken by an older version)', () => {
    expect(reasonLabel({ reason: 'antes-de-importar', about: null })).toBe('Antes de importar');
    expect(reasonLabel({ reason: 'manual', about: null })).toBe('Creada por el usuario');
    expect(reasonLabel({ reason: 'otra-cosa', about: null })).toBe('otra-cosa');
  });
});
