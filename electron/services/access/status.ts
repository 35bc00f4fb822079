import path from 'node:path';
import type { AppStatus } from '../../../shared/domain/types';
import type { Actor } from '../../../shared/sede/roles';

/**
 * What app.status tells a venue device: whether the database is usable, not where the
 * organizer keeps it (the folder names the computer's user) nor the backup troubles that only
 * the organizer can act on.
 */
export function statusFor(actor: Actor, status: AppStatus): AppStatus {
  if (actor.scope.role === 'organizer') return status;
  const dbPath = path.basename(status.dbPath);
  return status.state === 'ready' ? { ...status, dbPath, backupFailure: null } : { ...status, dbPath };
}
