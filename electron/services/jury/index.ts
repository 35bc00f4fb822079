import type { AppContext } from '../context';

/** Jury scoring services; grows with shared/contract/jury.ts. */
export function juryHandlers(_ctx: AppContext) {
  return {};
}
