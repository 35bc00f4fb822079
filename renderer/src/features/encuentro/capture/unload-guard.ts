import { flushAll, unsavedCount } from './capture-stores';

/**
 * Save what is pending when the page is hidden. In a plain browser (served from a hub), ask before
 * closing while lines have not reached the hub: the local journal keeps them on this laptop and
 * the next page sends them, but only if this browser opens the app again. Electron asks nothing:
 * its service is in the same app, so the journal is replayed at the next start (App.tsx).
 */
export function installUnloadGuard(): () => void {
  const onHide = () => flushAll();
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    flushAll();
    if (!window.bpge && unsavedCount() > 0) event.preventDefault();
  };
  const onHash = () => flushAll();
  window.addEventListener('pagehide', onHide);
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('hashchange', onHash);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    window.removeEventListener('pagehide', onHide);
    window.removeEventListener('beforeunload', onBeforeUnload);
    window.removeEventListener('hashchange', onHash);
    document.removeEventListener('visibilitychange', onHide);
  };
}
