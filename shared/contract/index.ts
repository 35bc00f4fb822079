import type { z } from 'zod';
import type { AppError } from '../errors';
import { appMethods } from './app';
import { resultsMethods } from './results';
import { editionMethods } from './editions';
import { entryMethods } from './entries';
import { importMethods } from './imports';
import { encuentroMethods } from './encuentro';
import { juryMethods } from './jury';
import { referenceMethods } from './reference';
import { sedeMethods } from './sede';
import type { DataArea, MethodSpec } from './define';

/** Every method the renderer can call, by name `feature.verb`. */
export const contract = {
  ...appMethods,
  ...editionMethods,
  ...referenceMethods,
  ...entryMethods,
  ...importMethods,
  ...juryMethods,
  ...encuentroMethods,
  ...resultsMethods,
  ...sedeMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type MethodArgs<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export type Handlers = {
  [M in MethodName]: (input: MethodArgs<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** Methods that only read: everything else counts as activity (periodic backup, change events). */
export const READ_ONLY_METHODS: ReadonlySet<MethodName> = new Set(
  (Object.keys(contract) as MethodName[]).filter((name) => contract[name].kind === 'read'),
);

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export { DATA_AREAS, type DataArea } from './define';

/** What a method changes, as its declaration says ([] for a read); null for an unknown name. */
export function changesOf(name: string): readonly DataArea[] | null {
  return isMethodName(name) ? contract[name].changes : null;
}

/** The wire format of an error, on both transports. */
export interface WireError {
  code: string;
  message: string;
  details?: unknown;
}

export type WireResult<T> = { ok: true; result: T } | { ok: false; error: WireError };

/** A refusal as it travels: the same shape from the registry and from the HTTP transport's own early refusals. */
export function failure(error: AppError): { ok: false; error: WireError } {
  return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
}
