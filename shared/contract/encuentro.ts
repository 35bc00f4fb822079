import { z } from 'zod';
import type { AttendanceCounts } from '../domain/encuentro-attendance';
import {
  attendeeFields,
  contributionCreate,
  contributionMove,
  contributionText,
  ejeFields,
  encuentroFields,
  narrativeTexts,
  type Narrative,
  panelFields,
  practiceFields,
  practiceFromEntry,
  revision,
  saveBase,
  salaFields,
  synthesisAxis,
  synthesisLevel,
  synthesisStatus,
  synthesisText,
  contributionBlock,
  contributionLevel,
  refineBlockLevel,
} from '../domain/encuentro-schemas';
import type {
  Attendee,
  AttendanceImportPreview,
  AttendanceImportResult,
  CheckInResult,
  Contribution,
  ContributionSave,
  ContributionVersion,
  Eje,
  EncuentroDetail,
  EncuentroPractice,
  EncuentroSummary,
  EncuentroSummaryTable,
  Panel,
  PracticeMatrix,
  Sala,
  SalaSynthesis,
  SummaryItem,
  SynthesisItem,
  ItemConflict,
  TextConflict,
} from '../domain/encuentro-types';
import { id, optionalText } from '../domain/schemas';
import type { ExportedFile } from '../domain/types';
import { method, ORGANIZER, type Access } from './define';
import { uploadedFile } from './upload';

type Deleted = { deleted: true };

/*
 * Who else may call what (the organizer may call everything). Set-up writes, the roster import,
 * the cross-sala summary's writes and the exports stay the organizer's: they change or hand out
 * the whole event, which no venue device needs. Deleting a registration too: the door desk
 * corrects a person's data (update) or undoes a check-in, but does not remove people from the list.
 *  - moderator: captures and drafts its own salas' synthesis; reads the rest of its Encuentro
 *    (the other salas' matrices and tables, the summary, the door counts) to moderate with context;
 *  - checkIn: the attendance of its Encuentro, and the Encuentro itself (the door screen's title);
 *  - projector: only what the projector screens read, for its sala or its practice.
 */
/** A sala-bound read names its sala: the moderator's own salas, or the projector's sala. */
const SALA_READ: Access = { moderator: { target: 'sala', within: 'encuentro' }, projector: { target: 'sala' } };
/** Capture in the moderator's own salas: a contribution whose sala is not one of them is refused. */
const OWN_CONTRIBUTION: Access = { moderator: { target: 'contribution' } };
/** Capture naming the practice and the sala: the sala must be one of the moderator's and list the practice; salaId null or omitted is refused. */
const OWN_CAPTURE: Access = { moderator: { target: 'practice' } };
const OWN_SYNTHESIS: Access = { moderator: { target: 'sala' } };
const OWN_SYNTHESIS_ITEM: Access = { moderator: { target: 'synthesisItem' } };
/** What the moderator reads of its whole Encuentro; the door desk reads its Encuentro too. */
const ENCUENTRO_READ: Access = { moderator: { target: 'encuentro', within: 'encuentro' } };
const DOOR: Access = { checkIn: { target: 'encuentro' } };
const DOOR_ATTENDEE: Access = { checkIn: { target: 'attendee' } };

/**
 * The live Encuentro: set-up (event, ejes, practices, panels, salas), moderator capture,
 * sala synthesis and cross-sala summary, attendance, exports. Live screens (projector,
 * door counts) also listen to the `encuentro.*` events in shared/domain/encuentro-events.ts.
 */
