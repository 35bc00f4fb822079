import { describe, expect, it } from 'vitest';
import { createIgedMatcher, type IgedCandidate } from '../../shared/domain/iged-match';
import { DRE_GRE, REGIONS, resolveRegion, stripIgedPrefix } from '../../shared/domain/regions';
import { compareSpanish, foldKey, matchesSearch } from '../../shared/domain/text';
import { t } from '../../shared/i18n';

describe('Spanish text helpers', () => {
  it('folds case, accents and spacing', () => {
    expect(foldKey('  Áncash ')).toBe('ancash');
    expect(foldKey('San  Martín')).toBe('san martin');
    expect(foldKey('AÑO de Inicio')).toBe('ano de inicio');
  });

  it('searches ignoring accents and case, every word must appear', () => {
    expect(matchesSearch('Monitoreo Integral de los Aprendizajes', 'aprendizajes MONITOREO')).toBe(true);
    expect(matchesSearch('Calendarización diferenciada', 'calendarizacion')).toBe(true);
    expect(matchesSearch('Calendarización diferenciada', 'calendario')).toBe(false);
  });

  it('sorts the Spanish way (ñ after n, accents ignored)', () => {
    expect(['Ñaña', 'Nauta', 'Oyón', 'Áncash', 'Zarumilla'].sort(compareSpanish)).toEqual(['Áncash', 'Nauta', 'Ñaña', 'Oyón', 'Zarumilla']);
  });

  it('formats catalog numbers without grouping years', () => {
    expect(t('validation.year', { min: 2016, max: 2027 })).toBe('Ingrese un año entre 2016 y 2027.');
  });
});

describe('regions and DRE/GRE', () => {
  it('ships 26 DRE/GRE with Lima Metropolitana, Lima Provincias and Callao separate', () => {
    expect(DRE_GRE).toHaveLength(26);
    expect(new Set(REGIONS).size).toBe(26);
    expect(new Set(DRE_GRE.map((d) => d.code)).size).toBe(26);
  });

  it('resolves typed regions tolerantly but never guesses plain "Lima"', () => {
    expect(resolveRegion('Ancash')).toBe('Áncash');
    expect(resolveRegion('SAN MARTIN')).toBe('San Martín');
    expect(resolveRegion('Región Lima')).toBe('Lima Provincias');
    expect(resolveRegion('lima metropolitana')).toBe('Lima Metropolitana');
    expect(resolveRegion('Lima')).toBeNull();
    expect(resolveRegion('Narnia')).toBeNull();
  });

  it('strips IGED prefixes', () => {
    expect(stripIgedPrefix('UGEL Lamas')).toBe('lamas');
    expect(stripIgedPrefix('Dirección Regional de Educación de Áncash')).toBe('ancash');
    expect(stripIgedPrefix('GRE Arequipa')).toBe('arequipa');
  });
});

describe('IGED matching', () => {
  const igeds: IgedCandidate[] = [
    { id: 1, code: 'DRE-22', kind: 'dre', name: 'DRE San Martín', region: 'San Martín' },
    { id: 2, code: 'DRE-02', kind: 'dre', name: 'DRE Áncash', region: 'Áncash' },
    { id: 3, code: '220005', kind: 'ugel', name: 'UGEL Lamas', region: 'San Martín' },
    { id: 4, code: '020010', kind: 'ugel', name: 'UGEL Santa', region: 'Áncash' },
    { id: 5, code: '990010', kind: 'ugel', name: 'UGEL Santa', region: 'San Martín' },
    { id: 6, code: '020001', kind: 'ugel', name: 'UGEL Huaraz', region: 'Áncash' },
    { id: 7, code: '020099', kind: 'ugel', name: 'UGEL Ancash', region: 'Áncash' },
  ];
  const match = createIgedMatcher(igeds);

  it('matches with or without the prefix, accents and case', () => {
    expect(match('Lamas')).toMatchObject({ kind: 'match', iged: { id: 3 } });
    expect(match('ugel  LAMAS')).toMatchObject({ kind: 'match', iged: { id: 3 } });
    expect(match('DRE Ancash')).toMatchObject({ kind: 'match', iged: { id: 2 } });
    expect(match('220005')).toMatchObject({ kind: 'match', iged: { id: 3 } });
  });

  it('flags unknown names and ambiguous ones instead of guessing; the region settles ambiguity', () => {
    expect(match('UGEL Atlántida')).toEqual({ kind: 'unknown' });
    expect(match('Santa').kind).toBe('ambiguous');
    expect(match('UGEL Santa', 'Ancash')).toMatchObject({ kind: 'match', iged: { id: 4 } });
    // "Ancash" alone could be the DRE or a UGEL of that name: stated kind decides, otherwise ambiguous.
    expect(match('Ancash').kind).toBe('ambiguous');
    expect(match('UGEL Ancash')).toMatchObject({ kind: 'match', iged: { id: 7 } });
    expect(match('DRE Áncash')).toMatchObject({ kind: 'match', iged: { id: 2 } });
  });
});
