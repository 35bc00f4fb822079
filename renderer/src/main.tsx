import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadTableScreens } from './app/lazy-screens';
import { startRoutePrefetch } from './app/route-prefetch';
import { parseHash } from './app/router';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

startRoutePrefetch(queryClient);
// The grid's and the entries list's chunks, from the start: they arrive and compile (off the main
// thread) while the app waits for its first answers, so either screen opens without waiting for
// them. The projector window shows neither.
if (parseHash(window.location.hash).name !== 'projector') preloadTableScreens();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
