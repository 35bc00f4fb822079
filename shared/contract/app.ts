import { z } from 'zod';
import type { AppStatus, BackupInfo } from '../domain/types';
import { method, ORGANIZER, type Access } from './define';

/** Every device's app shell asks it first (is the database ready?); remote roles get it without the file's path (electron/services/access/status.ts). */
const EVERY_ROLE: Access = { juror: { target: 'none' }, moderator: { target: 'none' }, checkIn: { target: 'none' }, projector: { target: 'none' } };

export const appMethods = {
  'app.status': method<AppStatus>('read', EVERY_ROLE)(z.object({})),
  'backups.list': method<BackupInfo[]>('read', ORGANIZER)(z.object({})),
  'backups.create': method<BackupInfo>('write', ['backups'], ORGANIZER)(z.object({})),
  /** Restores a backup; the current file is first kept aside as its own backup. */
  'backups.restore': method<{ restored: string; keptAside: string | null }>('write', ['everything'], ORGANIZER)(z.object({ name: z.string().min(1).max(300) })),
};
