import type { z } from 'zod';

/**
 * A contract method: its zod input schema and, as a phantom type, its output.
 * The same declaration drives the main-side registry, the preload bridge and the
 * renderer client, so a method's shape cannot drift between them.
 */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** 'read' methods never change data: they do not count as activity for backups or events. */
  kind: MethodKind;
  /** Never read at run time; carries the output type. */
  readonly __output?: O;
}

export function method<O>(kind: MethodKind = 'write') {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input, kind });
}

export type MethodKind = 'read' | 'write';
