/**
 * What the sede services need from the hub that owns the venue listener (electron/server/hub.ts).
 * An interface so that the services stay plain Node with no server or Electron import: the
 * desktop app and `npm run serve` attach their hub (Services.attachHub); without one, starting
 * the mode is refused with a message and the status says it is off.
 */
export interface HubState {
  on: boolean;
  address: string | null;
  port: number | null;
  url: string | null;
  https: boolean;
}

export interface HubStartOptions {
  address: string;
  port: number;
  tls?: { certPem: string; keyPem: string };
}

export interface HubController {
  state(): HubState;
  /** Opens (or moves) the venue listener; refusals are AppErrors with a Spanish message. */
  start(options: HubStartOptions): Promise<void>;
  /** Closes the venue listener and every connection it holds. */
  stop(): Promise<void>;
  /** Whether the device has an open event stream. */
  isConnected(deviceId: number): boolean;
  /** Closes every open connection of the device (its session is already revoked). */
  disconnect(deviceId: number): void;
  /** Closes every device's open event stream (the database was replaced: each reconnects and is checked again). */
  disconnectAll(): void;
}

export const OFF: HubState = Object.freeze({ on: false, address: null, port: null, url: null, https: false });

/** The port the venue listener takes when the organizer does not choose one. */
export const DEFAULT_VENUE_PORT = 5317;
