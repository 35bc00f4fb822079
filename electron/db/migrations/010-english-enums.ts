import type { Database } from 'better-sqlite3';
import {
  LEGACY_CONTRIBUTION_BLOCK,
  LEGACY_ENTRY_STATUS,
  LEGACY_IGED_KIND,
  LEGACY_INSTITUTION_TYPE,
  LEGACY_LEVEL,
  LEGACY_NARRATIVE_SECTION,
  LEGACY_ROLE,
  LEGACY_SYNTHESIS_AXIS,
  LEGACY_SYNTHESIS_STATUS,
} from '../../../shared/domain/legacy-values';

/**
 * Stored enumerations become English camelCase identifiers, like the code that reads them, and
 * acronyms lower case (shared/domain/legacy-values.ts has the old → new maps).
 *
 * A CHECK cannot be changed in place, so each table whose CHECK names the old words is rebuilt
 * the way SQLite documents (create the new table, copy with the values mapped, drop the old one,
 * rename, recreate its indexes). Several of them are parents (a sala of its contributions, a
 * contribution of its versions, an item of its sources): with foreign keys on, dropping the old
 * table would delete — or refuse to delete — its children, so this migration declares
 * `rebuildsTables` and the runner (open.ts) runs it with foreign keys off and checks them all
 * before committing.
 *
 * Values without a CHECK are mapped in place: the status history of the syntheses, the role of
 * each recorded actor, and the role inside each sede invitation's and device's scope (a device
 * that joined before keeps its session and its rights). audit_log is NOT touched: its rows are
 * keyed and chained, so they keep the role they recorded, and readers map it
 * (shared/domain/recorded-actor.ts).
 *
 * An unknown value is copied as it is, so the new CHECK refuses it and the whole migration rolls
 * back: nothing is ever dropped silently.
 */
export function up(db: Database): void {
  if (db.pragma('foreign_keys', { simple: true }) !== 0) throw new Error('migration 010 must run with foreign keys off (rebuildsTables)');

  rebuild(db, 'iged', IGED, { kind: LEGACY_IGED_KIND });
  rebuild(db, 'entry_stage_status', ENTRY_STAGE_STATUS, { status: LEGACY_ENTRY_STATUS });
  rebuild(db, 'encuentro_sala', ENCUENTRO_SALA, { synthesis_status: LEGACY_SYNTHESIS_STATUS });
  rebuild(db, 'encuentro_contribution', ENCUENTRO_CONTRIBUTION, { block: LEGACY_CONTRIBUTION_BLOCK, level: LEGACY_LEVEL });
  rebuild(db, 'encuentro_synthesis_item', ENCUENTRO_SYNTHESIS_ITEM, { level: LEGACY_LEVEL, axis: LEGACY_SYNTHESIS_AXIS });
  rebuild(db, 'encuentro_summary_item', ENCUENTRO_SUMMARY_ITEM, { level: LEGACY_LEVEL, axis: LEGACY_SYNTHESIS_AXIS });
  rebuild(db, 'encuentro_attendee', ENCUENTRO_ATTENDEE, { institution_type: LEGACY_INSTITUTION_TYPE });
  rebuild(db, 'encuentro_narrative', ENCUENTRO_NARRATIVE, { section: LEGACY_NARRATIVE_SECTION });

  mapInPlace(db, 'encuentro_synthesis_status_log', { from_status: LEGACY_SYNTHESIS_STATUS, to_status: LEGACY_SYNTHESIS_STATUS, actor_role: LEGACY_ROLE });
  mapInPlace(db, 'encuentro_contribution_version', { actor_role: LEGACY_ROLE });
  mapInPlace(db, 'encuentro_attendee', { registered_role: LEGACY_ROLE, checked_in_role: LEGACY_ROLE });
  mapInPlace(db, 'encuentro_item_conflict', { actor_role: LEGACY_ROLE });
  for (const table of ['sede_device', 'sede_invitation']) {
    db.exec(`UPDATE ${table} SET scope = json_set(scope, '$.role', ${caseOf(`json_extract(scope, '$.role')`, LEGACY_ROLE)})
             WHERE json_valid(scope) AND json_extract(scope, '$.role') IN (${quotedKeys(LEGACY_ROLE)})`);
  }
}

