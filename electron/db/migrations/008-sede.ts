import type { Database } from 'better-sqlite3';

/**
 * «Modo sede»: invitations and the devices that joined with them (README, «Modo sede»).
 *
 * sede_invitation: one per person or device the organizer invites.
 *   code_hash: SHA-256 (hex) of the normalised code; the code itself is shown once and never stored;
 *   scope: the role and what it is bound to, as JSON (shared/sede/roles.ts sessionScope);
 *   used_at/device_id: when it was redeemed and the device it became (single use);
 *   cancelled_at: the organizer withdrew it before it was used.
 * sede_device: a device with its own session.
 *   token_hash: SHA-256 (hex) of the session cookie's value, so the hub can restart without
 *     logging anyone out while the database alone does not give away a usable session;
 *   last_seen_at/last_address: updated at most once a minute per device (not on every request);
 *   revoked_at/revoked_reason: the organizer revoked it, or the device left («Salir»).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE sede_device (
      id INTEGER PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      scope TEXT NOT NULL,
      created_at TEXT NOT NULL,
      last_seen_at TEXT,
      last_address TEXT,
      revoked_at TEXT,
      revoked_reason TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE sede_invitation (
      id INTEGER PRIMARY KEY,
      code_hash TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      scope TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT,
      cancelled_at TEXT,
      device_id INTEGER REFERENCES sede_device(id) ON DELETE SET NULL
    ) STRICT;
  `);
}
