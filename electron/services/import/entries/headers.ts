import { ENTRY_IMPORT_FIELDS, type ColumnMapping, type EntryImportField } from '../../../../shared/domain/import-types';
import { compactKey } from '../../../../shared/domain/text';
import { t } from '../../../../shared/i18n';

/**
 * Header names organizers actually use, per field. Compared with compactKey, so case,
 * accents, spacing and punctuation never matter ("AÑO DE INICIO" = "Año de inicio").
 * Order of fields matters for ties: the first field that claims a column keeps it.
 */
const SYNONYMS: Record<EntryImportField, readonly string[]> = {
  code: ['código', 'cod', 'cód.', 'n° de postulación', 'nº de postulación', 'número de postulación', 'código de postulación', 'código de la práctica', 'código de la postulación'],
  title: [
    'título',
    'título de la práctica',
    'título de la buena práctica',
    'nombre de la buena práctica',
    'nombre de la práctica',
    'buena práctica',
    'práctica',
    'experiencia',
    'nombre de la experiencia',
    'título de la experiencia',
  ],
  iged: ['IGED', 'DRE/UGEL', 'DRE - UGEL', 'DRE/GRE/UGEL', 'DRE/GRE o UGEL', 'instancia', 'instancia de gestión', 'UGEL', 'nombre de la IGED', 'IGED postulante', 'entidad'],
  region: ['región', 'departamento', 'región / departamento'],
  category: ['categoría', 'eje', 'eje temático', 'categoría de postulación'],
  startYear: ['año de inicio', 'inicio', 'año inicio', 'año de inicio de la práctica'],
  summary: ['resumen', 'descripción', 'resumen de la práctica', 'descripción de la práctica'],
  problem: ['problema', 'problema abordado', 'problema que aborda', 'problemática'],
  results: ['resultados', 'logros', 'resultados obtenidos'],
  evidence: ['evidencias', 'enlaces', 'links', 'enlaces a evidencias', 'evidencia', 'enlace'],
  contactName: ['responsable', 'contacto', 'nombre del responsable', 'expositor', 'expositora', 'nombre del contacto', 'responsable / contacto'],
  contactCargo: ['cargo', 'cargo del responsable'],
  contactEmail: ['correo', 'email', 'e-mail', 'correo electrónico', 'correo del responsable'],
  contactPhone: ['teléfono', 'celular', 'teléfono / celular', 'teléfono de contacto'],
  team: ['equipo', 'integrantes', 'equipo responsable', 'integrantes del equipo'],
};

const KEYS = new Map<EntryImportField, Set<string>>(
  ENTRY_IMPORT_FIELDS.map((field) => [field, new Set(SYNONYMS[field].map(compactKey))]),
);

const LEFT_OUT_KEY = headerKey(t('import.leftOut.problemColumn'));

/** A prefix match is only trusted for long enough synonyms ("correo" → "correo del equipo"). */
const MIN_PREFIX = 5;

/** "Título (máx. 200 caracteres) *" → "titulo". Notes in brackets and after a colon are dropped. */
export function headerKey(header: string): string {
  return compactKey(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/:.*$/s, ''));
}

/**
 * Proposes a column for each field: exact synonym matches first, then headers that start
 * with a synonym. Each column serves at most one field; unmatched fields are left out.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const keys = headers.map(headerKey);
  const mapping: ColumnMapping = {};
  // The reasons column of a left-out rows workbook (left-out.ts) would otherwise pass for «Problema que aborda».
  const taken = new Set<number>(keys.flatMap((key, index) => (key === LEFT_OUT_KEY ? [index] : [])));
  const assign = (test: (key: string, synonyms: Set<string>) => boolean) => {
    for (const field of ENTRY_IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue;
      const synonyms = KEYS.get(field) ?? new Set<string>();
      const column = keys.findIndex((key, index) => key !== '' && !taken.has(index) && test(key, synonyms));
      if (column >= 0) {
        mapping[field] = column;
        taken.add(column);
      }
    }
  };
  assign((key, synonyms) => synonyms.has(key));
  assign((key, synonyms) => [...synonyms].some((synonym) => synonym.length >= MIN_PREFIX && key.startsWith(synonym)));
  return mapping;
}

/** How many fields a row's cells would map: the header row is the one that maps the most. */
export function headerScore(cells: readonly string[]): number {
  return Object.keys(suggestMapping(cells)).length;
}
