import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

const STORAGE_KEY = 'bpge.currentEdition';

interface CurrentEdition {
  /** The edition the user chose, or null before any choice (screens then pick the newest). */
  editionId: number | null;
  setEditionId(id: number | null): void;
}

const CurrentEditionContext = createContext<CurrentEdition | null>(null);

function readStored(): number | null {
  try {
    const value = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

/** Remembers the working edition across sessions (localStorage), as organizers work on one at a time. */
export function CurrentEditionProvider({ children }: { children: ReactNode }) {
  const [editionId, setState] = useState<number | null>(readStored);
  const setEditionId = useCallback((id: number | null) => {
    setState(id);
    try {
      if (id === null) window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, String(id));
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this session only.
    }
  }, []);
  const value = useMemo(() => ({ editionId, setEditionId }), [editionId, setEditionId]);
  return <CurrentEditionContext.Provider value={value}>{children}</CurrentEditionContext.Provider>;
}

export function useCurrentEditionChoice(): CurrentEdition {
  const value = useContext(CurrentEditionContext);
  if (!value) throw new Error('CurrentEditionProvider missing');
  return value;
}
