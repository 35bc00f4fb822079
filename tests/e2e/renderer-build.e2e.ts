import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EAGER_COMPILE_HINT } from '../../scripts/compile-hints';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { eventually } from './support/eventually';
import { apiClient, createJuryScenario } from './support/jury-setup';
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

  it('si el fragmento de la cuadrícula no llega, lo dice en español y lo vuelve a pedir con «Reintentar»', async () => {
    const scenario = await createJuryScenario(apiClient(server.url), { entries: 2, jurors: 2, criteria: 3, jurorsPerEntry: 2, blindMode: false });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'es-PE' });
    try {
      // The venue's network drops every request for the grid's chunk, from the app's start.
      let blocked = true;
      await context.route(/\/GridScreen-[\w-]+\.js$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
      const page = await context.newPage();
      await page.goto(`${server.url}/#/calificar/${scenario.stageId}/${scenario.jurorIds[0]}/cuadricula`);
      const failed = page.getByRole('heading', { level: 1, name: 'No se pudo abrir esta pantalla' });
      await failed.waitFor();
      // It takes the focus, as a screen's title does when the screen opens.
      await eventually(() => page.evaluate('document.activeElement?.id')).toBe('screen-error-title');
      // Only the screen: the app's navigation is still there.
      expect(await page.getByRole('navigation').count()).toBeGreaterThan(0);
      await screenshot(page, 'pantalla-no-cargada');
      expect(describeViolations('pantalla no cargada', await a11yViolations(page))).toBe('');
      blocked = false;
      await page.getByRole('button', { name: 'Reintentar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Calificación en cuadrícula' }).waitFor();
      await page.getByTestId('score-grid').getByRole('textbox').first().waitFor();
      expect(await failed.count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
