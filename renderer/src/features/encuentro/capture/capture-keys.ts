import { CONTRIBUTION_BLOCKS, LEVELS_BY_BLOCK } from '../../../../../shared/domain/encuentro-matrix';
import { cellKey, type CaptureItem, type Cells, type Ghosts } from './capture-items';

/**
 * The capture screen's keyboard as pure functions: where a line sits in the matrix, and what a
 * key pressed in it does. The screen (useCaptureKeys.ts) carries the answer out.
 */
const BLOCK_COUNT = CONTRIBUTION_BLOCKS.length;
const LEVEL_COUNT = 4;

/** A line's place: its block and level (as indexes), and the keys of its cell's lines, ghost last. */
export interface LinePosition {
  blockIndex: number;
  levelIndex: number;
  index: number;
  list: string[];
}

export function linePosition(cells: Cells, ghosts: Ghosts, key: string): LinePosition | null {
  for (let b = 0; b < BLOCK_COUNT; b++) {
    const block = CONTRIBUTION_BLOCKS[b]!;
    const levels = LEVELS_BY_BLOCK[block];
    for (let l = 0; l < levels.length; l++) {
      const ck = cellKey(block, levels[l]!);
      const list = [...(cells[ck] ?? []).map((i) => i.key), ghosts[ck]!];
      const index = list.indexOf(key);
      if (index >= 0) return { blockIndex: b, levelIndex: l, index, list };
    }
  }
  return null;
}

/** The ghost line of a cell by block and level index, wrapping around the matrix's edges. */
export function ghostAt(ghosts: Ghosts, blockIndex: number, levelIndex: number): string {
  const block = CONTRIBUTION_BLOCKS[(blockIndex + BLOCK_COUNT) % BLOCK_COUNT]!;
  const level = LEVELS_BY_BLOCK[block][(levelIndex + LEVEL_COUNT) % LEVEL_COUNT]!;
  return ghosts[cellKey(block, level)]!;
}

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export interface KeyContext {
  ghosts: Ghosts;
  where: LinePosition;
  /** The line pressed in (null: its cell's ghost). */
  item: CaptureItem | null;
  /** The textarea shows nothing. */
  empty: boolean;
  /** Whether the caret is on the textarea's first and last visual line (measured only when asked). */
  caret(): { first: boolean; last: boolean };
  /** A line was deleted after the last edit: Ctrl+Z brings it back. */
  canUndoDelete: boolean;
}

/**
 * What a key does; every action but 'typed' takes the key from the browser. 'none': the key is
 * taken and nothing happens (Enter on a blank line); 'typed': a keystroke that edits the line.
 */
export type KeyAction =
  | { kind: 'focus'; key: string }
  | { kind: 'history'; item: CaptureItem }
  | { kind: 'move'; item: CaptureItem }
  | { kind: 'newLine' }
  | { kind: 'none' }
  | { kind: 'delete'; item: CaptureItem; focusAfter: string | null }
  | { kind: 'undoDelete' }
  | { kind: 'undoEdit' }
  | { kind: 'redoEdit' }
  | { kind: 'typed' };

/** What the key `press` does in the line at `ctx.where`; null: the browser's own. */
export function keyAction(press: KeyPress, ctx: KeyContext): KeyAction | null {
  const { blockIndex, levelIndex, index, list } = ctx.where;
  const { item } = ctx;
  const ghost = (b: number, l: number): KeyAction => ({ kind: 'focus', key: ghostAt(ctx.ghosts, b, l) });
  const pressed = press.key.toLowerCase();

  if (press.altKey && !press.ctrlKey && !press.metaKey) {
    // Alt+arrows: the ghost line of the next level (↑↓, on to the next block) or block (←→).
    if (press.key === 'ArrowDown') return levelIndex === LEVEL_COUNT - 1 ? ghost(blockIndex + 1, 0) : ghost(blockIndex, levelIndex + 1);
    if (press.key === 'ArrowUp') return levelIndex === 0 ? ghost(blockIndex - 1, LEVEL_COUNT - 1) : ghost(blockIndex, levelIndex - 1);
    if (press.key === 'ArrowRight') return ghost(blockIndex + 1, levelIndex);
    if (press.key === 'ArrowLeft') return ghost(blockIndex - 1, levelIndex);
    if (pressed === 'h' && item?.id) return { kind: 'history', item };
    if (pressed === 'm' && item && item.text.trim() !== '') return { kind: 'move', item };
  }
  if (press.key === 'Enter' && !press.shiftKey && !press.altKey && !press.ctrlKey) {
    return !item || item.text.trim() === '' ? { kind: 'none' } : { kind: 'newLine' };
  }
  if (press.key === 'Delete' && press.ctrlKey && item) return { kind: 'delete', item, focusAfter: list[index + 1] ?? list[index - 1] ?? null };
  if (press.key === 'Backspace' && item && ctx.empty && index > 0) return { kind: 'delete', item, focusAfter: list[index - 1]! };
  if (press.key === 'z' && (press.ctrlKey || press.metaKey) && !press.shiftKey && ctx.canUndoDelete) return { kind: 'undoDelete' };
  // The line's own undo: a whole edit (what was typed without a pause) per press, not a
  // character as the browser's undo of a React-controlled textarea does.
  if ((press.ctrlKey || press.metaKey) && !press.altKey && (pressed === 'z' || pressed === 'y')) {
    return { kind: pressed === 'y' || press.shiftKey ? 'redoEdit' : 'undoEdit' };
  }
  // ↑ on the line's first visual line (a long item wraps) goes to the previous item, ↓ on its last to the next.
  const plainArrow = !press.altKey && !press.ctrlKey && !press.metaKey && !press.shiftKey;
  if (plainArrow && press.key === 'ArrowUp' && index > 0 && ctx.caret().first) return { kind: 'focus', key: list[index - 1]! };
  if (plainArrow && press.key === 'ArrowDown' && index < list.length - 1 && ctx.caret().last) return { kind: 'focus', key: list[index + 1]! };
  if (press.key.length === 1 || press.key === 'Backspace' || press.key === 'Delete' || press.key === 'Dead') return { kind: 'typed' };
  return null;
}