export const encuentroMethods = {
  // ——— Event set-up ———
  'encuentro.list': method<EncuentroSummary[]>('read', ORGANIZER)(z.object({ editionId: id.optional() })),
  /** Event, ejes, practices, panels and salas: everything the set-up screens need. */
  'encuentro.get': method<EncuentroDetail>('read', { moderator: { target: 'encuentro', field: 'id', within: 'encuentro' }, checkIn: { target: 'encuentro', field: 'id' } })(z.object({ id })),
  'encuentro.create': method<EncuentroDetail>('write', ['encuentro'], ORGANIZER)(z.object({ editionId: id, fields: encuentroFields })),
  'encuentro.update': method<EncuentroDetail>('write', ['encuentro'], ORGANIZER)(z.object({ id, fields: encuentroFields })),
  /** The Informe's narrative sections (antecedentes, metodología, palabras de inauguración y de clausura). */
  'encuentro.narrative.get': method<Narrative>('read', ORGANIZER)(z.object({ encuentroId: id })),
  /** Saves the sections given (an empty text removes that section from the Informe). */
  'encuentro.narrative.save': method<Narrative>('write', ['encuentro'], ORGANIZER)(z.object({ encuentroId: id, texts: narrativeTexts })),
  /** Adds the demo Encuentro (the reference report's) unless present; returns its id. */
  'encuentro.ensureDemo': method<{ encuentroId: number }>('write', ['encuentro'], ORGANIZER)(z.object({})),

  'encuentro.ejes.create': method<Eje>('write', ['encuentro'], ORGANIZER)(z.object({ encuentroId: id, fields: ejeFields })),
  'encuentro.ejes.update': method<Eje>('write', ['encuentro'], ORGANIZER)(z.object({ id, fields: ejeFields })),
  /** Refused while practices, panels or salas use the eje. */
  'encuentro.ejes.delete': method<Deleted>('write', ['encuentro'], ORGANIZER)(z.object({ id })),
  'encuentro.ejes.reorder': method<Eje[]>('write', ['encuentro'], ORGANIZER)(z.object({ encuentroId: id, orderedIds: z.array(id) })),

  /** Picks a practice from the edition's entries: region, IGED, title, presenter and cargo are copied; the link is kept. */
  'encuentro.practices.addFromEntry': method<EncuentroPractice>('write', ['encuentro'], ORGANIZER)(practiceFromEntry),
  /** A practice typed by hand (not an entry of the edition). */
  'encuentro.practices.create': method<EncuentroPractice>('write', ['encuentro'], ORGANIZER)(z.object({ encuentroId: id, fields: practiceFields })),
  'encuentro.practices.update': method<EncuentroPractice>('write', ['encuentro'], ORGANIZER)(z.object({ id, fields: practiceFields })),
  /** Refused while the practice has contributions (they are never dropped silently). */
  'encuentro.practices.delete': method<Deleted>('write', ['encuentro'], ORGANIZER)(z.object({ id })),
  'encuentro.practices.reorder': method<EncuentroPractice[]>('write', ['encuentro'], ORGANIZER)(z.object({ encuentroId: id, orderedIds: z.array(id) })),

  'encuentro.panels.create': method<Panel>('write', ['encuentro'], ORGANIZER)(z.object({ encuentroId: id, fields: panelFields })),
  'encuentro.panels.update': method<Panel>('write', ['encuentro'], ORGANIZER)(z.object({ id, fields: panelFields })),
  'encuentro.panels.delete': method<Deleted>('write', ['encuentro'], ORGANIZER)(z.object({ id })),

  'encuentro.salas.create': method<Sala>('write', ['encuentro'], ORGANIZER)(z.object({ encuentroId: id, fields: salaFields })),
  /** A practice that already has contributions in this sala cannot be taken out of it. */
  'encuentro.salas.update': method<Sala>('write', ['encuentro'], ORGANIZER)(z.object({ id, fields: salaFields })),
  /** Refused while the sala has contributions or synthesis items. */
  'encuentro.salas.delete': method<Deleted>('write', ['encuentro'], ORGANIZER)(z.object({ id })),

  // ——— Moderator capture (save as you type) ———
  /**
   * One practice's four blocks × levels: the capture screen and the projector's practice view.
   * Without salaId it answers every sala's contributions: a moderator may (it reads its whole
   * Encuentro), a projector bound to a sala must name it, a projector of one practice may not
   * ask for another.
   */
  'encuentro.matrix': method<PracticeMatrix>('read', { moderator: { target: 'practice', within: 'encuentro' }, projector: { target: 'practice' } })(z.object({ practiceId: id, salaId: id.nullable().optional() })),
  /** Flat list, for the synthesis screen's source picker and the "deleted items" undo list. Only the moderator besides the organizer, who reads its whole Encuentro; no projector screen needs a list. */
  'encuentro.contributions.list': method<Contribution[]>('read', ENCUENTRO_READ)(
    z.object({
      encuentroId: id,
      salaId: id.optional(),
      practiceId: id.optional(),
      deleted: z.enum(['exclude', 'include', 'only']).default('exclude'),
    }),
  ),
  /** Creates the record (durable when it returns) and answers its id; retried creates with the same clientKey return the first. */
  'encuentro.contributions.create': method<Contribution>('write', ['encuentro'], OWN_CAPTURE)(contributionCreate),
  /**
   * A keystroke save: idempotent, durable when it returns. Applied only if `review` is higher
   * than the stored one (or equal with the same text); a late older save answers applied: false
   * and the current record. Every applied change adds a version to the history. With `baseRevision`
   * and `editor`, a save typed on a revision another screen has since replaced is a conflict: not
   * applied, its text kept in the history, answered with `conflict`.
   */
  'encuentro.contributions.updateText': method<ContributionSave>('write', ['encuentro'], OWN_CONTRIBUTION)(z.object({ id, text: contributionText, revision, ...saveBase })),
  /** Files the contribution under another block or level (appended, or after `afterId`). */
  'encuentro.contributions.move': method<Contribution>('write', ['encuentro'], OWN_CONTRIBUTION)(contributionMove),
  'encuentro.contributions.reorder': method<Contribution[]>('write', ['encuentro'], OWN_CAPTURE)(
    z
      .object({ practiceId: id, salaId: id.nullable().optional(), block: contributionBlock, level: contributionLevel, orderedIds: z.array(id) })
      .superRefine(refineBlockLevel),
  ),
  /** Soft delete: undone by `restore`. Synthesis links to it are kept. */
  'encuentro.contributions.delete': method<Contribution>('write', ['encuentro'], OWN_CONTRIBUTION)(z.object({ id })),
  'encuentro.contributions.restore': method<Contribution>('write', ['encuentro'], OWN_CONTRIBUTION)(z.object({ id })),
  /** Every saved text version with its time, newest first. */
  'encuentro.contributions.history': method<ContributionVersion[]>('read', { moderator: { target: 'contribution', within: 'encuentro' } })(z.object({ id })),
  /** Brings a former version back as the current text (itself recorded as a new version). */
  'encuentro.contributions.restoreVersion': method<Contribution>('write', ['encuentro'], OWN_CONTRIBUTION)(z.object({ id, versionId: id })),

  // ——— Sala synthesis (plenary table) ———
  'encuentro.synthesis.get': method<SalaSynthesis>('read', SALA_READ)(z.object({ salaId: id })),
  /** One contribution becomes a synthesis item (text copied unless given), linked to it. Level/axis default from the contribution. */
  'encuentro.synthesis.promote': method<SynthesisItem>('write', ['encuentro'], OWN_SYNTHESIS)(
    z.object({ salaId: id, contributionId: id, level: synthesisLevel.optional(), axis: synthesisAxis.optional(), text: synthesisText.optional() }),
  ),
  /** Several contributions become one item with the given wording, linked to all of them. */
  'encuentro.synthesis.merge': method<SynthesisItem>('write', ['encuentro'], OWN_SYNTHESIS)(
    z.object({ salaId: id, contributionIds: z.array(id).min(1).max(200), level: synthesisLevel, axis: synthesisAxis, text: synthesisText }),
  ),
  /** An item typed directly (no source), or merged into later via setSources. */
  'encuentro.synthesis.createItem': method<SynthesisItem>('write', ['encuentro'], OWN_SYNTHESIS)(
    z.object({ salaId: id, level: synthesisLevel, axis: synthesisAxis, text: synthesisText.default('') }),
  ),
  /** Same revision rule as contributions. */
  'encuentro.synthesis.updateItem': method<{ applied: boolean; item: SynthesisItem; conflict?: TextConflict }>('write', ['encuentro'], OWN_SYNTHESIS_ITEM)(
    z.object({ id, text: synthesisText, revision, ...saveBase }),
  ),
  'encuentro.synthesis.moveItem': method<SynthesisItem>('write', ['encuentro'], OWN_SYNTHESIS_ITEM)(z.object({ id, level: synthesisLevel, axis: synthesisAxis })),
  /** Replaces the item's source links (add or drop contributions of the same sala). */
  'encuentro.synthesis.setSources': method<SynthesisItem>('write', ['encuentro'], OWN_SYNTHESIS_ITEM)(z.object({ id, contributionIds: z.array(id).max(200) })),
  'encuentro.synthesis.reorder': method<SynthesisItem[]>('write', ['encuentro'], OWN_SYNTHESIS)(
    z.object({ salaId: id, level: synthesisLevel, axis: synthesisAxis, orderedIds: z.array(id) }),
  ),
  'encuentro.synthesis.deleteItem': method<SynthesisItem>('write', ['encuentro'], OWN_SYNTHESIS_ITEM)(z.object({ id })),
  'encuentro.synthesis.restoreItem': method<SynthesisItem>('write', ['encuentro'], OWN_SYNTHESIS_ITEM)(z.object({ id })),
  /**
   * draft → review → final; leaving final (reopening) needs a reason, which is recorded. A
   * moderator moves its own sala's draft between draft and review; finalising it, and
   * reopening a final one, are the organizer's (the plenary's table is closed by the organizer).
   */
  'encuentro.synthesis.setStatus': method<SalaSynthesis>('write', ['encuentro'], { moderator: { target: 'salaDraft', only: { status: ['draft', 'review'] } } })(z.object({ salaId: id, status: synthesisStatus, reason: optionalText(2000) })),

  // ——— Cross-sala summary (executive summary) ———
  'encuentro.summary.get': method<EncuentroSummaryTable>('read', ENCUENTRO_READ)(z.object({ encuentroId: id })),
  'encuentro.summary.createItem': method<SummaryItem>('write', ['encuentro'], ORGANIZER)(
    z.object({
      encuentroId: id,
      level: synthesisLevel,
      axis: synthesisAxis,
      text: synthesisText.default(''),
      synthesisItemIds: z.array(id).max(200).default([]),
    }),
  ),
  'encuentro.summary.updateItem': method<{ applied: boolean; item: SummaryItem; conflict?: TextConflict }>('write', ['encuentro'], ORGANIZER)(z.object({ id, text: synthesisText, revision, ...saveBase })),
  /** Texts of a synthesis or summary item kept after conflicting saves (not applied), newest first. */
  'encuentro.synthesis.conflicts': method<ItemConflict[]>('read', { moderator: { target: 'synthesisItem', only: { kind: ['synthesis'] } } })(z.object({ kind: z.enum(['synthesis', 'summary']), id })),
  'encuentro.summary.setSources': method<SummaryItem>('write', ['encuentro'], ORGANIZER)(z.object({ id, synthesisItemIds: z.array(id).max(200) })),
  'encuentro.summary.reorder': method<SummaryItem[]>('write', ['encuentro'], ORGANIZER)(
    z.object({ encuentroId: id, level: synthesisLevel, axis: synthesisAxis, orderedIds: z.array(id) }),
  ),
  'encuentro.summary.deleteItem': method<SummaryItem>('write', ['encuentro'], ORGANIZER)(z.object({ id })),
  'encuentro.summary.restoreItem': method<SummaryItem>('write', ['encuentro'], ORGANIZER)(z.object({ id })),

  // ——— Attendance ———
  /** The registration list (the door desk's, of its own Encuentro); `query` filters ignoring accents and case (name, DNI, institution, cargo, region). */
  'encuentro.attendance.list': method<Attendee[]>('read', DOOR)(
    z.object({ encuentroId: id, query: z.string().max(200).default(''), limit: z.number().int().min(1).max(5000).optional() }),
  ),
  'encuentro.attendance.counts': method<AttendanceCounts>('read', { checkIn: { target: 'encuentro' }, moderator: { target: 'encuentro', within: 'encuentro' } })(z.object({ encuentroId: id })),
  /** Typed registration; `checkIn` registers and checks in a walk-in in one call. */
  'encuentro.attendance.register': method<Attendee>('write', ['encuentro'], DOOR)(
    z.object({ encuentroId: id, fields: attendeeFields, checkIn: z.boolean().default(false) }),
  ),
  'encuentro.attendance.update': method<Attendee>('write', ['encuentro'], DOOR_ATTENDEE)(z.object({ id, fields: attendeeFields })),
  'encuentro.attendance.delete': method<Deleted>('write', ['encuentro'], ORGANIZER)(z.object({ id })),
  /** One call at the door; checking in twice keeps the first time. */
  'encuentro.attendance.checkIn': method<CheckInResult>('write', ['encuentro'], DOOR_ATTENDEE)(z.object({ id })),
  'encuentro.attendance.undoCheckIn': method<CheckInResult>('write', ['encuentro'], DOOR_ATTENDEE)(z.object({ id })),
  /** Reads an .xlsx or .csv roster and says what an import would do. Writes nothing. */
  'encuentro.attendance.previewImport': method<AttendanceImportPreview>('read', ORGANIZER)(uploadedFile.extend({ encuentroId: id })),
  /** Adds the roster's valid rows in one transaction (after a backup); already registered people are skipped. */
  'encuentro.attendance.import': method<AttendanceImportResult>('write', ['encuentro', 'backups'], ORGANIZER)(uploadedFile.extend({ encuentroId: id })),

  // ——— Exports (any time, not only after closing) ———
  /** Every contribution as a row, one sheet per practice (the report's matrices), syntheses, summary, attendance. */
  'encuentro.export.xlsx': method<ExportedFile>('read', ORGANIZER)(z.object({ encuentroId: id })),
  /** The Informe del Encuentro as an editable .docx with the reference report's sections. */
  'encuentro.export.report': method<ExportedFile>('read', ORGANIZER)(z.object({ encuentroId: id })),
};
