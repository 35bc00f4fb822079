import type { RecordedActor } from './recorded-actor';
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
  /**
   * Set when the save was typed on an older text that another screen changed meanwhile: it was
   * not applied, its text is kept in the history (versionId, marked as in conflict), and `by`
   * names who wrote the current text.
   */
  conflict?: { versionId: number; by: string };
}

export interface ContributionVersion {
  id: number;
  contributionId: number;
  revision: number;
  text: string;
  savedAt: string;
  /** 'create' (first text), 'edit' (typed), 'restore' (a former version brought back). */
  kind: 'create' | 'edit' | 'restore';
  /** A text that lost against another screen's save: kept here, never applied. */
  conflict: boolean;
  /** Who typed it (null for versions saved before devices were recorded) and how to name them ('' when unknown). */
  actor: RecordedActor | null;
  by: string;
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
  /** Who changed it (null before devices were recorded) and how to name them ('' when unknown). */
  actor: RecordedActor | null;
  by: string;
}

/** A synthesis or summary save that lost against another screen's: its text was kept (conflictId), not applied. */
export interface TextConflict {
  conflictId: number;
}

/** A text kept after a conflict on a synthesis or summary item. */
export interface ItemConflict {
  id: number;
  itemId: number;
  baseRevision: number;
  text: string;
  savedAt: string;
  actor: RecordedActor | null;
  by: string;
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
  /** Who registered the person and who marked the arrival: a device's name («Mesa 1») or the organizer's computer; '' when unknown (or not checked in). */
  registeredBy: string;
  checkedInBy: string;
  /** The same as stored (null when unknown): screens name only venue devices, not the organizer's own computer. */
  registeredFrom: RecordedActor | null;
  checkedInFrom: RecordedActor | null;
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
