import type { Database } from 'better-sqlite3';

/**
 * Who did what, and concurrent edits that must not overwrite each other («Modo sede»).
 *
 * Each actor is three columns: the device's id and name (both NULL for the organizer's own
 * computer) and its role; a role NULL means the row predates this migration (unknown actor).
 *
 * audit_log: `format` 2 rows carry the device columns inside their keyed hash (chain.ts); rows
 * written before (format NULL) keep their original canonical form, so they still verify.
 *
 * `editor` on the editable texts: an opaque token of the screen (page) that last wrote the text.
 * A save based on an older revision than the stored one, from another screen, is a conflict:
 * its text is kept (contribution history marked as conflict, or encuentro_item_conflict for
 * synthesis and summary items) and the stored one stays.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE audit_log ADD COLUMN format INTEGER;
    ALTER TABLE audit_log ADD COLUMN device_id INTEGER;
    ALTER TABLE audit_log ADD COLUMN device_name TEXT;
    ALTER TABLE audit_log ADD COLUMN device_role TEXT;

    ALTER TABLE encuentro_contribution ADD COLUMN editor TEXT;
    ALTER TABLE encuentro_contribution_version ADD COLUMN actor_device_id INTEGER;
    ALTER TABLE encuentro_contribution_version ADD COLUMN actor_name TEXT;
    ALTER TABLE encuentro_contribution_version ADD COLUMN actor_role TEXT;
    ALTER TABLE encuentro_contribution_version ADD COLUMN conflict INTEGER NOT NULL DEFAULT 0 CHECK (conflict IN (0, 1));

    ALTER TABLE encuentro_attendee ADD COLUMN registered_device_id INTEGER;
    ALTER TABLE encuentro_attendee ADD COLUMN registered_name TEXT;
    ALTER TABLE encuentro_attendee ADD COLUMN registered_role TEXT;
    ALTER TABLE encuentro_attendee ADD COLUMN checked_in_device_id INTEGER;
    ALTER TABLE encuentro_attendee ADD COLUMN checked_in_name TEXT;
    ALTER TABLE encuentro_attendee ADD COLUMN checked_in_role TEXT;

    ALTER TABLE encuentro_synthesis_status_log ADD COLUMN actor_device_id INTEGER;
    ALTER TABLE encuentro_synthesis_status_log ADD COLUMN actor_name TEXT;
    ALTER TABLE encuentro_synthesis_status_log ADD COLUMN actor_role TEXT;

    ALTER TABLE encuentro_synthesis_item ADD COLUMN editor TEXT;
    ALTER TABLE encuentro_summary_item ADD COLUMN editor TEXT;

    -- A synthesis or summary text that lost against another screen's save: kept, never applied.
    CREATE TABLE encuentro_item_conflict (
      id INTEGER PRIMARY KEY,
      item_kind TEXT NOT NULL CHECK (item_kind IN ('synthesis', 'summary')),
      item_id INTEGER NOT NULL,
      base_revision INTEGER NOT NULL,
      text TEXT NOT NULL,
      actor_device_id INTEGER,
      actor_name TEXT,
      actor_role TEXT,
      saved_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX encuentro_item_conflict_item ON encuentro_item_conflict(item_kind, item_id, id);
  `);
}
