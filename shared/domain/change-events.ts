/**
 * What a write changed, as pushed in every 'data.changed' event: which records (of one kind)
 * and the scope they sit in. The scope lets the hub decide, from the event alone, which venue
 * device may receive it (electron/server/event-visibility.ts: no query per event and device),
 * and lets a screen re-read only the queries that show those records instead of whole areas.
 */
export const RECORD_KINDS = [
  'edition',
  'category',
  'criterion',
  'stage',
  'entry',
  'reference',
  'jurySettings',
  'juror',
  'panel',
  'conflict',
  'assignment',
  'sheet',
  'audit',
  'tieDecision',
  'encuentro',
  'narrative',
  'eje',
  'practice',
  'encuentroPanel',
  'sala',
  'contribution',
  'synthesisItem',
  'summaryItem',
  'attendee',
  'backup',
  'sede',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * Where the changed records sit. A key is absent when the write does not say (nor can the hub
 * resolve it); a remote device then does not receive the event (fail closed). salaId null: a
 * contribution captured outside any sala.
 */
export interface ChangeScope {
  editionId?: number;
  stageId?: number;
  jurorId?: number;
  entryId?: number;
  encuentroId?: number;
  salaId?: number | null;
  practiceId?: number;
}

export const SCOPE_KEYS = ['editionId', 'stageId', 'jurorId', 'entryId', 'encuentroId', 'salaId', 'practiceId'] as const satisfies readonly (keyof ChangeScope)[];

export interface ChangedRecords {
  kind: RecordKind;
  /** The records' ids; empty when the write has no single id (a score sheet is keyed by stage, juror and entry, given in the scope). */
  ids: number[];
}

export interface DataChanged {
  method: string;
  /**
   * The call also took a backup (automatic, or before an import) or failed to take its automatic
   * one, which is all that changes the backup list and the app's status.
   */
  backup: boolean;
  /** null when the write names no record kind this build knows (a screen then re-reads its whole area). */
  records: ChangedRecords | null;
  scope: ChangeScope;
}
