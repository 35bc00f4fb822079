import type { z } from 'zod';

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
 *  - everything: the whole database is replaced (a restore).
 */
export const DATA_AREAS = ['editions', 'entries', 'reference', 'jury', 'scores', 'results', 'encuentro', 'backups', 'everything'] as const;
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
  /** Never read at run time; carries the output type. */
  readonly __output?: O;
}

type Declare<O> = <I extends z.ZodType>(input: I) => MethodSpec<I, O>;

/** `method<O>('read')(schema)`, or `method<O>('write', ['entries'])(schema)`: a write must say what it changes. */
export function method<O>(kind: 'read'): Declare<O>;
export function method<O>(kind: 'write', changes: readonly [DataArea, ...DataArea[]]): Declare<O>;
export function method<O>(kind: MethodKind, changes: readonly DataArea[] = []): Declare<O> {
  return (input) => ({ input, kind, changes });
}

export type MethodKind = 'read' | 'write';
