import type { Database } from 'better-sqlite3';
import { DRE_GRE } from '../../../shared/domain/regions';
import { foldKey } from '../../../shared/domain/text';
import { execute } from '../query';

/** Editions with their categories, criteria (rubrics) and stages; IGEDs; entries and their status per stage. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE edition (
      id INTEGER PRIMARY KEY,
      year INTEGER NOT NULL,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      lema TEXT NOT NULL DEFAULT '',
      legal_reference TEXT NOT NULL DEFAULT '',
      start_date TEXT NOT NULL DEFAULT '',
      end_date TEXT NOT NULL DEFAULT '',
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
      copied_from_id INTEGER REFERENCES edition(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE category (
      id INTEGER PRIMARY KEY,
      edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      position INTEGER NOT NULL,
      UNIQUE (edition_id, name_key)
    ) STRICT;

    CREATE TABLE criterion (
      id INTEGER PRIMARY KEY,
      edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      weight REAL NOT NULL CHECK (weight > 0),
      scale_min REAL NOT NULL,
      scale_max REAL NOT NULL,
      scale_step REAL NOT NULL CHECK (scale_step > 0),
      independent INTEGER NOT NULL DEFAULT 0 CHECK (independent IN (0, 1)),
      position INTEGER NOT NULL,
      UNIQUE (edition_id, name_key),
      CHECK (scale_min < scale_max)
    ) STRICT;

    CREATE TABLE criterion_level (
      criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
      value REAL NOT NULL,
      label TEXT NOT NULL DEFAULT '',
      descriptor TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (criterion_id, value)
    ) STRICT;

    CREATE TABLE criterion_category (
      criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
      category_id INTEGER NOT NULL REFERENCES category(id) ON DELETE CASCADE,
      PRIMARY KEY (criterion_id, category_id)
    ) STRICT;

    CREATE TABLE stage (
      id INTEGER PRIMARY KEY,
      edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      position INTEGER NOT NULL,
      cutoff REAL CHECK (cutoff IS NULL OR cutoff >= 0),
      UNIQUE (edition_id, name_key)
    ) STRICT;

    CREATE TABLE iged (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('DRE', 'UGEL')),
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      region TEXT NOT NULL,
      dre_id INTEGER REFERENCES iged(id),
      aliases TEXT NOT NULL DEFAULT '[]',
      source TEXT NOT NULL DEFAULT 'app',
      updated_at TEXT NOT NULL,
      CHECK ((kind = 'DRE' AND dre_id IS NULL) OR kind = 'UGEL')
    ) STRICT;
    CREATE INDEX iged_dre ON iged(dre_id);

    CREATE TABLE entry (
      id INTEGER PRIMARY KEY,
      edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      code TEXT NOT NULL,
      iged_id INTEGER REFERENCES iged(id),
      region TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL,
      title_key TEXT NOT NULL,
      category_id INTEGER REFERENCES category(id) ON DELETE RESTRICT,
      start_year INTEGER,
      summary TEXT NOT NULL DEFAULT '',
      problem TEXT NOT NULL DEFAULT '',
      results TEXT NOT NULL DEFAULT '',
      evidence_links TEXT NOT NULL DEFAULT '[]',
      contact_name TEXT NOT NULL DEFAULT '',
      contact_cargo TEXT NOT NULL DEFAULT '',
      contact_email TEXT NOT NULL DEFAULT '',
      contact_phone TEXT NOT NULL DEFAULT '',
      team TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (edition_id, code)
    ) STRICT;
    CREATE INDEX entry_edition ON entry(edition_id, category_id);

    CREATE TABLE entry_stage_status (
      entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
      stage_id INTEGER NOT NULL REFERENCES stage(id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('pendiente', 'pasa', 'no_pasa', 'observada')),
      reason TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (entry_id, stage_id)
    ) STRICT;

    CREATE TABLE app_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);

  const now = new Date().toISOString();
  for (const dre of DRE_GRE) {
    execute(
      db,
      `INSERT INTO iged (code, kind, name, name_key, region, aliases, source, updated_at)
     VALUES (?, 'DRE', ?, ?, ?, ?, 'app', ?)`,
      dre.code, dre.name, foldKey(dre.name), dre.region, JSON.stringify(dre.aliases), now,
    );
  }
}
