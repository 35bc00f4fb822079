import type { Page } from 'playwright-core';

// Runs in the page, as a string: the node tsconfig has no DOM types.
const DESCRIBE_FOCUS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  const label = el.getAttribute('aria-label')
    || (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]')?.textContent)
    || el.textContent || '';
  return el.tagName.toLowerCase() + ': ' + label.replace(/\\s+/g, ' ').trim().slice(0, 80);
})()`;

/**
 * The keyboard, counted: every key that moves or acts (Tab, arrows, Enter…) adds one; what is
 * typed as data is not counted. A test states the exact count a task takes, so a change that adds
 * a stop on the way (or drops a shortcut) shows up as a failure, with the path the focus took.
 */
export class CountedKeyboard {
  count = 0;
  readonly path: string[] = [];

  constructor(private readonly page: Page) {}

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.count += 1;
      this.path.push(`${key} → ${await this.focused()}`);
    }
  }

  /** Text typed into the focused control: data, not navigation. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** The focused element, as «tag: accessible name» (its label or text). */
  focused(): Promise<string> {
    return this.page.evaluate(DESCRIBE_FOCUS) as Promise<string>;
  }
}
