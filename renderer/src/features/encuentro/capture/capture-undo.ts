import { TYPING_PAUSE_MS } from '../../../../../shared/domain/encuentro-matrix';

/**
 * Ctrl+Z and Ctrl+Y within a line: per line, its text before each edit (keystrokes with no pause
 * between them are one edit) and what Ctrl+Z took back. Typing anew clears what could be redone.
 * Only texts: the store applies what this answers.
 */
export class EditHistory {
  private readonly edits = new Map<string, { undo: string[]; redo: string[]; lastAt: number }>();

  /** `now`: milliseconds now, to tell a pause between keystrokes. */
  constructor(private readonly now: () => number) {}

  /** The line `key` is about to change from `before`. */
  record(key: string, before: string): void {
    const edits = this.edits.get(key) ?? { undo: [], redo: [], lastAt: Number.NEGATIVE_INFINITY };
    const now = this.now();
    if (now - edits.lastAt >= TYPING_PAUSE_MS) edits.undo.push(before);
    edits.lastAt = now;
    edits.redo = [];
    this.edits.set(key, edits);
  }

  /**
   * Takes one edit back ('undo') or forward ('redo') from the line's text `current`: answers the
   * text to show, or undefined when there is none. `current` null: the line cannot change now
   * (gone, or an IME composing over it); the step stays for when it can.
   */
  step(key: string, direction: 'undo' | 'redo', current: string | null): string | undefined {
    const edits = this.edits.get(key);
    if (!edits || current === null) return undefined;
    const text = edits[direction].pop();
    if (text === undefined) return undefined;
    edits[direction === 'undo' ? 'redo' : 'undo'].push(current);
    // The next keystroke starts a new edit.
    edits.lastAt = Number.NEGATIVE_INFINITY;
    return text;
  }
}
