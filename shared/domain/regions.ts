import { foldKey } from './text';

/**
 * The 26 DRE/GRE that ship with the app: one per regional government (24 departments,
 * Callao, and the Lima region as "Lima Provincias") plus DRE Lima Metropolitana.
 * `region` is the name used in the contest's lists ("Región" column).
 * Codes follow the department's ubigeo; Lima's two are told apart by a suffix.
 */
export interface DreSeed {
  code: string;
  name: string;
  region: string;
  aliases: readonly string[];
}

export const DRE_GRE: readonly DreSeed[] = [
  { code: 'DRE-01', name: 'DRE Amazonas', region: 'Amazonas', aliases: [] },
  { code: 'DRE-02', name: 'DRE Áncash', region: 'Áncash', aliases: ['Ancash'] },
  { code: 'DRE-03', name: 'DRE Apurímac', region: 'Apurímac', aliases: [] },
  { code: 'DRE-04', name: 'GRE Arequipa', region: 'Arequipa', aliases: ['GREA'] },
  { code: 'DRE-05', name: 'DRE Ayacucho', region: 'Ayacucho', aliases: [] },
  { code: 'DRE-06', name: 'DRE Cajamarca', region: 'Cajamarca', aliases: [] },
  { code: 'DRE-07', name: 'DRE Callao', region: 'Callao', aliases: ['DREC', 'Provincia Constitucional del Callao'] },
  { code: 'DRE-08', name: 'GRE Cusco', region: 'Cusco', aliases: ['Cuzco'] },
  { code: 'DRE-09', name: 'DRE Huancavelica', region: 'Huancavelica', aliases: [] },
  { code: 'DRE-10', name: 'DRE Huánuco', region: 'Huánuco', aliases: [] },
  { code: 'DRE-11', name: 'DRE Ica', region: 'Ica', aliases: [] },
  { code: 'DRE-12', name: 'DRE Junín', region: 'Junín', aliases: [] },
  { code: 'DRE-13', name: 'GRE La Libertad', region: 'La Libertad', aliases: ['GRELL'] },
  { code: 'DRE-14', name: 'GRE Lambayeque', region: 'Lambayeque', aliases: [] },
  { code: 'DRE-15LM', name: 'DRE Lima Metropolitana', region: 'Lima Metropolitana', aliases: ['DRELM'] },
  { code: 'DRE-15LP', name: 'DRE Lima Provincias', region: 'Lima Provincias', aliases: ['Lima Región', 'Región Lima', 'DRELP'] },
  { code: 'DRE-16', name: 'DRE Loreto', region: 'Loreto', aliases: [] },
  { code: 'DRE-17', name: 'DRE Madre de Dios', region: 'Madre de Dios', aliases: [] },
  { code: 'DRE-18', name: 'GRE Moquegua', region: 'Moquegua', aliases: [] },
  { code: 'DRE-19', name: 'DRE Pasco', region: 'Pasco', aliases: [] },
  { code: 'DRE-20', name: 'DRE Piura', region: 'Piura', aliases: [] },
  { code: 'DRE-21', name: 'DRE Puno', region: 'Puno', aliases: [] },
  { code: 'DRE-22', name: 'DRE San Martín', region: 'San Martín', aliases: [] },
  { code: 'DRE-23', name: 'DRE Tacna', region: 'Tacna', aliases: [] },
  { code: 'DRE-24', name: 'DRE Tumbes', region: 'Tumbes', aliases: [] },
  { code: 'DRE-25', name: 'DRE Ucayali', region: 'Ucayali', aliases: [] },
];

const IGED_PREFIXES = [
  'direccion regional de educacion de',
  'direccion regional de educacion',
  'gerencia regional de educacion de',
  'gerencia regional de educacion',
  'unidad de gestion educativa local de',
  'unidad de gestion educativa local',
  'dre gre',
  'dre',
  'gre',
  'ugel',
];

export const REGIONS: readonly string[] = DRE_GRE.map((d) => d.region);

const regionByKey = new Map<string, string>();
for (const dre of DRE_GRE) {
  regionByKey.set(foldKey(dre.region), dre.region);
  for (const alias of dre.aliases) regionByKey.set(stripIgedPrefix(alias), dre.region);
}
regionByKey.set(foldKey('Region Lima'), 'Lima Provincias');
regionByKey.set(foldKey('Lima Region'), 'Lima Provincias');

/**
 * Resolves what a person typed as a region to the canonical name, or null.
 * Plain "Lima" is ambiguous (Metropolitana or Provincias) and is deliberately not resolved.
 */
export function resolveRegion(input: string): string | null {
  const full = foldKey(input);
  if (!full) return null;
  return regionByKey.get(full) ?? regionByKey.get(stripRegionPrefix(full)) ?? null;
}

function stripRegionPrefix(key: string): string {
  return key.replace(/^(region|departamento|gobierno regional( de)?)\s+/, '').trim();
}



/** "UGEL Lamas" → "lamas", "Dirección Regional de Educación de Áncash" → "ancash". */
export function stripIgedPrefix(input: string): string {
  let key = foldKey(input);
  for (const prefix of IGED_PREFIXES) {
    if (key === prefix) return '';
    if (key.startsWith(prefix + ' ')) {
      key = key.slice(prefix.length + 1).trim();
      break;
    }
  }
  return key;
}

/** Which kind of IGED a typed name explicitly says it is, if any. */
export function statedIgedKind(input: string): 'dre' | 'ugel' | null {
  const key = foldKey(input);
  if (/^(ugel|unidad de gestion educativa local)\b/.test(key)) return 'ugel';
  if (/^(dre|gre|direccion regional|gerencia regional)\b/.test(key)) return 'dre';
  return null;
}
