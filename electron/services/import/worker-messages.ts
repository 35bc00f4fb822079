import type { ParseOutcome } from './file/parse-types';
import type { WireBatch } from './wire-strings';

/** What a spare parser worker posts once its parsers are loaded (before it is given a file). */
export const READY = 'parser-ready';

/**
 * What a worker posts while it reads a file, in this order: for each sheet, `sheet` then its
 * rows in `rows` batches (so the worker keeps none of them, and the main side can start on
 * them while the rest is read; long strings travel once: wire-strings.ts); finally `done`, whose sheets carry no rows of their own.
 */
export type WorkerMessage =
  | typeof READY
  | { type: 'sheet'; name: string }
  | ({ type: 'rows' } & WireBatch)
  | { type: 'done'; outcome: ParseOutcome };
