import { useRef, type KeyboardEvent } from 'react';
import { findItem, type CaptureItem, type CaptureSnapshot } from './capture-items';
import { keyAction, linePosition } from './capture-keys';
import type { CaptureStore } from './capture-store';
import { caretLine } from './caret';
import { focusItem } from './focus-item';

/** Orders "last edit" and "last deletion": Ctrl+Z undoes a deletion only if nothing was typed since. */
let clock = 0;
const tick = () => ++clock;

/**
 * The capture screen's keys (capture-keys.ts decides what a key does) and the deletions they
 * share with the lines' buttons and the undo bar.
 */
export function useCaptureKeys(store: CaptureStore, snapshot: CaptureSnapshot, open: { history(item: CaptureItem): void; move(item: CaptureItem): void }) {
  const lastEditAt = useRef(0);
  const deletedAt = useRef(0);

  const remove = async (item: CaptureItem, focusAfter: string | null) => {
    deletedAt.current = tick();
    if (focusAfter) focusItem(focusAfter);
    await store.remove(item.key);
  };

  const undo = async () => {
    const restored = await store.undoDelete();
    if (restored) focusItem(restored.key);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>, key: string) => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    const where = linePosition(snapshot.cells, snapshot.ghosts, key);
    if (!where) return;
    const el = event.currentTarget;
    const action = keyAction(event, {
      ghosts: snapshot.ghosts,
      where,
      item: findItem(snapshot.cells, key) ?? null,
      empty: el.value === '',
      caret: () => caretLine(el),
      canUndoDelete: snapshot.lastDeleted !== null && deletedAt.current > lastEditAt.current,
    });
    if (!action) return;
    if (action.kind === 'typed') {
      lastEditAt.current = tick();
      return;
    }
    event.preventDefault();
    switch (action.kind) {
      case 'focus':
        focusItem(action.key);
        return;
      case 'history':
        open.history(action.item);
        return;
      case 'move':
        open.move(action.item);
        return;
      case 'newLine':
        store.flush(key);
        focusItem(store.insertDraftAfter(key));
        return;
      case 'delete':
        void remove(action.item, action.focusAfter);
        return;
      case 'undoDelete':
        void undo();
        return;
      case 'undoEdit':
      case 'redoEdit':
        if (action.kind === 'redoEdit' ? store.redoEdit(key) : store.undoEdit(key)) lastEditAt.current = tick();
        return;
      case 'none':
        return;
    }
  };

  return { onKeyDown, remove, undo };
}
