import type { z } from 'zod';

/**
 * A contract method: its zod input schema and, as a phantom type, its output.
 * The same declaration drives the main-side registry, the preload bridge and the
 * renderer client, so a method's shape cannot drift between them.
 */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Never read at run time; carries the output type. */
  readonly __output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
}

/** Marks methods that change data: they trigger the activity backup and cache invalidation. */
export type MethodKind = 'read' | 'write';
