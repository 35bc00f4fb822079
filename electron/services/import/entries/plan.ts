import type { ColumnMapping, EntryImportField, ImportIssue, ImportPreview, ImportPreviewRow, ImportRowAction } from '../../../../shared/domain/import-types';
import { AppError } from '../../../../shared/errors';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { checkFields, storedFields, type EntryFields, type StoredEntryFields } from '../../entries/write';
import { foldKey } from '../../../../shared/domain/text';
import type { SheetRow } from '../file/parse-types';
import type { EntrySheet } from './inspect';
import { isEmptyRow, readRow, type ReadRow } from './read-row';
import { loadReference, practiceKey, practiceKeyOf, type EntryReference } from './reference';

/** Fields without which no row can be imported. */
const REQUIRED_FIELDS: readonly EntryImportField[] = ['title', 'iged'];
/** The preview lists this many issues at most; the totals always count them all. */
export const MAX_LISTED_ISSUES = 2_000;

export interface PlannedWrite {
  row: number;
  action: 'new' | 'update' | 'unchanged';
  fields: EntryFields;
  /** foldKey(fields.title), worked out once here and stored as entry.title_key. */
  titleKey: string;
  existingId: number | null;
}

export interface EntryPlan {
  preview: Omit<ImportPreview, 'token'>;
  writes: PlannedWrite[];
}

/** What a plan needs of a sheet besides its rows: where its header is, and its column labels. */
export interface SheetHeader {
  headerRow: number;
  headers: readonly string[];
}

/**
 * Validates every row of a sheet against the current database and decides, per row, what a
 * commit would do: new, update, unchanged — or nothing, when the row is invalid. Writes nothing.
 */
export function planEntries(db: Db, editionId: number, sheet: EntrySheet, mapping: ColumnMapping): EntryPlan {
  const planner = new EntryPlanner(db, editionId, sheet, mapping);
  planner.add(sheet.rows);
  return planner.finish();
}

/**
 * planEntries a batch of rows at a time, so that rows can be validated while the rest of the
 * file is still being read (see plan-ahead.ts). Rows must come in file order, each once.
 */
export class EntryPlanner {
  private readonly ref: EntryReference;
  private readonly issues: ImportIssue[];
  private readonly mappingBroken: boolean;
  private readonly previewRows: ImportPreviewRow[] = [];
  private readonly writes: PlannedWrite[] = [];
  private readonly counts = { new: 0, update: 0, unchanged: 0 };
  private readonly seen: SeenInFile = { firstRowOfCode: new Map(), firstRowOfPractice: new Map(), firstRowOfTarget: new Map() };
  /** Rows given to add(), empty ones included. */
  private added = 0;

  constructor(
    private readonly db: Db,
    editionId: number,
    private readonly sheet: SheetHeader,
    private readonly mapping: ColumnMapping,
  ) {
    this.ref = loadReference(db, editionId);
    this.issues = mappingIssues(sheet, mapping);
    this.mappingBroken = this.issues.length > 0;
  }

  get rowsAdded(): number {
    return this.added;
  }

  add(rows: readonly SheetRow[]): void {
    const { db, sheet, mapping, ref, seen, issues } = this;
    this.added += rows.length;
    for (const sheetRow of rows) {
      if (isEmptyRow(sheetRow, mapping)) continue;
      const read = this.mappingBroken ? null : readRow(sheetRow, mapping, sheet.headers, ref);
      let action: ImportRowAction = 'invalid';
      if (read) {
        issues.push(...read.issues);
        // Repeats are checked on every row, valid or not: a code typed twice is wrong either way.
        const repeated = repeatIssue(read, sheet, mapping, seen);
        if (repeated) issues.push(repeated);
        const decided = read.fields && !repeated ? decide(db, read, read.fields, ref, sheet, mapping, seen) : null;
        if (decided && read.fields) {
          issues.push(...decided.issues);
          if (decided.action !== 'invalid') {
            action = decided.action;
            this.counts[decided.action] += 1;
            this.writes.push({ row: read.row, action: decided.action, fields: read.fields, titleKey: decided.titleKey, existingId: decided.existingId });
          }
        }
      }
      this.previewRows.push({
        row: sheetRow.row,
        action,
        code: read?.code ?? '',
        title: read?.title ?? '',
        igedName: read?.igedText ?? '',
        region: read?.region ?? '',
        categoryName: read?.categoryName ?? '',
      });
    }
  }

  finish(): EntryPlan {
    const { issues, writes, counts } = this;
    const rows = this.previewRows.length;
    issues.sort((a, b) => a.row - b.row);
    const errors = issues.filter((issue) => issue.severity === 'error').length;
    const warnings = issues.length - errors;
    const listed = issues.slice(0, MAX_LISTED_ISSUES);
    if (issues.length > MAX_LISTED_ISSUES) {
      listed.push({
        row: issues[MAX_LISTED_ISSUES]?.row ?? 0,
        column: '',
        severity: 'warning',
        message: t('import.preview.moreIssues', { shown: MAX_LISTED_ISSUES, total: issues.length }),
      });
    }
    return {
      preview: {
        totals: { rows, valid: writes.length, errors, warnings, ...counts },
        issues: listed,
        rows: this.previewRows,
        canCommit: errors === 0 && rows > 0,
      },
      writes,
    };
  }
}

