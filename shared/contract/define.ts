import type { z } from 'zod';
import type { RemoteRole } from '../sede/roles';

/**
 * The parts of the app's data a write can change. Each write method declares the ones it
 * changes, beside its kind; the screens that show each part are refreshed from that one
 * declaration whatever screen made the write (renderer/src/app/data-areas.ts), so no hand-kept
 * table of method names can forget one.
 *  - editions: editions and their categories, criteria and stages (shown almost everywhere);
 *  - entries: the entries of an edition and their status per stage;
 *  - reference: DRE/GRE and UGEL reference data;
 *  - jury: jury settings, jurors, panels, conflicts, assignments, stage closing, audit trail;
 *  - scores: score sheets (scores, comments, abstentions, submissions);
 *  - results: decisions taken on the results (tie decisions);
 *  - encuentro: everything of the Encuentro;
 *  - backups: the backup list (a write that takes a backup first says so);
 *  - sede: the venue network: its state, invitations and devices;
 *  - everything: the whole database is replaced (a restore).
 */
export const DATA_AREAS = ['editions', 'entries', 'reference', 'jury', 'scores', 'results', 'encuentro', 'backups', 'sede', 'everything'] as const;
export type DataArea = (typeof DATA_AREAS)[number];

/**
 * A contract method: its zod input schema and, as a phantom type, its output.
 * The same declaration drives the main-side registry, the preload bridge and the
 * renderer client, so a method's shape cannot drift between them.
 */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** 'read' methods never change data: they do not count as activity for backups or events. */
  kind: MethodKind;
  /** What a write changes (never empty); a read changes nothing. */
  changes: readonly DataArea[];
  /** Which roles besides the organizer may call it, and how the server checks the call against the session's scope. */
  access: Access;
  /** Never read at run time; carries the output type. */
  readonly __output?: O;
}

/**
 * The record a remote role's call names, which the server resolves (electron/services/access)
 * to the edition, juror, Encuentro, sala or practice it belongs to and compares with the
 * session's scope. A record that does not exist is refused like one out of scope, so ids
 * cannot be probed. Each target reads fixed input fields (in brackets; `field` renames the first):
 *  - 'none': the call names no record (what it answers is already limited to the session, e.g. «who am I»);
 *  - 'edition' [editionId]: an edition;
 *  - 'jurorStage' [stageId, jurorId]: one juror's work in one stage (worklist, grid, workbook);
 *  - 'ownSheet' [stageId, jurorId, entryId]: one score sheet (the entry must be of the stage's edition);
 *  - 'workbookPreview' [token]: a juror workbook preview awaiting «apply», bound to the juror it was made for;
 *  - 'encuentro' [encuentroId]: an Encuentro;
 *  - 'sala' [salaId]: a sala; 'salaDraft' [salaId]: a sala whose synthesis is not final
 *    (reopening a final synthesis is the organizer's);
 *  - 'practice' [practiceId, salaId?]: a practice, captured or shown in the sala named (salaId
 *    null: no sala; omitted: every sala that lists the practice);
 *  - 'contribution', 'synthesisItem', 'attendee' [id]: the record's Encuentro and sala.
 */
export type Target =
  | 'none'
  | 'edition'
  | 'jurorStage'
  | 'ownSheet'
  | 'workbookPreview'
  | 'encuentro'
  | 'sala'
  | 'salaDraft'
  | 'practice'
  | 'contribution'
  | 'synthesisItem'
  | 'attendee';

export interface Grant {
  target: Target;
  /** The input field that holds the record's id, when it is not the target's usual one. */
  field?: string;
  /** For a moderator: 'encuentro' lets it reach any sala of its Encuentro (reads); by default only its own salas. */
  within?: 'encuentro' | 'sala';
  /** Input fields this role may only set to these values (after the schema's default), e.g. enteredBy 'juror'. */
  only?: { readonly [field: string]: readonly (string | number | boolean)[] };
}

/** Per remote role, the grant; a role not listed is refused. The organizer may call every method. */
export type Access = { readonly [R in RemoteRole]?: Grant };

/** Only the organizer (the app on its own computer, or a device invited as organizer). */
export const ORGANIZER: Access = Object.freeze({});

type Declare<O> = <I extends z.ZodType>(input: I) => MethodSpec<I, O>;

/**
 * `method<O>('read', access)(schema)`, or `method<O>('write', ['entries'], access)(schema)`: a
 * write must say what it changes, and every method who may call it (ORGANIZER when only the
 * organizer may), so a method cannot exist without its rule.
 */
export function method<O>(kind: 'read', access: Access): Declare<O>;
export function method<O>(kind: 'write', changes: readonly [DataArea, ...DataArea[]], access: Access): Declare<O>;
export function method<O>(kind: MethodKind, changesOrAccess: readonly DataArea[] | Access, maybeAccess?: Access): Declare<O> {
  const changes = Array.isArray(changesOrAccess) ? (changesOrAccess as readonly DataArea[]) : [];
  const access = (Array.isArray(changesOrAccess) ? maybeAccess : changesOrAccess) as Access | undefined;
  // The overloads make these compile errors; the checks hold for a caller that got past the types.
  if (!access) throw new Error(`A contract method must declare who may call it (${kind})`);
  if (kind === 'write' && changes.length === 0) throw new Error('A write method must declare what it changes');
  return (input) => ({ input, kind, changes, access });
}

export type MethodKind = 'read' | 'write';
