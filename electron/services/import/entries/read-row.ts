import type { z } from 'zod';
import { NO_CHOICES, type ColumnMapping, type EntryImportField, type ImportChoices, type ImportIssue, type IssueSeverity, type RowNeed } from '../../../../shared/domain/import-types';
import type { IgedCandidate } from '../../../../shared/domain/iged-match';
import { entryFields } from '../../../../shared/domain/schemas';
import { foldKey } from '../../../../shared/domain/text';
import { t, type MessageKey, type MessageParams } from '../../../../shared/i18n';
import type { CellValue, SheetRow } from '../file/parse-types';
import type { EntryFields } from '../../entries/write';
import { cellText, isCellError, lineText } from './cell-text';
import { alreadyValid } from './fields-check';
import type { EntryReference } from './reference';

export interface ReadRow {
  row: number;
  fields: EntryFields | null;
  iged: IgedCandidate | null;
  /** What the preview shows, even for an invalid row. */
  code: string;
  title: string;
  igedText: string;
  region: string;
  categoryName: string;
  issues: ImportIssue[];
  /** Choices the review must make before the row can be imported (unknown IGED or category). */
  needs: RowNeed[];
}

/** Which form field a zod issue path points to → which import field (column) it came from. */
const FIELD_OF_SCHEMA_KEY: Record<string, EntryImportField> = {
  code: 'code',
  igedId: 'iged',
  region: 'region',
  title: 'title',
  categoryId: 'category',
  startYear: 'startYear',
  summary: 'summary',
  problem: 'problem',
  results: 'results',
  evidenceLinks: 'evidence',
  contactName: 'contactName',
  contactCargo: 'contactCargo',
  contactEmail: 'contactEmail',
  contactPhone: 'contactPhone',
  team: 'team',
};

/** True when every mapped cell of the row is empty: such rows are skipped, not reported. */
export function isEmptyRow(row: SheetRow, mapping: ColumnMapping): boolean {
  return Object.values(mapping).every((index) => {
    if (index === null || index === undefined) return true;
    const value = row.cells[index];
    return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
  });
}

/**
 * Reads one row into the entry form's fields and checks it on its own: IGED and region
 * resolved tolerantly but never guessed, category against the edition's, then the same zod
 * schema as the form so the messages match. Cross-row checks (duplicates, existing entries)
 * are the plan's job.
 */