/** Read by the migration runner: run with foreign keys off, check them before committing. */
up.rebuildsTables = true as const;

type ValueMap = Readonly<Record<string, string>>;

const quote = (value: string): string => `'${value.replaceAll("'", "''")}'`;
const quotedKeys = (map: ValueMap): string => Object.keys(map).map(quote).join(', ');

function caseOf(expression: string, map: ValueMap): string {
  const whens = Object.entries(map).map(([from, to]) => `WHEN ${quote(from)} THEN ${quote(to)}`);
  return `CASE ${expression} ${whens.join(' ')} ELSE ${expression} END`;
}

function mapInPlace(db: Database, table: string, columns: Readonly<Record<string, ValueMap>>): void {
  for (const [column, map] of Object.entries(columns)) {
    db.exec(`UPDATE ${table} SET ${column} = ${caseOf(column, map)} WHERE ${column} IN (${quotedKeys(map)})`);
  }
}

interface TableSchema {
  /** The CREATE TABLE statement for `new_<name>`, columns in the order of the table it replaces. */
  create: string;
  indexes: readonly string[];
}

function rebuild(db: Database, table: string, schema: TableSchema, mapped: Readonly<Record<string, ValueMap>>): void {
  const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
  const selected = columns.map((column) => (mapped[column] ? `${caseOf(column, mapped[column])}` : column));
  db.exec(schema.create);
  db.exec(`INSERT INTO new_${table} (${columns.join(', ')}) SELECT ${selected.join(', ')} FROM ${table}`);
  db.exec(`DROP TABLE ${table}`);
  db.exec(`ALTER TABLE new_${table} RENAME TO ${table}`);
  for (const index of schema.indexes) db.exec(index);
}

const IGED: TableSchema = {
  create: `
    CREATE TABLE new_iged (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('dre', 'ugel')),
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      region TEXT NOT NULL,
      dre_id INTEGER REFERENCES iged(id),
      aliases TEXT NOT NULL DEFAULT '[]',
      source TEXT NOT NULL DEFAULT 'app',
      updated_at TEXT NOT NULL,
      CHECK ((kind = 'dre' AND dre_id IS NULL) OR kind = 'ugel')
    ) STRICT`,
  indexes: [`CREATE INDEX iged_dre ON iged(dre_id)`],
};

const ENTRY_STAGE_STATUS: TableSchema = {
  create: `
    CREATE TABLE new_entry_stage_status (
      entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
      stage_id INTEGER NOT NULL REFERENCES stage(id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('pending', 'passed', 'notPassed', 'observed')),
      reason TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (entry_id, stage_id)
    ) STRICT`,
  indexes: [],
};

const ENCUENTRO_SALA: TableSchema = {
  create: `
    CREATE TABLE new_encuentro_sala (
      id INTEGER PRIMARY KEY,
      encuentro_id INTEGER NOT NULL REFERENCES encuentro(id) ON DELETE CASCADE,
      eje_id INTEGER NOT NULL REFERENCES encuentro_eje(id) ON DELETE RESTRICT,
      name TEXT NOT NULL,
      moderators TEXT NOT NULL DEFAULT '[]',
      synthesis_status TEXT NOT NULL DEFAULT 'draft' CHECK (synthesis_status IN ('draft', 'review', 'final')),
      position INTEGER NOT NULL
    ) STRICT`,
  indexes: [],
};

