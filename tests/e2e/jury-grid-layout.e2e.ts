import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { eventually } from './support/eventually';
import { apiClient, createJuryScenario, type JuryScenario } from './support/jury-setup';
import { startServer, type ServedApp } from './support/server';

/**
 * With many criteria the grid is wider than the window: every column must keep a readable
 * width (the grid scrolls sideways) instead of the entry's code, title and IGED being squeezed
 * to nothing under the score inputs.
 */
describe('cuadrícula con 12 criterios', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let scenario: JuryScenario;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    scenario = await createJuryScenario(apiClient(server.url), { entries: 3, jurors: 3, criteria: 12, jurorsPerEntry: 3, blindMode: false });
    ({ page } = await openPage(browser, `${server.url}/#/calificar/${scenario.stageId}/${scenario.jurorIds[0]}/cuadricula`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('mantiene legibles el código, el título y la IGED, y se desplaza a lo ancho', async () => {
    await page.getByRole('heading', { level: 1, name: 'Calificación en cuadrícula' }).waitFor();
    const grid = page.getByTestId('score-grid');
    await eventually(() => grid.getByRole('textbox').count()).toBeGreaterThan(0);

    // Each entry's code is shown whole in its cell, not clipped under the criteria.
    const codes = grid.locator('tbody th[scope="row"]');
    await eventually(() => codes.count()).toBe(3);
    for (const clipped of await codes.evaluateAll((cells) => cells.map((c) => c.scrollWidth > c.clientWidth + 1))) expect(clipped).toBe(false);

    // No header overlaps the next one, and none is narrower than a score input.
    const boxes = await grid.locator('thead th').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, width: r.width })));
    expect(boxes.length).toBe(5 + 12);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 1);
    for (const box of boxes) expect(box.width).toBeGreaterThanOrEqual(64);

    // The first frame renders only the criteria that fit in the window; right after, every row has
    // all twelve, so that Tab and the arrows never land on a column that is not there.
    await eventually(() => grid.locator('tbody td.grid-cell').count()).toBe(3 * 12);
    expect(await grid.locator('tbody td.grid-gap').count()).toBe(0);
    const lastCriterion = grid.locator('tbody tr').first().locator('td.grid-cell').last();
    expect(await lastCriterion.getAttribute('aria-colindex')).toBe(String(4 + 12));

    // Wider than the window: the grid scrolls sideways.
    expect(await grid.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

    // A mouse user can sort by code (nothing covers its header button).
    await grid.getByRole('button', { name: /Código/ }).click();
    await eventually(() => grid.getByRole('columnheader', { name: /Código/ }).getAttribute('aria-sort')).toBe('ascending');
    await screenshot(page, 'jurado-cuadricula-12-criterios');
  });

  it('pide las celdas en cuanto conoce la ruta, antes de que la aplicación esté lista, y una sola vez', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'es-PE' });
    const held: Route[] = [];
    try {
      const fresh = await context.newPage();
      const gridCalls: string[] = [];
      fresh.on('request', (request) => {
        if (request.url().endsWith('/api/call/scores.grid')) gridCalls.push(request.url());
      });
      // The app's status (which the shell waits for before rendering any screen) is held back.
      await fresh.route('**/api/call/app.status', (route) => {
        held.push(route);
      });
      await fresh.goto(`${server.url}/#/calificar/${scenario.stageId}/${scenario.jurorIds[0]}/cuadricula`);
      await eventually(() => held.length).toBeGreaterThan(0);
      await eventually(() => gridCalls.length).toBe(1);
      expect(await fresh.getByRole('heading', { level: 1 }).count()).toBe(0);

      for (const route of held.splice(0)) await route.continue();
      await fresh.unroute('**/api/call/app.status');
      await fresh.getByRole('textbox', { name: /^BP-\d+, / }).first().waitFor();
      // The screen took the request already on its way instead of sending its own.
      expect(gridCalls).toHaveLength(1);
    } finally {
      for (const route of held) await route.continue().catch(() => undefined);
      await context.close();
    }
  });
});
