import { expect } from 'vitest';
import type { CaptureStore } from '../../../renderer/src/features/encuentro/capture/capture-store';
import type { EncuentroFixture } from '../../integration/encuentro/support';

/**
 * What the capture-store and capture-journal suites both do to the moderator's store: one cell
 * of the matrix, lines typed into it as on screen, and what the services stored for it.
 * (Each suite mocks the transport itself: vi.mock is per test file.)
 */
export const CELL = 'limiting:ugel';

/** The texts the moderator sees in the cell, in order. */
export function texts(store: CaptureStore): string[] {
  return store.getSnapshot().cells[CELL]!.map((i) => i.text);
}

/** The texts the services stored for the cell, in order. */
export async function stored(f: EncuentroFixture, practiceId = f.practiceA): Promise<string[]> {
  const matrix = await f.app.call('encuentro.matrix', { practiceId, salaId: f.salaId });
  return matrix.blocks
    .find((b) => b.block === 'limiting')!
    .cells.find((c) => c.level === 'ugel')!
    .contributions.map((c) => c.text);
}

/** Types a new line at the end of the cell, as Enter then typing does on screen. */
export function typeLine(store: CaptureStore, text: string): string {
  const list = store.getSnapshot().cells[CELL]!;
  const key = list.length === 0 ? store.getSnapshot().ghosts[CELL]! : store.insertDraftAfter(list.at(-1)!.key);
  store.setText(key, 'limiting', 'ugel', text, false);
  store.flush(key);
  return key;
}

export async function loaded(store: CaptureStore): Promise<void> {
  await store.load();
  expect(store.getSnapshot().loaded).toBe(true);
}
