import type { Database } from 'better-sqlite3';
import { seedBuiltinUgels } from '../../services/reference/builtin-ugels';

/**
 * Seeds the built-in list of UGELs (resources/reference/ugel-2024.csv) as iged rows with
 * source 'builtin', each under its DRE/GRE. No schema change: iged.source already tells where
 * a row came from ('app' for the shipped DRE/GRE, 'demo', 'import' for an ESCALE padrón).
 * UGELs the database already has (by code, or by name under the same DRE/GRE) are kept as they are.
 */
export function up(db: Database): void {
  seedBuiltinUgels(db, new Date().toISOString());
}
