import { describe, expect, it } from 'vitest';
import { headerKey, suggestMapping } from '../../../electron/services/import/entries/headers';

describe('detección de encabezados', () => {
  it('reconoce sinónimos sin importar mayúsculas, tildes ni espacios', () => {
    expect(
      suggestMapping(['CÓDIGO', 'Departamento', 'DRE/GRE o UGEL', 'nombre de la buena practica', 'Eje temático', 'AÑO DE INICIO', 'Descripción', 'Problema abordado', 'Logros', 'Links', 'Expositor', 'Cargo', 'E-mail', 'Celular', 'Integrantes']),
    ).toEqual({
      code: 0,
      region: 1,
      iged: 2,
      title: 3,
      category: 4,
      startYear: 5,
      summary: 6,
      problem: 7,
      results: 8,
      evidence: 9,
      contactName: 10,
      contactCargo: 11,
      contactEmail: 12,
      contactPhone: 13,
      team: 14,
    });
  });

  it('ignora notas entre paréntesis y acepta encabezados que empiezan por un sinónimo', () => {
    expect(headerKey('Título (máx. 200 caracteres) *')).toBe('titulo');
    expect(suggestMapping(['N°', 'Título de la práctica (obligatorio)', 'Correo electrónico del responsable', 'Instancia'])).toEqual({
      title: 1,
      contactEmail: 2,
      iged: 3,
    });
  });

  it('no asigna una columna a dos campos', () => {
    expect(suggestMapping(['UGEL', 'IGED'])).toEqual({ iged: 0 });
  });
});