export function readRow(row: SheetRow, mapping: ColumnMapping, headers: readonly string[], ref: EntryReference, choices: ImportChoices = NO_CHOICES): ReadRow {
  const issues: ImportIssue[] = [];
  const needs: RowNeed[] = [];
  const column = (field: EntryImportField) => {
    const index = mapping[field];
    return index === null || index === undefined ? '' : (headers[index] ?? '');
  };
  const report = (field: EntryImportField | '', key: MessageKey, params?: MessageParams, severity: IssueSeverity = 'error') =>
    issues.push({ row: row.row, column: field ? column(field) : '', severity, message: t(key, params) });
  const cell = (field: EntryImportField): CellValue => {
    const index = mapping[field];
    if (index === null || index === undefined) return null;
    const value = row.cells[index] ?? null;
    if (isCellError(value)) {
      report(field, 'import.row.cellError', { value: value.error });
      return null;
    }
    return value;
  };

  const code = lineText(cell('code'));
  const title = lineText(cell('title'));
  const igedText = lineText(cell('iged'));
  const regionText = lineText(cell('region'));
  const categoryText = lineText(cell('category'));

  // Unknown or ambiguous IGEDs and categories are not errors of the file but choices: the review
  // offers the list (or creating the category), and the row waits, never guessed, until then.
  let iged: IgedCandidate | null = null;
  if (igedText) {
    const picked = pickedIged(ref, choices, igedText);
    const match = picked ? null : ref.matchIged(igedText, regionText || null);
    if (picked) iged = picked;
    else if (match?.kind === 'match') iged = match.iged;
    else if (match?.kind === 'ambiguous') {
      const candidates = match.candidates.map((c) => `${c.name} (${c.region})`).join('; ');
      report('iged', 'import.row.igedAmbiguous', { value: igedText, candidates }, 'warning');
      needs.push({ kind: 'iged', value: igedText, candidateIds: match.candidates.map((c) => c.id) });
    } else {
      report('iged', 'import.row.igedUnknown', { value: igedText }, 'warning');
      needs.push({ kind: 'iged', value: igedText, candidateIds: [] });
    }
  } else if (mapping.iged !== null && mapping.iged !== undefined) {
    report('iged', 'validation.required');
  }

  if (regionText) {
    const region = ref.resolveRegion(regionText);
    if (iged && !region && !regionAgrees(regionText, region, iged.region)) {
      // Not a region at all (a typo): the entry takes its IGED's region, as it always does.
      report('region', 'import.row.regionIgnored', { value: regionText, iged: iged.name, region: iged.region }, 'warning');
    } else if (iged && !regionAgrees(regionText, region, iged.region)) {
      report('region', 'import.row.regionMismatch', { value: regionText, iged: iged.name, region: iged.region });
    } else if (!iged && !region) {
      // The region of an entry is its IGED's: picking the IGED settles it.
      report('region', 'import.row.regionUnknown', { value: regionText }, 'warning');
    }
  }

  let categoryId: number | null = null;
  let categoryName = '';
  if (categoryText) {
    const pickedId = hasAny(choices.categories) ? choices.categories[foldKey(categoryText)] : undefined;
    const category = (pickedId !== undefined ? ref.categoryById.get(pickedId) : undefined) ?? ref.categoryNamed(categoryText);
    if (category) {
      categoryId = category.id;
      categoryName = category.name;
    } else {
      const key = ref.categories.length === 0 ? 'import.row.noCategories' : 'import.row.categoryUnknown';
      report('category', key, { value: categoryText, valid: ref.categories.map((c) => c.name).join('; ') }, 'warning');
      needs.push({ kind: 'category', value: categoryText, candidateIds: [] });
    }
  }

  const year = readYear(cell('startYear'));
  if (year === 'invalid') report('startYear', 'import.row.yearInvalid', { value: cellText(cell('startYear')) });

  const candidate: z.input<typeof entryFields> = {
    code,
    igedId: iged?.id ?? null,
    region: iged?.region ?? ref.resolveRegion(regionText) ?? '',
    title,
    categoryId,
    startYear: year === 'invalid' ? null : year,
    summary: cellText(cell('summary')),
    problem: cellText(cell('problem')),
    results: cellText(cell('results')),
    evidenceLinks: splitLinks(cellText(cell('evidence'))),
    contactName: lineText(cell('contactName')),
    contactCargo: lineText(cell('contactCargo')),
    contactEmail: lineText(cell('contactEmail')),
    contactPhone: lineText(cell('contactPhone')),
    team: cellText(cell('team')),
  };
  // Rows zod would return unchanged skip it (see fields-check.ts); the others get its messages.
  const parsed = alreadyValid(candidate) ? { success: true as const, data: candidate } : entryFields.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF_SCHEMA_KEY[String(issue.path[0])];
      issues.push({ row: row.row, column: field ? column(field) : '', severity: 'error', message: issue.message });
    }
  }
  const valid = parsed.success && needs.length === 0 && !issues.some((issue) => issue.severity === 'error');
  return {
    row: row.row,
    fields: valid ? parsed.data : null,
    iged,
    code,
    title,
    igedText: iged?.name ?? igedText,
    region: iged?.region ?? ref.resolveRegion(regionText) ?? regionText,
    categoryName: categoryName || categoryText,
    issues,
    needs,
  };
}

// Folding every row's text costs time on a 10,000-row file; without choices there is nothing to look up.
function hasAny(picks: Record<string, number>): boolean {
  for (const key in picks) if (Object.hasOwn(picks, key)) return true;
  return false;
}

/** The IGED the user picked in the review for this text, if any. */
function pickedIged(ref: EntryReference, choices: ImportChoices, text: string): IgedCandidate | null {
  const id = hasAny(choices.igeds) ? choices.igeds[foldKey(text)] : undefined;
  return id === undefined ? null : (ref.igedById.get(id) ?? null);
}

/**
 * The typed region must be the IGED's. Plain "Lima" names no single region (Metropolitana or
 * Provincias), but it does agree with an IGED of either.
 */
function regionAgrees(typed: string, resolved: string | null, igedRegion: string): boolean {
  if (resolved) return resolved === igedRegion;
  return foldKey(igedRegion).startsWith(`${foldKey(typed)} `);
}

/** A year typed as a number, as text, or taken from a date cell (yyyy-mm-dd). */
function readYear(value: CellValue): number | null | 'invalid' {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return Number.isInteger(value) ? value : 'invalid';
  const text = cellText(value);
  if (text === '') return null;
  const match = /^(\d{4})(-\d{2}-\d{2}( \d{2}:\d{2})?)?$/.exec(text);
  return match?.[1] ? Number(match[1]) : 'invalid';
}

/** Links are separated by spaces, line breaks or semicolons (commas may occur inside URLs). */
export function splitLinks(text: string): string[] {
  return text.split(/[\s;]+/).filter((part) => part !== '');
}
