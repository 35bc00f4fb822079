import type { InstitutionType } from '../../../shared/domain/encuentro-attendance';
import { INSTITUTION_TYPES, isValidDni } from '../../../shared/domain/encuentro-attendance';

function countByType(types: readonly InstitutionType[]): Record<InstitutionType, number> {
  return Object.fromEntries(INSTITUTION_TYPES.map((type) => [type, types.filter((x) => x === type).length])) as Record<InstitutionType, number>;
}
import { attendeeFields, type AttendeeFields } from '../../../shared/domain/encuentro-schemas';
import type { AttendanceImportIssue, AttendanceImportPreview, RosterField } from '../../../shared/domain/encuentro-types';
import { currentValue, LEGACY_INSTITUTION_TYPE } from '../../../shared/domain/legacy-values';
import { compactKey, foldKey, tidy } from '../../../shared/domain/text';
import { t } from '../../../shared/i18n';
import type { Db } from '../../db/open';
import { cellText } from '../import/entries/cell-text';
import type { CellValue, ParsedSheet } from '../import/file/parse-types';
import { existingAttendeeKeys, personKey } from './attendance';

/**
 * Attendance rosters from Excel or CSV. The file is parsed by the shared import pipeline
 * (worker thread, size/ZIP/row caps, timeout: electron/services/import/run-parse.ts); this module
 * only finds the columns and turns rows into registrations.
 */

const HEADERS: Record<RosterField, readonly string[]> = {
  fullName: ['nombresyapellidos', 'apellidosynombres', 'nombrecompleto', 'nombresapellidos', 'apellidosnombres', 'nombres', 'nombre', 'participante', 'asistente'],
  lastName: ['apellidos', 'apellido'],
  dni: ['dni', 'nrodni', 'nodni', 'numerodedni', 'documento', 'nrodedocumento', 'documentodeidentidad', 'numerodedocumento'],
  institution: ['institucion', 'entidad', 'organizacion', 'dependencia', 'iged', 'institucionentidad', 'procedencia'],
  institutionType: ['tipodeinstitucion', 'tipoinstitucion', 'tipodeentidad', 'tipo', 'sector', 'tipodeparticipante'],
  cargo: ['cargo', 'puesto', 'funcion'],
  region: ['region', 'departamento'],
};

const HEADER_SCAN_ROWS = 10;

export interface RosterRow {
  row: number;
  fields: AttendeeFields;
}

export interface RosterPlan {
  preview: AttendanceImportPreview;
  rows: RosterRow[];
  errorCount: number;
}

/** The first sheet that has a name column within its first rows. */
function locate(sheets: ParsedSheet[]): { sheet: ParsedSheet; headerIndex: number; mapping: Record<RosterField, number | null>; headers: string[] } | null {
  for (const sheet of sheets) {
    for (let i = 0; i < Math.min(HEADER_SCAN_ROWS, sheet.rows.length); i++) {
      const cells = sheet.rows[i]?.cells ?? [];
      const keys = cells.map((c) => compactKey(cellText(c)));
      const mapping = Object.fromEntries(
        (Object.keys(HEADERS) as RosterField[]).map((field) => {
          // Exact header names first, in the order listed (so "Nombres y apellidos" beats "Nombres").
          for (const wanted of HEADERS[field]) {
            const index = keys.indexOf(wanted);
            if (index >= 0) return [field, index];
          }
          // "N° DNI", "DNI / CE", "Nro. de DNI"…
          const loose = field === 'dni' ? keys.findIndex((k) => k.includes('dni')) : -1;
          return [field, loose >= 0 ? loose : null];
        }),
      ) as Record<RosterField, number | null>;
      if (mapping.fullName !== null) return { sheet, headerIndex: i, mapping, headers: cells.map((c) => cellText(c)) };
    }
  }
  return null;
}

/** Reads what people write in a "Tipo" column; unknown values become 'other' with a warning. */
export function institutionTypeOf(typed: string, institution: string): { type: InstitutionType; recognized: boolean } {
  // A stored code, as a list kept from the app's own data may carry: today's, or the Spanish one of older versions.
  const code = currentValue(LEGACY_INSTITUTION_TYPE, typed.trim());
  if ((INSTITUTION_TYPES as readonly string[]).includes(code)) return { type: code as InstitutionType, recognized: true };
  const key = foldKey(typed);
  const fromText = (text: string): InstitutionType | null => {
    if (!text) return null;
    if (/\bugel\b|unidad de gestion educativa/.test(text)) return 'ugel';
    if (/\b(dre|gre|drelm|dre gre)\b|direccion regional|gerencia regional/.test(text)) return 'dreGre';
    if (/\bminedu\b|ministerio de educacion/.test(text)) return 'minedu';
    if (/universidad|academia|\bpucp\b|instituto de investigacion/.test(text)) return 'academic';
    if (/invitad|extern/.test(text)) return 'externalGuest';
    if (/^otros?\b/.test(text)) return 'other';
    return null;
  };
  if (key) {
    const typedType = fromText(key);
    return typedType ? { type: typedType, recognized: true } : { type: 'other', recognized: false };
  }
  return { type: fromText(foldKey(institution)) ?? 'other', recognized: true };
}

