import type { AttendanceCounts, InstitutionType } from './encuentro-attendance';
import type { ContributionBlock, ContributionLevel, SynthesisAxis, SynthesisLevel, SynthesisStatus } from './encuentro-matrix';

/** What the Encuentro services return. Dates are ISO strings; ids are SQLite integers. */

export interface EncuentroSummary {
  id: number;
  editionId: number;
  editionName: string;
  name: string;
  eventDate: string;
  venue: string;
  partners: string;
  isDemo: boolean;
  practiceCount: number;
  salaCount: number;
  contributionCount: number;
  attendeeCount: number;
  updatedAt: string;
}

export interface Eje {
  id: number;
  name: string;
  position: number;
}

/** A practice presented at the Encuentro: a copy of the entry's data at the time, kept linked to it. */
export interface EncuentroPractice {
  id: number;
  ejeId: number | null;
  /** The edition entry it was picked from; null when added by hand (or the entry was deleted). */
  entryId: number | null;
  region: string;
  igedName: string;
  title: string;
  year: number | null;
  presenter: string;
  presenterCargo: string;
  position: number;
}

export interface Panel {
  id: number;
  ejeId: number;
  title: string;
  moderatorName: string;
  moderatorInstitution: string;
  /** The panel's practices, in presentation order. */
  practiceIds: number[];
  position: number;
}

export interface SalaModerator {
  name: string;
  institution: string;
}

export interface Sala {
  id: number;
  ejeId: number;
  name: string;
  moderators: SalaModerator[];
  practiceIds: number[];
  synthesisStatus: SynthesisStatus;
  position: number;
}

/** Everything the set-up screens show for one Encuentro. */
export interface EncuentroDetail extends EncuentroSummary {
  ejes: Eje[];
  practices: EncuentroPractice[];
  panels: Panel[];
  salas: Sala[];
  createdAt: string;
}

export interface Contribution {
  id: number;
  encuentroId: number;
  practiceId: number;
  salaId: number | null;
  block: ContributionBlock;
  level: ContributionLevel;
  text: string;
  position: number;
  /** The last client revision applied; a save carrying a lower or equal one is ignored. */
  revision: number;
  /**
   * The idempotency key the moderator's screen created it with (null when typed elsewhere): a
   * screen that lost the create's answer, or replays its local journal after a reload, recognises
   * its own line by it instead of showing it twice.
   */
  clientKey: string | null;
  deleted: boolean;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Answer to a keystroke save: `applied` is false when a newer revision had already been stored. */
export interface ContributionSave {
  applied: boolean;
  contribution: Contribution;
}

export interface ContributionVersion {
  id: number;
  contributionId: number;
  revision: number;
  text: string;
  savedAt: string;
  /** 'create' (first text), 'edit' (typed), 'restore' (a former version brought back). */
  kind: 'create' | 'edit' | 'restore';
}

export interface MatrixCell {
  level: ContributionLevel;
  contributions: Contribution[];
}

export interface MatrixBlock {
  block: ContributionBlock;
  cells: MatrixCell[];
}

/** One practice's four blocks × levels, for the moderator's capture screen and the projector. */
export interface PracticeMatrix {
  encuentroId: number;
  practice: EncuentroPractice;
  salaId: number | null;
  blocks: MatrixBlock[];
}

export interface SynthesisSource {
  contributionId: number;
  practiceId: number;
  block: ContributionBlock;
  level: ContributionLevel;
  text: string;
  /** The source was deleted after being linked: the link is kept, the screen can say so. */
  deleted: boolean;
}

export interface SynthesisItem {
  id: number;
  salaId: number;
  level: SynthesisLevel;
  axis: SynthesisAxis;
  text: string;
  position: number;
  revision: number;
  sources: SynthesisSource[];
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SynthesisStatusChange {
  from: SynthesisStatus;
  to: SynthesisStatus;
  reason: string;
  at: string;
}

export interface SynthesisCell {
  level: SynthesisLevel;
  axis: SynthesisAxis;
  items: SynthesisItem[];
}

/** The plenary table of one sala. */
export interface SalaSynthesis {
  encuentroId: number;
  sala: Sala;
  ejeName: string;
  status: SynthesisStatus;
  history: SynthesisStatusChange[];
  cells: SynthesisCell[];
  /** Soft-deleted items, for undo. */
  deletedItems: SynthesisItem[];
}

export interface SummarySource {
  synthesisItemId: number;
  salaId: number;
  salaName: string;
  text: string;
  deleted: boolean;
}

export interface SummaryItem {
  id: number;
  level: SynthesisLevel;
  axis: SynthesisAxis;
  text: string;
  position: number;
  revision: number;
  sources: SummarySource[];
  deleted: boolean;
  updatedAt: string;
}

/** The organizers' cross-sala summary (the report's executive summary), level × axis. */
export interface EncuentroSummaryTable {
  encuentroId: number;
  cells: { level: SynthesisLevel; axis: SynthesisAxis; items: SummaryItem[] }[];
  deletedItems: SummaryItem[];
}

export interface Attendee {
  id: number;
  encuentroId: number;
  fullName: string;
  dni: string;
  institution: string;
  institutionType: InstitutionType;
  cargo: string;
  region: string;
  checkedIn: boolean;
  checkedInAt: string | null;
  source: 'manual' | 'import' | 'demo';
  createdAt: string;
  updatedAt: string;
}

/** A check-in (or its undo) answers with the attendee and the new counts, for the door screen. */
export interface CheckInResult {
  attendee: Attendee;
  counts: AttendanceCounts;
}

export interface AttendanceImportIssue {
  /** 1-based row number as seen in the spreadsheet. */
  row: number;
  /** Errors block the import (fix the file); warnings do not. */
  severity: 'error' | 'warning';
  message: string;
}

export type RosterField = 'fullName' | 'lastName' | 'dni' | 'institution' | 'institutionType' | 'cargo' | 'region';

export interface AttendanceImportPreview {
  fileName: string;
  headers: string[];
  /** Column index (0-based) of each field in the file, null when not found. */
  mapping: Record<RosterField, number | null>;
  rowCount: number;
  /** Rows that would be added. */
  newCount: number;
  /** Rows already registered (same DNI, or same name and institution) or repeated in the file: skipped. */
  duplicateCount: number;
  issues: AttendanceImportIssue[];
  sample: { fullName: string; dni: string; institution: string; institutionType: InstitutionType; cargo: string; region: string }[];
  /** The rows that would be added, by institution type (as the counts screen breaks them down). */
  newByType: Record<InstitutionType, number>;
  canCommit: boolean;
}

export interface AttendanceImportResult {
  created: number;
  /** Rows whose DNI (or name and institution, without DNI) was already registered. */
  skipped: number;
  backupName: string | null;
}
