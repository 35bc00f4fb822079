import type { WireResult } from '.';

/**
 * The preload bridge, declared once: electron/preload.ts builds it, electron/main.ts answers
 * its channels, and the renderer reads it as `window.bpge` (absent in a browser, where the
 * client speaks HTTP instead). Only types and channel names live here, so the preload bundle
 * pulls in nothing else.
 */
export const BRIDGE_CHANNELS = {
  call: 'bpge:call',
  event: 'bpge:event',
  projector: 'bpge:projector',
} as const;

/** A pushed event (data.changed, Encuentro events), as both transports deliver it. */
export interface ServerEvent {
  name: string;
  payload: unknown;
}

/** What opening the projector window answers. */
export interface ProjectorResult {
  ok: boolean;
  external?: boolean;
  error?: { code: string; message: string };
}

export interface Bridge {
  /** Any contract method; the main side checks the name and the input again (sender frame + zod). */
  call(method: string, input: unknown): Promise<WireResult<unknown>>;
  /** Subscribes to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: ServerEvent) => void): () => void;
  /** Opens (or re-targets) the projector's second window at a #/proyector/… route. */
  openProjector(route: string): Promise<ProjectorResult>;
}