/** Excel turns a DNI such as 01234567 into the number 1234567: the zero is put back. */
function dniText(value: CellValue | undefined): string {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e8) return String(value).padStart(8, '0');
  return cellText(value).replace(/[\s.-]/g, '');
}

export function planRoster(db: Db, encuentroId: number, fileName: string, sheets: ParsedSheet[]): RosterPlan {
  const found = locate(sheets);
  const empty = { fullName: null, lastName: null, dni: null, institution: null, institutionType: null, cargo: null, region: null };
  if (!found) {
    const issues: AttendanceImportIssue[] = [{ row: 0, severity: 'error', message: t('encuentro.error.import.noName') }];
    return {
      preview: { fileName, headers: [], mapping: empty, rowCount: 0, newCount: 0, duplicateCount: 0, issues, sample: [], newByType: countByType([]), canCommit: false },
      rows: [],
      errorCount: 1,
    };
  }
  const { sheet, headerIndex, mapping, headers } = found;
  const known = existingAttendeeKeys(db, encuentroId);
  const issues: AttendanceImportIssue[] = [];
  const rows: RosterRow[] = [];
  let duplicateCount = 0;
  let errorCount = 0;
  let rowCount = 0;
  const cell = (cells: CellValue[], field: RosterField) => (mapping[field] === null ? undefined : cells[mapping[field] as number]);

  for (const { row, cells } of sheet.rows.slice(headerIndex + 1)) {
    const first = tidy(cellText(cell(cells, 'fullName')));
    const last = tidy(cellText(cell(cells, 'lastName')));
    const fullName = tidy(`${first} ${last}`);
    const rest = [cell(cells, 'dni'), cell(cells, 'institution'), cell(cells, 'cargo')].map((v) => cellText(v)).join('');
    if (!fullName && !rest) continue;
    rowCount++;
    if (!fullName) {
      issues.push({ row, severity: 'error', message: t('encuentro.error.import.rowNoName') });
      errorCount++;
      continue;
    }
    const dni = dniText(cell(cells, 'dni'));
    if (!isValidDni(dni)) {
      issues.push({ row, severity: 'error', message: t('encuentro.error.import.rowDni', { dni }) });
      errorCount++;
      continue;
    }
    const institution = tidy(cellText(cell(cells, 'institution')));
    const typed = tidy(cellText(cell(cells, 'institutionType')));
    const { type, recognized } = institutionTypeOf(typed, institution);
    if (!recognized) issues.push({ row, severity: 'warning', message: t('encuentro.error.import.rowType', { value: typed }) });
    const parsed = attendeeFields.safeParse({
      fullName,
      dni,
      institution,
      institutionType: type,
      cargo: tidy(cellText(cell(cells, 'cargo'))),
      region: tidy(cellText(cell(cells, 'region'))),
    });
    if (!parsed.success) {
      issues.push({ row, severity: 'error', message: parsed.error.issues.map((i) => i.message).join(' ') });
      errorCount++;
      continue;
    }
    const key = personKey(parsed.data.fullName, parsed.data.institution);
    if ((dni && known.dnis.has(dni)) || (!dni && known.names.has(key))) {
      duplicateCount++;
      issues.push({ row, severity: 'warning', message: t('encuentro.error.import.rowDuplicate', { name: fullName }) });
      continue;
    }
    if (dni) known.dnis.add(dni);
    known.names.add(key);
    rows.push({ row, fields: parsed.data });
  }
  return {
    preview: {
      fileName,
      headers,
      mapping,
      rowCount,
      newCount: rows.length,
      duplicateCount,
      issues,
      sample: rows.slice(0, 10).map((r) => ({ ...r.fields })),
      newByType: countByType(rows.map((r) => r.fields.institutionType)),
      canCommit: errorCount === 0 && rows.length > 0,
    },
    rows,
    errorCount,
  };
}
