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

export type ImportRowAction = 'new' | 'update' | 'unchanged' | 'invalid';

export interface ImportPreviewRow {
  row: number;
  action: ImportRowAction;
  code: string;
  title: string;
  igedName: string;
  region: string;
  categoryName: string;
}

export interface ImportPreview {
  token: string;
  totals: {
    rows: number;
    valid: number;
    errors: number;
    warnings: number;
    new: number;
    update: number;
    unchanged: number;
  };
  issues: ImportIssue[];
  rows: ImportPreviewRow[];
  /** True when nothing blocks the import. */
  canCommit: boolean;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
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
