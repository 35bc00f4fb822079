import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (playwright cannot download browsers on these machines). */
export const CHROMIUM = process.env.BPGE_CHROMIUM ?? '/usr/bin/chromium';
export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
}

/**
 * A fresh page at the size of the organizers' laptops, in Peruvian Spanish. Page errors
 * are collected so a test can assert that the app never threw.
 */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'es-PE', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // A CSP violation shows up only as a console error: count it as a page error.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  await page.goto(url);
  return { page, pageErrors };
}

/** Screenshots for a human to look at; kept out of the repository. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.BPGE_SCREENSHOTS ?? '/tmp/bpge-e2e-screens';
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: false });
}
