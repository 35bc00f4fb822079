import { browserJournalBackend, browserOrigin, journaledScopes } from './capture-journal';
import { CaptureStore } from './capture-store';

/**
 * The page's capture stores: one per practice and sala for the life of the page (saves outlive
 * the screen), on the page's IndexedDB journal.
 */
const stores = new Map<string, CaptureStore>();

export function captureStore(practiceId: number, salaId: number | null): CaptureStore {
  const key = `${practiceId}:${salaId ?? ''}`;
  let store = stores.get(key);
  if (!store) {
    store = new CaptureStore(practiceId, salaId);
    stores.set(key, store);
    void store.load();
  }
  return store;
}

/** Every store with work still to do: the page asks before closing while there is any. */
export function unsavedCount(): number {
  let n = 0;
  for (const store of stores.values()) {
    const c = store.counts();
    n += c.saving + c.retrying + c.error + c.conflict;
  }
  return n;
}

export function flushAll(): void {
  for (const store of stores.values()) store.flush();
}

/**
 * At start: opens (and so loads and replays) the store of every practice with lines left in the
 * journal by an earlier page of this server, so they reach it even before their screen is opened.
 */
export async function recoverCaptureJournals(): Promise<void> {
  for (const { practiceId, salaId } of await journaledScopes(browserJournalBackend(), browserOrigin())) captureStore(practiceId, salaId);
}
