import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/**
 * Query keys: 'sede' for the organizer's venue screen (refreshed by every write of the 'sede'
 * area, from this window or pushed by the hub); the device's own session («who am I») keeps a
 * root of its own, read once at start and again after joining.
 */
export const sedeKeys = {
  all: ['sede'] as const,
  status: ['sede', 'status'] as const,
  interfaces: ['sede', 'interfaces'] as const,
  invitations: ['sede', 'invitations'] as const,
  devices: ['sede', 'devices'] as const,
  whoami: ['sedeSession'] as const,
};

export function useSedeStatus() {
  return useQuery({ queryKey: sedeKeys.status, queryFn: () => call('sede.status', {}) });
}

export function useNetworkInterfaces() {
  return useQuery({ queryKey: sedeKeys.interfaces, queryFn: () => call('sede.interfaces', {}) });
}

export function useInvitations() {
  return useQuery({ queryKey: sedeKeys.invitations, queryFn: () => call('sede.invitations.list', {}) });
}

export function useDevices() {
  return useQuery({ queryKey: sedeKeys.devices, queryFn: () => call('sede.devices.list', {}) });
}

/** The device's own session (not asked by the desktop window, which is always the organizer). */
export function useWhoAmI(enabled: boolean) {
  return useQuery({ queryKey: sedeKeys.whoami, queryFn: () => call('sede.whoami', {}), staleTime: Infinity, enabled });
}
