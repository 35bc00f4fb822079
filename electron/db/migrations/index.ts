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

/**
 * Numbered migrations. Migration N brings the schema from user_version N-1 to N.
 * Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: ReadonlyArray<(db: Database) => void> = [initial, jury, encuentro, juryRules, auditKeyed, builtinUgels, encuentroNarrative, sede, whoAndConflicts];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
