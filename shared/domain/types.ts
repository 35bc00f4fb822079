import type { EntryStatus, RubricLevel } from './schemas';

/** What the services return. Dates are ISO strings; ids are SQLite integers. */

export interface EditionSummary {
  id: number;
  year: number;
  name: string;
  lema: string;
  archived: boolean;
  entryCount: number;
  categoryCount: number;
  criterionCount: number;
  stageCount: number;
  isDemo: boolean;
}

export interface Category {
  id: number;
  name: string;
  description: string;
  position: number;
  entryCount: number;
}

export interface Criterion {
  id: number;
  name: string;
  description: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
  scaleStep: number;
  independent: boolean;
  categoryIds: number[];
  levels: RubricLevel[];
  position: number;
}

export interface Stage {
  id: number;
  name: string;
  position: number;
  cutoff: number | null;
}

export interface Edition extends EditionSummary {
  legalReference: string;
  startDate: string;
  endDate: string;
  copiedFromId: number | null;
  createdAt: string;
  updatedAt: string;
  categories: Category[];
  criteria: Criterion[];
  stages: Stage[];
}

export interface Iged {
  id: number;
  code: string;
  kind: 'dre' | 'ugel';
  name: string;
  region: string;
  dreId: number | null;
  dreName: string | null;
  /** From the list shipped with the app (not yet confirmed by an imported padrón). */
  builtin: boolean;
}

export interface EntryStageStatus {
  stageId: number;
  status: EntryStatus;
  reason: string;
  updatedAt: string;
}

export interface EntryRow {
  id: number;
  code: string;
  title: string;
  igedId: number | null;
  igedName: string;
  igedKind: 'dre' | 'ugel' | null;
  region: string;
  categoryId: number | null;
  categoryName: string;
  startYear: number | null;
  contactName: string;
  /** Status in the latest stage that has one, for the list's filter. */
  currentStageId: number | null;
  currentStatus: EntryStatus;
  statuses: EntryStageStatus[];
  updatedAt: string;
}

export interface Entry extends EntryRow {
  editionId: number;
  summary: string;
  problem: string;
  results: string;
  evidenceLinks: string[];
  contactCargo: string;
  contactEmail: string;
  contactPhone: string;
  team: string;
  source: string;
  createdAt: string;
}

/** What a pre-import backup was taken for, so that two of them can be told apart. */
export interface BackupAbout {
  fileName: string;
  edition: string | null;
}

export interface BackupInfo {
  name: string;
  reason: string;
  createdAt: string;
  sizeBytes: number;
  about: BackupAbout | null;
}

/** The last automatic backup that could not be made (cleared by the next one that succeeds). */
export interface BackupFailure {
  at: string;
  message: string;
}

export type AppStatus =
  | { state: 'ready'; dbPath: string; schemaVersion: number; lastBackupAt: string | null; backupFailure: BackupFailure | null }
  | { state: 'blocked'; dbPath: string; reason: 'newerVersion' | 'corrupt' | 'empty' | 'unreadable'; message: string };

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}
