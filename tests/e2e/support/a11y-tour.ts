import type { Locator, Page } from 'playwright-core';
import { describeViolations, a11yViolations } from './axe';

/**
 * Walks screens and dialogs of one served app and runs axe on each, collecting every finding
 * (of any impact) with the screen's name, so one failure lists them all. Each step waits for
 * what makes the screen complete (its title, its table, its dialog) before axe looks at it.
 */
export class A11yTour {
  readonly findings: string[] = [];
  readonly checked: string[] = [];

  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async check(screen: string): Promise<void> {
    const found = describeViolations(screen, await a11yViolations(this.page));
    if (found) this.findings.push(found);
    this.checked.push(screen);
  }

  /** Opens a route by its address, waits for its title (and `ready`, if given), and checks it. */
  async screen(screen: string, hash: string, title: string | RegExp, ready?: Locator): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${hash}`);
    await named(screen, this.page.getByRole('heading', { level: 1, name: title }).waitFor());
    if (ready) await named(screen, ready.waitFor());
    await this.check(screen);
  }

  /** Opens a dialog with `opener`, checks it, and closes it with Escape. */
  async dialog(screen: string, opener: Locator, name: string | RegExp): Promise<void> {
    await named(screen, opener.click());
    const dialog = this.page.getByRole('dialog', { name });
    await named(screen, dialog.waitFor());
    await this.check(screen);
    await this.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }
}

/** A wait that failed says on which screen of the tour. */
async function named(screen: string, step: Promise<void>): Promise<void> {
  try {
    await step;
  } catch (error) {
    throw new Error(`${screen}: ${(error as Error).message}`, { cause: error });
  }
}
