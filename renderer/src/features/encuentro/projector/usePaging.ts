import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { newestEdit, type Editable } from './live-edit';
import { HeightCache } from './measure';
import { textSizes } from './paging';

/** How long a page stays on the wall before the next one: time to read it aloud at a calm pace. */
export const PAGE_SECONDS = 12;

function subscribeResize(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/**
 * The remembered heights for this screen: a new, empty cache whenever the window changes size
 * (a projector window moved to another display), so everything is measured and paged again.
 */
export function useHeightCache(): HeightCache {
  const width = useSyncExternalStore(subscribeResize, () => window.innerWidth);
  const height = useSyncExternalStore(subscribeResize, () => window.innerHeight);
  return useMemo(() => new HeightCache(textSizes(height), width), [width, height]);
}

export interface Fitted<P> {
  size: number;
  pages: P[];
}

/**
 * Pages again once per change of what is shown. When `version` changes, the screen renders its
 * hidden measuring copy (at `ref`: the texts whose heights are not known yet) instead of the
 * pages; this layout effect measures it and sets the new pages, which React renders synchronously
 * before the browser paints. The copy is never seen, and the DOM the room sees (and tests and
 * assistive technology read) holds each item once.
 */
export function useMeasuredLayout<P, E extends HTMLElement>(version: unknown, measure: (root: E) => Fitted<P>) {
  const ref = useRef<E>(null);
  const [layout, setLayout] = useState<(Fitted<P> & { version: unknown }) | null>(null);
  const current = layout !== null && layout.version === version ? layout : null;
  useLayoutEffect(() => {
    if (current || !ref.current) return;
    setLayout({ version, ...measure(ref.current) });
  }, [current, version, measure]);
  return { ref, layout: current };
}

/**
 * The page shown: turns by itself every PAGE_SECONDS while there is more than one, unless paused;
 * any explicit move (a key, a live edit shown) restarts the wait, so a page being typed on stays.
 */
export function usePageTurner(total: number) {
  const [requested, setRequested] = useState(0);
  const [paused, setPaused] = useState(false);
  const [moves, setMoves] = useState(0);
  const page = Math.min(requested, Math.max(0, total - 1));
  useEffect(() => {
    if (paused || total <= 1) return;
    const timer = window.setTimeout(() => setRequested((p) => (Math.min(p, total - 1) + 1) % total), PAGE_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [page, paused, total, moves]);
  const show = useCallback((target: number) => {
    setRequested(target);
    setMoves((m) => m + 1);
  }, []);
  const step = useCallback(
    (delta: number) => {
      if (total <= 1) return;
      setRequested((p) => (((Math.min(p, total - 1) + delta) % total) + total) % total);
      setMoves((m) => m + 1);
    },
    [total],
  );
  const togglePause = useCallback(() => setPaused((p) => !p), []);
  return { page, total, paused, show, step, togglePause };
}

export type PageTurner = ReturnType<typeof usePageTurner>;

/** The keys shared by both projector views: AvPág/RePág (what a presenter's clicker sends) and the extra ones each view gives, Space or P to pause. */
export function usePageKeys(turner: PageTurner, extra: { next: string[]; previous: string[] }): void {
  const latest = useRef({ turner, extra });
  useLayoutEffect(() => {
    latest.current = { turner, extra };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const { turner: t, extra: keys } = latest.current;
      if (event.key === 'PageDown' || keys.next.includes(event.key)) t.step(1);
      else if (event.key === 'PageUp' || keys.previous.includes(event.key)) t.step(-1);
      else if (event.key === ' ' || event.key.toLowerCase() === 'p') t.togglePause();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The last item written (`seq` tells two edits of the same one apart). */
export interface LiveEdit {
  id: number;
  seq: number;
}

/**
 * The newest item written since the previous reading of `items` (see newestEdit), remembered
 * until the next one. `items` must keep its identity while nothing changes.
 */
export function useNewestEdit(items: readonly Editable[] | undefined): LiveEdit | null {
  const [seen, setSeen] = useState(items);
  const [edit, setEdit] = useState<LiveEdit | null>(null);
  // Derived from the previous render's value, as React documents it: no effect, no extra paint.
  if (items !== seen) {
    setSeen(items);
    const id = items ? newestEdit(seen, items) : null;
    if (id !== null) setEdit({ id, seq: (edit?.seq ?? 0) + 1 });
  }
  return edit;
}
