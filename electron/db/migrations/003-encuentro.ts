import type { Database } from 'better-sqlite3';

/**
 * The live Encuentro: event, ejes, practices (copied from entries, link kept), panels, salas,
 * contributions with their full text history, sala syntheses and the cross-sala summary with
 * provenance links, attendance. Nothing typed is ever hard-deleted: contributions and synthesis
 * items carry `deleted_at`, and every saved text is kept in contribution_version.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE encuentro (
      id INTEGER PRIMARY KEY,
      edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE RESTRICT,
      name TEXT NOT NULL,
      event_date TEXT NOT NULL DEFAULT '',
      venue TEXT NOT NULL DEFAULT '',
      partners TEXT NOT NULL DEFAULT '',
      is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX encuentro_edition ON encuentro(edition_id);

    CREATE TABLE encuentro_eje (
      id INTEGER PRIMARY KEY,
      encuentro_id INTEGER NOT NULL REFERENCES encuentro(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      position INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX encuentro_eje_encuentro ON encuentro_eje(encuentro_id, position);

    CREATE TABLE encuentro_practice (
      id INTEGER PRIMARY KEY,
      encuentro_id INTEGER NOT NULL REFERENCES encuentro(id) ON DELETE CASCADE,
      eje_id INTEGER REFERENCES encuentro_eje(id) ON DELETE RESTRICT,
      entry_id INTEGER REFERENCES entry(id) ON DELETE SET NULL,
      region TEXT NOT NULL DEFAULT '',
      iged_name TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL,
      year INTEGER,
      presenter TEXT NOT NULL DEFAULT '',
      presenter_cargo TEXT NOT NULL DEFAULT '',
      position INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX encuentro_practice_encuentro ON encuentro_practice(encuentro_id, position);
    CREATE UNIQUE INDEX encuentro_practice_entry ON encuentro_practice(encuentro_id, entry_id) WHERE entry_id IS NOT NULL;

    CREATE TABLE encuentro_panel (
      id INTEGER PRIMARY KEY,
      encuentro_id INTEGER NOT NULL REFERENCES encuentro(id) ON DELETE CASCADE,
      eje_id INTEGER NOT NULL REFERENCES encuentro_eje(id) ON DELETE RESTRICT,
      title TEXT NOT NULL DEFAULT '',
      moderator_name TEXT NOT NULL DEFAULT '',
      moderator_institution TEXT NOT NULL DEFAULT '',
      position INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE encuentro_panel_practice (
      panel_id INTEGER NOT NULL REFERENCES encuentro_panel(id) ON DELETE CASCADE,
      practice_id INTEGER NOT NULL REFERENCES encuentro_practice(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      PRIMARY KEY (panel_id, practice_id)
    ) STRICT;

    CREATE TABLE encuentro_sala (
      id INTEGER PRIMARY KEY,
      encuentro_id INTEGER NOT NULL REFERENCES encuentro(id) ON DELETE CASCADE,
      eje_id INTEGER NOT NULL REFERENCES encuentro_eje(id) ON DELETE RESTRICT,
      name TEXT NOT NULL,
      moderators TEXT NOT NULL DEFAULT '[]',
      synthesis_status TEXT NOT NULL DEFAULT 'borrador' CHECK (synthesis_status IN ('borrador', 'revision', 'final')),
      position INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE encuentro_sala_practice (
      sala_id INTEGER NOT NULL REFERENCES encuentro_sala(id) ON DELETE CASCADE,
      practice_id INTEGER NOT NULL REFERENCES encuentro_practice(id) ON DELETE RESTRICT,
      position INTEGER NOT NULL,
      PRIMARY KEY (sala_id, practice_id)
    ) STRICT;
    CREATE INDEX encuentro_sala_practice_practice ON encuentro_sala_practice(practice_id);

    CREATE TABLE encuentro_contribution (
      id INTEGER PRIMARY KEY,
      encuentro_id INTEGER NOT NULL REFERENCES encuentro(id) ON DELETE CASCADE,
      practice_id INTEGER NOT NULL REFERENCES encuentro_practice(id) ON DELETE RESTRICT,
      sala_id INTEGER REFERENCES encuentro_sala(id) ON DELETE RESTRICT,
      block TEXT NOT NULL CHECK (block IN ('limitantes', 'favorables', 'acciones', 'condiciones')),
      level TEXT NOT NULL,
      text TEXT NOT NULL,
      position INTEGER NOT NULL,
      revision INTEGER NOT NULL DEFAULT 0,
      client_key TEXT,
      deleted_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (
        (block IN ('limitantes', 'favorables') AND level IN ('ugel', 'dre_gre_gr', 'minedu', 'actores_locales'))
        OR (block IN ('acciones', 'condiciones') AND level IN ('ugel', 'dre', 'minedu', 'otros_actores'))
      )
    ) STRICT;
    CREATE INDEX encuentro_contribution_cell ON encuentro_contribution(practice_id, block, level, position);
    CREATE INDEX encuentro_contribution_encuentro ON encuentro_contribution(encuentro_id, sala_id);
    CREATE UNIQUE INDEX encuentro_contribution_client_key ON encuentro_contribution(encuentro_id, client_key) WHERE client_key IS NOT NULL;

    CREATE TABLE encuentro_contribution_version (
      id INTEGER PRIMARY KEY,
      contribution_id INTEGER NOT NULL REFERENCES encuentro_contribution(id) ON DELETE CASCADE,
      revision INTEGER NOT NULL,
      text TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('create', 'edit', 'restore')),
      saved_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX encuentro_contribution_version_contribution ON encuentro_contribution_version(contribution_id, id);

    CREATE TABLE encuentro_synthesis_item (
      id INTEGER PRIMARY KEY,
      sala_id INTEGER NOT NULL REFERENCES encuentro_sala(id) ON DELETE RESTRICT,
      level TEXT NOT NULL CHECK (level IN ('ugel', 'dre_gr', 'minedu', 'otros_actores')),
      axis TEXT NOT NULL CHECK (axis IN ('sostenibilidad', 'replica')),
      text TEXT NOT NULL,
      position INTEGER NOT NULL,
      revision INTEGER NOT NULL DEFAULT 0,
      deleted_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX encuentro_synthesis_item_cell ON encuentro_synthesis_item(sala_id, level, axis, position);

    CREATE TABLE encuentro_synthesis_source (
      item_id INTEGER NOT NULL REFERENCES encuentro_synthesis_item(id) ON DELETE CASCADE,
      contribution_id INTEGER NOT NULL REFERENCES encuentro_contribution(id) ON DELETE RESTRICT,
      position INTEGER NOT NULL,
      PRIMARY KEY (item_id, contribution_id)
    ) STRICT;
    CREATE INDEX encuentro_synthesis_source_contribution ON encuentro_synthesis_source(contribution_id);

    CREATE TABLE encuentro_synthesis_status_log (
      id INTEGER PRIMARY KEY,
      sala_id INTEGER NOT NULL REFERENCES encuentro_sala(id) ON DELETE CASCADE,
      from_status TEXT NOT NULL,
      to_status TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE encuentro_summary_item (
      id INTEGER PRIMARY KEY,
      encuentro_id INTEGER NOT NULL REFERENCES encuentro(id) ON DELETE CASCADE,
      level TEXT NOT NULL CHECK (level IN ('ugel', 'dre_gr', 'minedu', 'otros_actores')),
      axis TEXT NOT NULL CHECK (axis IN ('sostenibilidad', 'replica')),
      text TEXT NOT NULL,
      position INTEGER NOT NULL,
      revision INTEGER NOT NULL DEFAULT 0,
      deleted_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX encuentro_summary_item_cell ON encuentro_summary_item(encuentro_id, level, axis, position);

    CREATE TABLE encuentro_summary_source (
      summary_item_id INTEGER NOT NULL REFERENCES encuentro_summary_item(id) ON DELETE CASCADE,
      synthesis_item_id INTEGER NOT NULL REFERENCES encuentro_synthesis_item(id) ON DELETE RESTRICT,
      position INTEGER NOT NULL,
      PRIMARY KEY (summary_item_id, synthesis_item_id)
    ) STRICT;

    CREATE TABLE encuentro_attendee (
      id INTEGER PRIMARY KEY,
      encuentro_id INTEGER NOT NULL REFERENCES encuentro(id) ON DELETE CASCADE,
      full_name TEXT NOT NULL,
      dni TEXT NOT NULL DEFAULT '' CHECK (dni = '' OR (length(dni) = 8 AND dni NOT GLOB '*[^0-9]*')),
      institution TEXT NOT NULL DEFAULT '',
      institution_type TEXT NOT NULL CHECK (institution_type IN ('dre_gre', 'ugel', 'minedu', 'academia', 'invitado_externo', 'otro')),
      cargo TEXT NOT NULL DEFAULT '',
      region TEXT NOT NULL DEFAULT '',
      search_key TEXT NOT NULL,
      checked_in_at TEXT,
      source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'demo')),
      deleted_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX encuentro_attendee_encuentro ON encuentro_attendee(encuentro_id, institution_type);
    CREATE UNIQUE INDEX encuentro_attendee_dni ON encuentro_attendee(encuentro_id, dni) WHERE dni <> '' AND deleted_at IS NULL;
  `);
}
