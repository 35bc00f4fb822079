import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The screen's h1. It takes focus when a screen opens after navigation, so keyboard and
 * screen-reader users start at the top of the new content instead of on the old link.
 */
// The first screen after start-up keeps the browser's natural focus (top of the page).
let firstScreenShown = false;

export function ScreenTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!firstScreenShown) {
      firstScreenShown = true;
      return;
    }
    const active = document.activeElement;
    const cameFromNavigation = !active || active === document.body || active.closest('nav') !== null;
    if (cameFromNavigation) ref.current?.focus();
  }, []);
  return (
    <div className="screen-title">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {actions && <div className="screen-actions">{actions}</div>}
    </div>
  );
}
