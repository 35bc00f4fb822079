import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { eventually } from './support/eventually';
import { apiClient, createJuryScenario, type JuryScenario } from './support/jury-setup';
import { startServer, type ServedApp } from './support/server';

/**
 * The demo's codes, then the longest a region is likely to use (a DRE's full name), then the
 * longest the form accepts (50 characters), which the column shows with an ellipsis.
 */
const DEMO_CODES = ['BP2017-LAMAS', 'BP2018-NAUTA', 'BP2018-DRELM', 'BP2017-CASTILLA', 'BP2018-SURCUBAMBA', 'BP2018-ANCASH'];
const LONG_CODES = ['BP2024-DRE-LIMA-METROPOLITANA', 'BP2024-UGEL-HUANCAVELICA-017'];
const LONGEST_CODE = 'BP2024-UGEL-01-SAN-JUAN-DE-MIRAFLORES-0123456789AB';
const CODES = [...DEMO_CODES, ...LONG_CODES, LONGEST_CODE];

/** Runs in the page: each body cell's text box against its own box and the next cell's. */
const CELL_TEXT_BOXES = `[...document.querySelectorAll('[data-testid="score-grid"] tbody tr[aria-rowindex]')].map((row) => {
  const cells = [...row.children];
  return cells.map((cell, i) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const text = range.getBoundingClientRect();
    const box = cell.getBoundingClientRect();
    const next = cells[i + 1]?.getBoundingClientRect();
    const style = getComputedStyle(cell);
    return {
      text: cell.textContent, title: cell.getAttribute('title'), ellipsis: style.textOverflow === 'ellipsis' && style.overflowX === 'hidden',
      overflows: cell.scrollWidth > cell.clientWidth, textRight: text.right, cellRight: box.right, nextLeft: next ? next.left : null,
    };
  });
})`;

interface CellTextBox {
  text: string;
  title: string | null;
  ellipsis: boolean;
  overflows: boolean;
  textRight: number;
  cellRight: number;
  nextLeft: number | null;
}

/**
 * With many criteria the grid is wider than the window: every column must keep a readable
 * width (the grid scrolls sideways) instead of the entry's code, title and IGED being squeezed
 * to nothing under the score inputs; and a code is never printed over the title next to it.
 */
describe('cuadrícula con 12 criterios', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let scenario: JuryScenario;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    scenario = await createJuryScenario(apiClient(server.url), { entries: CODES.length, jurors: 3, criteria: 12, jurorsPerEntry: 3, blindMode: false, codes: CODES });
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

    const codes = grid.locator('tbody th[scope="row"]');
    await eventually(() => codes.count()).toBe(CODES.length);
    await eventually(() => grid.locator('tbody td.grid-cell').count()).toBe(CODES.length * 12);
    const rows = (await page.evaluate(CELL_TEXT_BOXES)) as CellTextBox[][];
    expect(rows.map((cells) => cells[0]?.text).sort()).toEqual([...CODES].sort());
    for (const cells of rows) {
      for (const cell of cells) {
        // No text reaches past its cell into the next one (the title and the longest code are
        // cut with an ellipsis, and keep their whole text in a tooltip).
        if (cell.ellipsis && cell.overflows) expect(cell.title, cell.text).toBe(cell.text);
        else {
          expect(cell.overflows, cell.text).toBe(false);
          expect(cell.textRight, cell.text).toBeLessThanOrEqual(cell.cellRight + 0.5);
        }
        if (cell.nextLeft !== null) expect(cell.cellRight, cell.text).toBeLessThanOrEqual(cell.nextLeft + 0.5);
      }
      // Each of the demo's codes and the long realistic ones is shown whole.
      const code = cells[0]!;
      if (code.text !== LONGEST_CODE) expect(code.overflows, code.text).toBe(false);
      else expect(code).toMatchObject({ ellipsis: true, title: LONGEST_CODE });
    }

    // No header overlaps the next one, and none is narrower than a score input.
    const boxes = await grid.locator('thead th').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, width: r.width })));
    expect(boxes.length).toBe(5 + 12);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 1);
    for (const box of boxes) expect(box.width).toBeGreaterThanOrEqual(64);

    // The first frame renders only the criteria that fit in the window; right after, every row has
    // all twelve, so that Tab and the arrows never land on a column that is not there.
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
      await fresh.getByRole('textbox', { name: /^BP2017-LAMAS, / }).first().waitFor();
      // The screen took the request already on its way instead of sending its own.
      expect(gridCalls).toHaveLength(1);
    } finally {
      for (const route of held) await route.continue().catch(() => undefined);
      await context.close();
    }
  });
});
