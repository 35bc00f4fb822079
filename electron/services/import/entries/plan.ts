import {
  NO_CHOICES,
  type ColumnMapping,
  type EntryImportField,
  type FieldChange,
  type ImportChoices,
  type ImportIssue,
  type ImportPreview,
  type ImportPreviewRow,
  type ImportRowAction,
  type SimilarEntry,
} from '../../../../shared/domain/import-types';
import { nearDuplicateTitles } from '../../../../shared/domain/similar-title';
import { AppError } from '../../../../shared/errors';
import { t } from '../../../../shared/i18n';
import type { Db } from '../../../db/open';
import { checkFields, storedFields, type EntryFields, type StoredEntryFields } from '../../entries/write';
import { assertEntryNotFrozen } from '../../jury/frozen';
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

/** A row a commit leaves out, and why (for the left-out rows workbook). */
export interface LeftOutRow {
  row: number;
  problem: string;
}

export interface EntryPlan {
  preview: Omit<ImportPreview, 'token'>;
  writes: PlannedWrite[];
  leftOut: LeftOutRow[];
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
export function planEntries(db: Db, editionId: number, sheet: EntrySheet, mapping: ColumnMapping, choices: ImportChoices = NO_CHOICES): EntryPlan {
  const planner = new EntryPlanner(db, editionId, sheet, mapping, choices);
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
  private readonly leftOut: LeftOutRow[] = [];
  private readonly excluded: ReadonlySet<number>;
  private readonly seen: SeenInFile = { firstRowOfCode: new Map(), firstRowOfPractice: new Map(), firstRowOfTarget: new Map() };
  /** Rows given to add(), empty ones included. */
  private added = 0;

  constructor(
    private readonly db: Db,
    editionId: number,
    private readonly sheet: SheetHeader,
    private readonly mapping: ColumnMapping,
    private readonly choices: ImportChoices = NO_CHOICES,
  ) {
    this.ref = loadReference(db, editionId);
    this.issues = mappingIssues(sheet, mapping);
    this.mappingBroken = this.issues.length > 0;
    this.excluded = new Set(choices.exclude);
  }

  get rowsAdded(): number {
    return this.added;
  }

  add(rows: readonly SheetRow[]): void {
    const { db, sheet, mapping, ref, seen, choices } = this;
    this.added += rows.length;
    for (const sheetRow of rows) {
      if (isEmptyRow(sheetRow, mapping)) continue;
      const read = this.mappingBroken ? null : readRow(sheetRow, mapping, sheet.headers, ref, choices);
      const shown = { code: read?.code ?? '', title: read?.title ?? '', igedName: read?.igedText ?? '', region: read?.region ?? '', categoryName: read?.categoryName ?? '' };
      // A row the user left out is not checked at all: leaving it out is how a conflict with another row is settled.
      if (this.excluded.has(sheetRow.row)) {
        this.leftOut.push({ row: sheetRow.row, problem: t('import.leftOut.excluded') });
        this.previewRows.push({ row: sheetRow.row, action: 'excluded', ...shown, changes: [], similar: [], needs: read?.needs ?? [] });
        continue;
      }
      const rowIssues: ImportIssue[] = [];
      let action: ImportRowAction = 'invalid';
      let changes: FieldChange[] = [];
      let similar: SimilarEntry[] = [];
      if (read) {
        rowIssues.push(...read.issues);
        // Repeats are checked on every row, valid or not: a code typed twice is wrong either way.
        const repeated = repeatIssue(read, sheet, mapping, seen);
        if (repeated) rowIssues.push(repeated);
        const decided = read.fields && !repeated ? decide(db, read, read.fields, ref, sheet, mapping, seen) : null;
        if (decided && read.fields) {
          rowIssues.push(...decided.issues);
          if (decided.action !== 'invalid') {
            action = decided.action;
            changes = decided.changes;
            similar = decided.similar;
            this.counts[decided.action] += 1;
            this.writes.push({ row: read.row, action: decided.action, fields: decided.fields, titleKey: decided.titleKey, existingId: decided.existingId });
          }
        } else if (read.needs.length > 0 && !rowIssues.some((issue) => issue.severity === 'error')) {
          action = 'unresolved';
        }
      } else {
        rowIssues.push({ row: sheetRow.row, column: '', severity: 'error', message: t('import.row.mappingIncomplete') });
      }
      if (action === 'invalid' || action === 'unresolved') {
        this.leftOut.push({ row: sheetRow.row, problem: rowIssues.map((issue) => issue.message).join(' ') });
      }
      // With the mapping incomplete, its own issues already say why; one per row would only repeat them.
      if (read) this.issues.push(...rowIssues);
      this.previewRows.push({ row: sheetRow.row, action, ...shown, changes, similar, needs: read?.needs ?? [] });
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
    const excluded = this.previewRows.filter((row) => row.action === 'excluded').length;
    const problemRows = this.leftOut.length - excluded;
    const changing = counts.new + counts.update > 0;
    return {
      preview: {
        totals: { rows, valid: writes.length, errors, warnings, problemRows, excluded, ...counts },
        issues: listed,
        rows: this.previewRows,
        canCommit: problemRows === 0 && changing,
        canCommitValid: problemRows > 0 && changing,
      },
      writes,
      leftOut: this.leftOut,
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

interface Decision {
  action: PlannedWrite['action'] | 'invalid';
  existingId: number | null;
  titleKey: string;
  issues: ImportIssue[];
  /** What is written: the row's fields, with the stored values of every unmapped column for an update. */
  fields: EntryFields;
  changes: FieldChange[];
  similar: SimilarEntry[];
}

/** Cross-row checks and the match with what the edition already has. */
function decide(db: Db, read: ReadRow, fields: EntryFields, ref: EntryReference, sheet: SheetHeader, mapping: ColumnMapping, seen: SeenInFile): Decision {
  const issues: ImportIssue[] = [];
  const header = (field: EntryImportField) => columnOf(sheet, mapping, field);
  const error = (field: EntryImportField | '', message: string) =>
    issues.push({ row: read.row, column: field ? header(field) : '', severity: 'error', message });
  const titleKey = foldKey(fields.title);
  const invalid = (): Decision => ({ action: 'invalid', existingId: null, titleKey, issues, fields, changes: [], similar: [] });

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
  if (existingId === null) {
    const similar = nearDuplicates(ref, fields, titleKey);
    for (const other of similar) {
      issues.push({ row: read.row, column: header('title'), severity: 'warning', message: t('import.row.nearDuplicate', { title: fields.title, other: other.title, code: other.code, edition: other.edition }) });
    }
    return { action: 'new', existingId, titleKey, issues, fields, changes: [], similar };
  }

  const firstTarget = seen.firstRowOfTarget.get(existingId);
  if (firstTarget !== undefined) {
    error('', t('import.row.sameTarget', { first: firstTarget, code: ref.codeOf.get(existingId) ?? '' }));
    return invalid();
  }
  seen.firstRowOfTarget.set(existingId, read.row);

  const current = storedFields(db, existingId);
  const merged = keepUnmapped(fields, current, mapping);
  let next: StoredEntryFields;
  try {
    next = { code: merged.code || current.code, ...checkFields(ref.lookups, merged) };
  } catch (cause) {
    if (!(cause instanceof AppError)) throw cause;
    error('', cause.message);
    return invalid();
  }
  // The same rule as editing one entry: what places it in a closed stage's ranking stays put.
  if (current.category_id !== next.category_id || current.iged_id !== next.iged_id || current.region !== next.region) {
    try {
      assertEntryNotFrozen(db, existingId);
    } catch (cause) {
      if (!(cause instanceof AppError)) throw cause;
      error('', cause.message);
      return invalid();
    }
  }
  const changes = fieldChanges(current, next, ref);
  return { action: changes.length === 0 ? 'unchanged' : 'update', existingId, titleKey, issues, fields: merged, changes, similar: [] };
}

/**
 * The row's fields with every column the mapping leaves out («— No importar —») taken from the
 * stored entry: a file that does not carry a field never touches it.
 */
function keepUnmapped(fields: EntryFields, current: StoredEntryFields, mapping: ColumnMapping): EntryFields {
  const mapped = (field: EntryImportField) => mapping[field] !== null && mapping[field] !== undefined;
  return {
    ...fields,
    code: mapped('code') ? fields.code : current.code,
    categoryId: mapped('category') ? fields.categoryId : current.category_id,
    startYear: mapped('startYear') ? fields.startYear : current.start_year,
    summary: mapped('summary') ? fields.summary : current.summary,
    problem: mapped('problem') ? fields.problem : current.problem,
    results: mapped('results') ? fields.results : current.results,
    evidenceLinks: mapped('evidence') ? fields.evidenceLinks : (JSON.parse(current.evidence_links) as string[]),
    contactName: mapped('contactName') ? fields.contactName : current.contact_name,
    contactCargo: mapped('contactCargo') ? fields.contactCargo : current.contact_cargo,
    contactEmail: mapped('contactEmail') ? fields.contactEmail : current.contact_email,
    contactPhone: mapped('contactPhone') ? fields.contactPhone : current.contact_phone,
    team: mapped('team') ? fields.team : current.team,
  };
}

/** Stored column → the import field (and form label) it is shown as. */
const FIELD_OF_COLUMN: Record<keyof StoredEntryFields, EntryImportField> = {
  code: 'code',
  iged_id: 'iged',
  region: 'region',
  title: 'title',
  category_id: 'category',
  start_year: 'startYear',
  summary: 'summary',
  problem: 'problem',
  results: 'results',
  evidence_links: 'evidence',
  contact_name: 'contactName',
  contact_cargo: 'contactCargo',
  contact_email: 'contactEmail',
  contact_phone: 'contactPhone',
  team: 'team',
};

/** What an update changes, field by field, as the user reads it (names rather than ids). */
function fieldChanges(current: StoredEntryFields, next: StoredEntryFields, ref: EntryReference): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const column of Object.keys(FIELD_OF_COLUMN) as (keyof StoredEntryFields)[]) {
    if (current[column] === next[column]) continue;
    const field = FIELD_OF_COLUMN[column];
    changes.push({ field, from: shownValue(column, current[column], ref), to: shownValue(column, next[column], ref) });
  }
  return changes;
}

function shownValue(column: keyof StoredEntryFields, value: string | number | null, ref: EntryReference): string {
  if (value === null) return '';
  if (column === 'iged_id') return ref.igedById.get(Number(value))?.name ?? '';
  if (column === 'category_id') return ref.categoryById.get(Number(value))?.name ?? '';
  if (column === 'evidence_links') return (JSON.parse(String(value)) as string[]).join('\n');
  return String(value);
}

/**
 * Entries of the same IGED, in any edition, whose title is very similar to a new row's: the
 * same practice presented again, or a typo away from one. An identical title in this edition is
 * already an update (or reported as similarExists), so it is not repeated here.
 */
function nearDuplicates(ref: EntryReference, fields: EntryFields, titleKey: string): SimilarEntry[] {
  if (fields.igedId === null) return [];
  const others = ref.entriesOfIged(fields.igedId).filter((other) => other.editionId !== ref.editionId || other.titleKey !== titleKey);
  return nearDuplicateTitles(others, titleKey);
}
