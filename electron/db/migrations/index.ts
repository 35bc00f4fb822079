import type { Database } from 'better-sqlite3';
import { up as initial } from './001-initial';
import { up as jury } from './002-jury';
import { up as encuentro } from './003-encuentro';
import { up as juryRules } from './004-jury-rules';
import { up as auditKeyed } from './005-audit-keyed';
import { up as builtinUgels } from './006-builtin-ugels';
import { up as encuentroNarrative } from './007-encuentro-narrative';
import { up as sede } from './008-sede';
import { up as whoAndConflicts } from './009-who-and-conflicts';
import { up as englishEnums } from './010-english-enums';

/**
 * One schema step. A step that rebuilds tables (new table, copy, drop, rename) declares
 * `rebuildsTables`: the runner then turns foreign keys off around its transaction, so dropping a
 * parent table neither deletes nor blocks on its children, and checks every key before committing.
 */
export interface Migration {
  (db: Database): void;
  readonly rebuildsTables?: boolean;
}

/**
 * Numbered migrations. Migration N brings the schema from user_version N-1 to N.
 * Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: ReadonlyArray<Migration> = [initial, jury, encuentro, juryRules, auditKeyed, builtinUgels, encuentroNarrative, sede, whoAndConflicts, englishEnums];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