function columnOf(sheet: SheetHeader, mapping: ColumnMapping, field: EntryImportField): string {
  const index = mapping[field];
  return index === null || index === undefined ? '' : (sheet.headers[index] ?? '');
}

/** The same code, or without code the same IGED and title, already seen higher up in the file. */
function repeatIssue(read: ReadRow, sheet: SheetHeader, mapping: ColumnMapping, seen: SeenInFile): ImportIssue | null {
  const issue = (field: EntryImportField, message: string): ImportIssue => ({ row: read.row, column: columnOf(sheet, mapping, field), severity: 'error', message });
  if (read.code) {
    const first = seen.firstRowOfCode.get(read.code);
    if (first !== undefined) return issue('code', t('import.row.codeRepeated', { code: read.code, first }));
    seen.firstRowOfCode.set(read.code, read.row);
    return null;
  }
  if (!read.iged || !read.title) return null;
  const practice = practiceKey(read.iged.id, read.title);
  const first = seen.firstRowOfPractice.get(practice);
  if (first !== undefined) return issue('title', t('import.row.practiceRepeated', { first }));
  seen.firstRowOfPractice.set(practice, read.row);
  return null;
}

function mappingIssues(sheet: SheetHeader, mapping: ColumnMapping): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const at = (message: string): ImportIssue => ({ row: sheet.headerRow, column: '', severity: 'error', message });
  for (const field of REQUIRED_FIELDS) {
    const index = mapping[field];
    if (index === null || index === undefined) issues.push(at(t('import.mapping.missing', { field: t(`field.${field}`) })));
  }
  const used = new Map<number, string>();
  for (const [field, index] of Object.entries(mapping)) {
    if (index === null || index === undefined) continue;
    const label = t(`field.${field as EntryImportField}`);
    if (index >= sheet.headers.length) issues.push(at(t('import.mapping.outOfRange', { field: label })));
    const other = used.get(index);
    if (other) issues.push(at(t('import.mapping.duplicate', { column: sheet.headers[index] ?? '', first: other, second: label })));
    used.set(index, label);
  }
  return issues;
}

interface SeenInFile {
  firstRowOfCode: Map<string, number>;
  firstRowOfPractice: Map<string, number>;
  firstRowOfTarget: Map<number, number>;
}

/** Cross-row checks and the match with what the edition already has. */
function decide(
  db: Db,
  read: ReadRow,
  fields: EntryFields,
  ref: EntryReference,
  sheet: SheetHeader,
  mapping: ColumnMapping,
  seen: SeenInFile,
): { action: ImportRowAction; existingId: number | null; titleKey: string; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const header = (field: EntryImportField) => columnOf(sheet, mapping, field);
  const error = (field: EntryImportField | '', message: string) =>
    issues.push({ row: read.row, column: field ? header(field) : '', severity: 'error', message });
  const titleKey = foldKey(fields.title);
  const invalid = () => ({ action: 'invalid' as const, existingId: null, titleKey, issues });

  const practice = practiceKeyOf(fields.igedId, titleKey);
  let existingId: number | null;
  if (fields.code) {
    existingId = ref.entryByCode.get(fields.code) ?? null;
    const sameTitle = ref.entriesByPractice.get(practice) ?? [];
    if (existingId === null && sameTitle.length > 0) {
      const codes = sameTitle.map((id) => ref.codeOf.get(id) ?? '').join(', ');
      issues.push({ row: read.row, column: header('code'), severity: 'warning', message: t('import.row.similarExists', { codes, code: fields.code }) });
    }
  } else {
    const matches = ref.entriesByPractice.get(practice) ?? [];
    if (matches.length > 1) {
      error('title', t('import.row.titleAmbiguous'));
      return invalid();
    }
    existingId = matches[0] ?? null;
  }
  if (existingId === null) return { action: 'new', existingId, titleKey, issues };

  const firstTarget = seen.firstRowOfTarget.get(existingId);
  if (firstTarget !== undefined) {
    error('', t('import.row.sameTarget', { first: firstTarget, code: ref.codeOf.get(existingId) ?? '' }));
    return invalid();
  }
  seen.firstRowOfTarget.set(existingId, read.row);

  let next: StoredEntryFields;
  try {
    next = { code: fields.code || (ref.codeOf.get(existingId) ?? ''), ...checkFields(ref.lookups, fields) };
  } catch (cause) {
    if (!(cause instanceof AppError)) throw cause;
    error('', cause.message);
    return invalid();
  }
  const current = storedFields(db, existingId);
  const same = (Object.keys(next) as (keyof StoredEntryFields)[]).every((key) => next[key] === current[key]);
  return { action: same ? 'unchanged' : 'update', existingId, titleKey, issues };
}
