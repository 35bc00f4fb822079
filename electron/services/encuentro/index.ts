import type { AppContext } from '../context';

/** Encuentro services; grows with shared/contract/encuentro.ts. */
export function encuentroHandlers(_ctx: AppContext) {
  return {};
}
