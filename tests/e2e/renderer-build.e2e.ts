import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EAGER_COMPILE_HINT } from '../../scripts/compile-hints';
import { launchBrowser, openPage } from './support/browser';
import { startServer, type ServedApp } from './support/server';

/**
 * The renderer as built and served, which the grid's first view depends on: the screens built on
 * TanStack Table are chunks of their own, marked for eager compilation and fetched in the
 * background once the app is up (scripts/compile-hints.ts, renderer/src/app/lazy-screens.tsx).
 */
describe('renderer construido', () => {
  let server: ServedApp;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const text = async (url: string) => {
    const response = await fetch(url);
    expect(response.status, url).toBe(200);
    return response.text();
  };

  it('sirve su entrada minificada y sin la pista, que la apertura no espere a compilarlo todo', async () => {
    const html = await text(`${server.url}/`);
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1] as string);
    expect(scripts).toHaveLength(1);
    const entry = await text(new URL(scripts[0] as string, `${server.url}/`).href);
    expect(entry.startsWith(EAGER_COMPILE_HINT)).toBe(false);
    // Minified: a few dozen long lines, not the tens of thousands of an unminified bundle.
    expect(entry.split('\n').length).toBeLessThan(1000);
  });

  it('trae la cuadrícula y la lista de postulaciones en segundo plano al abrir, ya marcadas para compilarse enseguida', async () => {
    const { page, pageErrors } = await openPage(browser, `${server.url}/#/ediciones`);
    await page.locator('main h1').first().waitFor();
    // Nobody opened either screen: their chunks arrive on their own once the app is up.
    await page.waitForFunction(() => {
      const names = performance.getEntriesByType('resource').map((entry) => entry.name);
      return names.some((name) => /\/GridScreen-[\w-]+\.js$/.test(name)) && names.some((name) => /\/EntriesScreen-[\w-]+\.js$/.test(name));
    });
    const chunks = (await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name))).filter((name) => /\/(GridScreen|EntriesScreen)-[\w-]+\.js$/.test(name));
    for (const chunk of chunks) expect((await text(chunk)).split('\n', 1)[0], chunk).toBe(EAGER_COMPILE_HINT);
    expect(await page.getByRole('heading', { level: 1 }).first().isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
