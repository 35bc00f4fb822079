import { z } from 'zod';
import type { AppStatus, BackupInfo } from '../domain/types';
import { method, ORGANIZER } from './define';

export const appMethods = {
  'app.status': method<AppStatus>('read', ORGANIZER)(z.object({})),
  'backups.list': method<BackupInfo[]>('read', ORGANIZER)(z.object({})),
  'backups.create': method<BackupInfo>('write', ['backups'], ORGANIZER)(z.object({})),
  /** Restores a backup; the current file is first kept aside as its own backup. */
  'backups.restore': method<{ restored: string; keptAside: string | null }>('write', ['everything'], ORGANIZER)(z.object({ name: z.string().min(1).max(300) })),
};
