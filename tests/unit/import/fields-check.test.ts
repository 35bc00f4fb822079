import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { alreadyValid, MAX_LINKS, TEXT_MAX } from '../../../electron/services/import/entries/fields-check';
import { entryFields, YEAR_BOUNDS } from '../../../shared/domain/schemas';

type Candidate = z.input<typeof entryFields>;

const VALID: Candidate = {
  code: 'BP-00001',
  igedId: 7,
  region: 'Áncash',
  title: 'Gestión del buen inicio',
  categoryId: 2,
  startYear: 2020,
  summary: 'Resumen.',
  problem: 'Problema.',
  results: 'Resultados.',
  evidenceLinks: ['https://evidencias.example.pe/1', 'http://youtu.be/v1'],
  contactName: 'Ana Pérez',
  contactCargo: 'Especialista',
  contactEmail: 'ana@ugel.gob.pe',
  contactPhone: '912345678',
  team: 'Equipo',
};

/** Rows at and around every limit of entryFields, valid and not. */
function variants(): Candidate[] {
  const out: Candidate[] = [VALID];
  const textFields = Object.keys(TEXT_MAX) as (keyof typeof TEXT_MAX)[];
  for (const field of textFields) {
    const max = TEXT_MAX[field];
    const fill = field === 'contactEmail' ? (n: number) => `${'a'.repeat(n - 8)}@x.gob.pe`.slice(-n) : (n: number) => 'x'.repeat(n);
    for (const value of [fill(max), fill(max + 1), '', ' ', ' a', 'a ', 'a\n', '\u00a0a', 'a  b', 'línea\notra']) out.push({ ...VALID, [field]: value });
    out.push({ ...VALID, [field]: 5 } as unknown as Candidate, { ...VALID, [field]: null } as unknown as Candidate, { ...VALID, [field]: undefined });
  }
  for (const field of ['igedId', 'categoryId'] as const) {
    for (const value of [null, 1, 0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, '1', undefined]) {
      out.push({ ...VALID, [field]: value } as unknown as Candidate);
    }
  }
  for (const value of [null, YEAR_BOUNDS.entryMin, YEAR_BOUNDS.entryMin - 1, YEAR_BOUNDS.entryMax, YEAR_BOUNDS.entryMax + 1, 2020.5, Number.NaN, Number.POSITIVE_INFINITY, '2020', undefined]) {
    out.push({ ...VALID, startYear: value } as unknown as Candidate);
  }
  const link = 'https://a.pe/x';
  for (const value of [
    [],
    Array(MAX_LINKS).fill(link),
    Array(MAX_LINKS + 1).fill(link),
    ['ftp://a.pe'],
    ['HTTPS://A.PE'],
    ['https://'],
    ['https://a b'],
    [' https://a.pe'],
    ['www.a.pe'],
    [5],
    undefined,
  ]) {
    out.push({ ...VALID, evidenceLinks: value } as unknown as Candidate);
  }
  for (const email of ['a@b.c', 'a@b', 'a b@c.d', '@b.c', 'a@@b.c', 'a@b.c ']) out.push({ ...VALID, contactEmail: email });
  return out;
}

describe('comprobación rápida de los campos de una fila importada', () => {
  it('solo da por válida una fila que zod acepta y devuelve tal cual', () => {
    let fast = 0;
    for (const candidate of variants()) {
      const parsed = entryFields.safeParse(candidate);
      if (alreadyValid(candidate)) {
        fast += 1;
        expect(parsed.success, JSON.stringify(candidate)).toBe(true);
        expect(parsed.data).toEqual(candidate);
        expect(Object.keys(parsed.data ?? {})).toEqual(Object.keys(candidate));
      }
    }
    // It must also be worth having: the valid rows above (each limit reached, not passed) do skip zod.
    expect(fast).toBeGreaterThan(50);
  });

  it('tiene los mismos topes que el esquema del formulario', () => {
    for (const [field, max] of Object.entries(TEXT_MAX)) {
      expect(entryFields.safeParse({ ...VALID, [field]: 'x'.repeat(max + 1) }).success, field).toBe(false);
    }
    expect(Object.keys(entryFields.shape).sort()).toEqual([...Object.keys(TEXT_MAX), 'igedId', 'categoryId', 'startYear', 'evidenceLinks'].sort());
  });
});
