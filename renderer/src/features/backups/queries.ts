import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

export const backupKeys = {
  all: ['backups'] as const,
  list: ['backups', 'list'] as const,
};

export const appKeys = { status: ['app', 'status'] as const };

export function useBackups() {
  return useQuery({ queryKey: backupKeys.list, queryFn: () => call('backups.list', {}) });
}

export function useAppStatus() {
  return useQuery({ queryKey: appKeys.status, queryFn: () => call('app.status', {}) });
}
