/** Shapes exchanged by the workbook-import methods (entries and UGEL reference data). */

export const ENTRY_IMPORT_FIELDS = [
  'code',
  'region',
  'iged',
  'title',
  'category',
  'startYear',
  'summary',
  'problem',
  'results',
  'evidence',
  'contactName',
  'contactCargo',
  'contactEmail',
  'contactPhone',
  'team',
] as const;
export type EntryImportField = (typeof ENTRY_IMPORT_FIELDS)[number];

/** Column index (0-based) in the sheet for each target field, or null when not mapped. */
export type ColumnMapping = Partial<Record<EntryImportField, number | null>>;

export interface SheetInspection {
  name: string;
  /** Data rows below the header row. */
  rowCount: number;
  /** 1-based row number of the header row in the sheet. */
  headerRow: number;
  headers: string[];
  /** The first data rows, as displayed text, for the mapping screen. */
  sample: string[][];
  suggestedMapping: ColumnMapping;
}

export interface ImportInspection {
  token: string;
  fileName: string;
  sheets: SheetInspection[];
  /** Index of the sheet that looks like the entries list. */
  selectedSheet: number;
}

export type IssueSeverity = 'error' | 'warning';

export interface ImportIssue {
  /** 1-based row number as the user sees it in Excel. */
  row: number;
  /** Column header as it appears in the file ('' for whole-row issues). */
  column: string;
  severity: IssueSeverity;
  message: string;
}

/**
 * What a commit does with a row. 'invalid' has errors; 'unresolved' waits for a choice the user
 * makes in the review (an unknown IGED or category); 'excluded' was left out by the user.
 */
export type ImportRowAction = 'new' | 'update' | 'unchanged' | 'invalid' | 'unresolved' | 'excluded';

/** One stored field an update changes, as the review shows it (display text, from → to). */
export interface FieldChange {
  field: EntryImportField;
  from: string;
  to: string;
}

/** An existing entry of the same IGED with a very similar title (any edition). */
export interface SimilarEntry {
  code: string;
  title: string;
  edition: string;
}

/** A choice the review must offer before the row can be imported. */
export interface RowNeed {
  kind: 'iged' | 'category';
  /** The text of the file's cell; resolutions are keyed by its foldKey. */
  value: string;
  /** For an ambiguous IGED: the ids it could be (empty: pick from the whole list). */
  candidateIds: number[];
}

export interface ImportPreviewRow {
  row: number;
  action: ImportRowAction;
  code: string;
  title: string;
  igedName: string;
  region: string;
  categoryName: string;
  /** For 'update': every stored field that changes. Unmapped columns never appear here. */
  changes: FieldChange[];
  similar: SimilarEntry[];
  needs: RowNeed[];
}

/**
 * What the user decided in the review: rows left out (Excel row numbers) and, per unknown
 * IGED or category text (keyed by foldKey), the one picked from the list.
 */
export interface ImportChoices {
  exclude: number[];
  igeds: Record<string, number>;
  categories: Record<string, number>;
}

export const NO_CHOICES: ImportChoices = { exclude: [], igeds: {}, categories: {} };

export interface ImportPreview {
  token: string;
  totals: {
    /** Rows with data (excluded ones included). */
    rows: number;
    /** Rows that would be written or are unchanged. */
    valid: number;
    /** Problems (issues) of each severity: one row may have several. */
    errors: number;
    warnings: number;
    /** Rows left out by a problem (errors or a choice still to make), counted once each. */
    problemRows: number;
    excluded: number;
    new: number;
    update: number;
    unchanged: number;
  };
  issues: ImportIssue[];
  rows: ImportPreviewRow[];
  /** True when every row can be imported as it is and something would change. */
  canCommit: boolean;
  /** True when some rows have problems but the valid ones would change something on their own. */
  canCommitValid: boolean;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows not imported: with problems, or excluded by the user. */
  leftOut: number;
  backupName: string | null;
}

export interface UgelImportPreview {
  token: string;
  fileName: string;
  totalRows: number;
  ugelCount: number;
  newCount: number;
  updatedCount: number;
  unchangedCount: number;
  issues: ImportIssue[];
  canCommit: boolean;
  sample: { code: string; name: string; dreName: string }[];
}

export interface UgelImportResult {
  created: number;
  updated: number;
  unchanged: number;
  backupName: string | null;
}
