import { lazy } from 'react';

/**
 * The two screens built on TanStack Table and Virtual (the scoring grid and the entries list)
 * are loaded as chunks of their own, which the app fetches in the background as soon as its
 * first screen is up (preloadTableScreens). Why: run for the first time, their code (TanStack's
 * table and virtualizer cores, the grid) had ≈ 230 functions compiled on the main thread in the
 * middle of the grid's first view. Chunks other than the entry carry V8's compile hint
 * (scripts/compile-hints.ts), so they are compiled on a background thread when fetched, while
 * the app's own start, which waits for its entry to be compiled, is not made longer.
 */
const loadGrid = () => import('../features/jury/scoring/GridScreen');
const loadEntries = () => import('../features/entries/EntriesScreen');

export const GridScreen = lazy(() => loadGrid().then((module) => ({ default: module.GridScreen })));
export const EntriesScreen = lazy(() => loadEntries().then((module) => ({ default: module.EntriesScreen })));

let preloading: Promise<unknown> | null = null;

/**
 * Fetches (and so compiles) both chunks once, when the page is idle; a screen opened before
 * then waits for the same request. A failed fetch is forgotten, so the screen's own load retries.
 */
export function preloadTableScreens(): void {
  if (preloading) return;
  const start = () => {
    preloading ??= Promise.all([loadGrid(), loadEntries()]).catch(() => {
      preloading = null;
    });
  };
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 1_000 });
  else window.setTimeout(start, 0);
}
