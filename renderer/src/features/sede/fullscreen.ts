import { useEffect } from 'react';

/**
 * A projector device shows its view on the whole screen: a browser enters full screen only from
 * a user's gesture, so the first tap or click on the view does it, and F toggles it (the
 * projector's other keys are digits, arrows, S, P and Space). Esc leaves it, as always.
 */
export function useFullScreenOnGesture(enabled: boolean): void {
  useEffect(() => {
    if (!enabled || typeof document.documentElement.requestFullscreen !== 'function') return;
    const enter = () => {
      if (!document.fullscreenElement) void document.documentElement.requestFullscreen().catch(() => undefined);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'f' && event.key !== 'F') return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      else enter();
    };
    window.addEventListener('pointerdown', enter);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', enter);
      window.removeEventListener('keydown', onKey);
    };
  }, [enabled]);
}
