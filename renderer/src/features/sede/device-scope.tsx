import { createContext, useContext, type ReactNode } from 'react';
import type { SessionScope } from '../../../../shared/sede/roles';

/**
 * The scope of the device the app runs on, for the screens the organizer and the devices share
 * (scoring, capture, door, projector): null on the organizer's own computer and on devices invited
 * as organizers, which see everything. A shared screen hides what is not the device's (the
 * Encuentro's set-up links, the exports, other salas): only for clarity, the server refuses anyway.
 */
const DeviceScopeContext = createContext<SessionScope | null>(null);

export function DeviceScopeProvider({ scope, children }: { scope: SessionScope | null; children: ReactNode }) {
  return <DeviceScopeContext.Provider value={scope?.role === 'organizer' ? null : scope}>{children}</DeviceScopeContext.Provider>;
}

/** The device's scope, or null when it is the organizer. */
export function useDeviceScope(): SessionScope | null {
  return useContext(DeviceScopeContext);
}

/** Renders its children only for the organizer (the controls a venue device has no use for). */
export function OrganizerOnly({ children }: { children: ReactNode }) {
  return useDeviceScope() === null ? <>{children}</> : null;
}
