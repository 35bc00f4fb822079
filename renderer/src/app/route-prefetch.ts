import type { QueryClient } from '@tanstack/react-query';
import { prefetchJuryRoute } from '../features/jury/queries';
import { parseHash } from './router';

/** What this file uses of the Navigation API (Chromium, hence Electron); TypeScript's DOM types lack it. */
interface NavigateEventLike extends Event {
  destination: { url: string };
}

/**
 * Starts the data of the screen being navigated to as soon as the navigation starts (and for
 * the hash the app opens with). The Navigation API's `navigate` event fires synchronously when
 * a link is followed or the hash is set, before the browser queues `hashchange` (which may wait
 * behind other tasks) and before the router re-renders: the request goes out before the old
 * screen unmounts and the new one renders. Without that API, `hashchange` (registered before
 * React renders, so it runs before the router's listener). The screens read the same query
 * keys, so they pick up the request in flight instead of sending another.
 */
export function startRoutePrefetch(queryClient: QueryClient): () => void {
  const prefetch = (hash: string) => {
    const route = parseHash(hash);
    if (route.name === 'scoring') prefetchJuryRoute(queryClient, route);
  };
  prefetch(window.location.hash);
  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) {
    const onNavigate = (event: Event) => prefetch(new URL((event as NavigateEventLike).destination.url).hash);
    navigation.addEventListener('navigate', onNavigate);
    return () => navigation.removeEventListener('navigate', onNavigate);
  }
  const onHashChange = () => prefetch(window.location.hash);
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
