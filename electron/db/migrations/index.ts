import type { Database } from 'better-sqlite3';
import { up as initial } from './001-initial';

/**
 * Numbered migrations. Migration N brings the schema from user_version N-1 to N.
 * Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: ReadonlyArray<(db: Database) => void> = [initial];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