const ENCUENTRO_CONTRIBUTION: TableSchema = {
  create: `
    CREATE TABLE new_encuentro_contribution (
      id INTEGER PRIMARY KEY,
      encuentro_id INTEGER NOT NULL REFERENCES encuentro(id) ON DELETE CASCADE,
      practice_id INTEGER NOT NULL REFERENCES encuentro_practice(id) ON DELETE RESTRICT,
      sala_id INTEGER REFERENCES encuentro_sala(id) ON DELETE RESTRICT,
      block TEXT NOT NULL CHECK (block IN ('limiting', 'enabling', 'actions', 'conditions')),
      level TEXT NOT NULL,
      text TEXT NOT NULL,
      position INTEGER NOT NULL,
      revision INTEGER NOT NULL DEFAULT 0,
      client_key TEXT,
      deleted_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      editor TEXT,
      CHECK (
        (block IN ('limiting', 'enabling') AND level IN ('ugel', 'dreGreGr', 'minedu', 'localActors'))
        OR (block IN ('actions', 'conditions') AND level IN ('ugel', 'dre', 'minedu', 'otherActors'))
      )
    ) STRICT`,
  indexes: [
    `CREATE INDEX encuentro_contribution_cell ON encuentro_contribution(practice_id, block, level, position)`,
    `CREATE INDEX encuentro_contribution_encuentro ON encuentro_contribution(encuentro_id, sala_id)`,
    `CREATE UNIQUE INDEX encuentro_contribution_client_key ON encuentro_contribution(encuentro_id, client_key) WHERE client_key IS NOT NULL`,
  ],
};

/** The sala synthesis and the Encuentro summary items: the same levels × axes matrix under another parent. */
function matrixItemTable(table: string, parent: string): TableSchema {
  const parentColumn = parent.split(' ')[0];
  return {
    create: `
    CREATE TABLE new_${table} (
      id INTEGER PRIMARY KEY,
      ${parent},
      level TEXT NOT NULL CHECK (level IN ('ugel', 'dreGr', 'minedu', 'otherActors')),
      axis TEXT NOT NULL CHECK (axis IN ('sustainability', 'replication')),
      text TEXT NOT NULL,
      position INTEGER NOT NULL,
      revision INTEGER NOT NULL DEFAULT 0,
      deleted_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      editor TEXT
    ) STRICT`,
    indexes: [`CREATE INDEX ${table}_cell ON ${table}(${parentColumn}, level, axis, position)`],
  };
}

const ENCUENTRO_SYNTHESIS_ITEM = matrixItemTable('encuentro_synthesis_item', 'sala_id INTEGER NOT NULL REFERENCES encuentro_sala(id) ON DELETE RESTRICT');
const ENCUENTRO_SUMMARY_ITEM = matrixItemTable('encuentro_summary_item', 'encuentro_id INTEGER NOT NULL REFERENCES encuentro(id) ON DELETE CASCADE');

const ENCUENTRO_ATTENDEE: TableSchema = {
  create: `
    CREATE TABLE new_encuentro_attendee (
      id INTEGER PRIMARY KEY,
      encuentro_id INTEGER NOT NULL REFERENCES encuentro(id) ON DELETE CASCADE,
      full_name TEXT NOT NULL,
      dni TEXT NOT NULL DEFAULT '' CHECK (dni = '' OR (length(dni) = 8 AND dni NOT GLOB '*[^0-9]*')),
      institution TEXT NOT NULL DEFAULT '',
      institution_type TEXT NOT NULL CHECK (institution_type IN ('dreGre', 'ugel', 'minedu', 'academic', 'externalGuest', 'other')),
      cargo TEXT NOT NULL DEFAULT '',
      region TEXT NOT NULL DEFAULT '',
      search_key TEXT NOT NULL,
      checked_in_at TEXT,
      source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'demo')),
      deleted_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      registered_device_id INTEGER,
      registered_name TEXT,
      registered_role TEXT,
      checked_in_device_id INTEGER,
      checked_in_name TEXT,
      checked_in_role TEXT
    ) STRICT`,
  indexes: [
    `CREATE INDEX encuentro_attendee_encuentro ON encuentro_attendee(encuentro_id, institution_type)`,
    `CREATE UNIQUE INDEX encuentro_attendee_dni ON encuentro_attendee(encuentro_id, dni) WHERE dni <> '' AND deleted_at IS NULL`,
  ],
};

const ENCUENTRO_NARRATIVE: TableSchema = {
  create: `
    CREATE TABLE new_encuentro_narrative (
      encuentro_id INTEGER NOT NULL REFERENCES encuentro(id) ON DELETE CASCADE,
      section TEXT NOT NULL CHECK (section IN ('background', 'methodology', 'opening', 'closing')),
      text TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (encuentro_id, section)
    ) STRICT`,
  indexes: [],
};
