import type { QueryClient } from '@tanstack/react-query';
import { prefetchJuryRoute } from '../features/jury/queries';
import { parseHash } from './router';

/**
 * Starts the data of the screen being navigated to on `hashchange` (and for the hash the app
 * opens with). Registered before React renders, so this listener runs before the router's: the
 * request goes out before the old screen unmounts and the new one renders. The screens read the
 * same query keys, so they pick up the request in flight instead of sending another.
 */
export function startRoutePrefetch(queryClient: QueryClient): () => void {
  const prefetch = () => {
    const route = parseHash(window.location.hash);
    if (route.name === 'scoring') prefetchJuryRoute(queryClient, route);
  };
  prefetch();
  window.addEventListener('hashchange', prefetch);
  return () => window.removeEventListener('hashchange', prefetch);
}
