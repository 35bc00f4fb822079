import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

type Tone = 'info' | 'error';

interface Announcer {
  /** Shows a short status message and reads it out to screen-reader users. */
  announce(message: string, tone?: Tone): void;
}

const AnnouncerContext = createContext<Announcer | null>(null);

const VISIBLE_MS = 6000;

/**
 * One polite live region for the whole app. It is always in the page (a live region added
 * together with its text is often not read), and the message stays visible for a while.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; tone: Tone } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const announce = useCallback((text: string, tone: Tone = 'info') => {
    window.clearTimeout(timer.current);
    setMessage({ text, tone });
    timer.current = window.setTimeout(() => setMessage(null), VISIBLE_MS);
  }, []);
  const value = useMemo(() => ({ announce }), [announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className={`toast${message ? ` toast-${message.tone}` : ''}`} role="status" aria-live="polite" aria-atomic="true">
        {message?.text ?? ''}
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): Announcer['announce'] {
  const value = useContext(AnnouncerContext);
  if (!value) throw new Error('AnnouncerProvider missing');
  return value.announce;
}
