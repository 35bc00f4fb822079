import { createElement, lazy, type ComponentType, type ReactElement } from 'react';

/**
 * The two screens built on TanStack Table and Virtual (the scoring grid and the entries list)
 * are chunks of their own, which the app fetches in the background from its start
 * (preloadTableScreens, called by main.tsx). Why: run for the first time, their code (TanStack's table and
 * virtualizer cores, the grid) had ≈ 230 functions compiled on the main thread in the middle of
 * the grid's first view. Chunks other than the entry carry V8's compile hint
 * (scripts/compile-hints.ts), so they are compiled on a background thread when fetched, while
 * the app's own start, which waits for its entry to be compiled, is not made longer.
 */
export interface LazyScreen<P> {
  /** Renders the screen; suspends (the app's Suspense shows "Cargando…") only while its chunk is still on its way. */
  Screen: (props: P) => ReactElement;
  /** Fetches the chunk once; a failed fetch is forgotten, so that a later call asks again (the chunk comes from the same place as the page: the app's folder, or serve). */
  preload(): Promise<ComponentType<P>>;
  /** After the screen failed to load: its next render asks for the chunk again. */
  retry(): void;
}

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  // React.lazy keeps a failure for good, and throws it on every render: only a retry asked for
  // (the screen's "Reintentar", or moving to another screen) swaps in a fresh one, which asks again.
  let failed = false;
  const pendingScreen = () =>
    lazy(async () => {
      try {
        return { default: await preload() };
      } catch (error) {
        failed = true;
        throw error;
      }
    });
  let Pending = pendingScreen();
  const retry = () => {
    if (!failed) return;
    failed = false;
    Pending = pendingScreen();
  };
  // Once the chunk is there, the screen renders at once. React.lazy alone would suspend on its
  // first render even then (it learns of a settled promise only in a later microtask), and React
  // holds back what a Suspense boundary reveals for up to 300 ms after showing its fallback.
  function Screen(props: P) {
    return createElement(loaded ?? Pending, props);
  }
  return { Screen, preload, retry };
}

const grid = lazyScreen(() => import('../features/jury/scoring/GridScreen').then((module) => module.GridScreen));
const entries = lazyScreen(() => import('../features/entries/EntriesScreen').then((module) => module.EntriesScreen));

export const GridScreen = grid.Screen;
export const EntriesScreen = entries.Screen;

/** For the app's screen error boundary: a screen whose chunk did not arrive asks again on its next render. */
export function retryFailedScreens(): void {
  grid.retry();
  entries.retry();
}

/** Starts fetching both chunks; a screen opened before they arrive waits for the same request. */
export function preloadTableScreens(): void {
  // A failure here is not the user's concern: the screen's own render asks again and shows its error.
  void grid.preload().catch(() => undefined);
  void entries.preload().catch(() => undefined);
}
