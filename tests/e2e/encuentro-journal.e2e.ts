import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { captureItems, capturePractice, journalKeys, savedTexts, startRestartableServer, typeFirstLine, type RestartableServer } from './support/encuentro';
import { eventually } from './support/eventually';

/**
 * RELOAD DURING AN OUTAGE. The hub is killed; the moderator types two lines, which the screen
 * marks "sin guardar"; the page is reloaded while the hub is still down (the browser can only
 * show its error page), then the hub comes back and the app is opened again. The two lines
 * come back from the browser's local journal and are saved, each exactly once.
 */
describe('nada de lo escrito se pierde aunque se recargue la página sin servidor', () => {
  let server: RestartableServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  let practiceId = 0;
  let salaId = 0;
  let url = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startRestartableServer({ demo: true }), launchBrowser()]);
    ({ practiceId, salaId, url } = await capturePractice(server.url, 'Práctica de la prueba de recarga'));
    ({ page, pageErrors } = await openPage(browser, url));
    // The browser asks before leaving a page with unsaved lines: the moderator confirms.
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('recupera las líneas escritas sin servidor tras recargar, y las guarda una sola vez', async () => {
    await typeFirstLine(page, 'Guardada antes del corte');
    await eventually(async () => (await captureItems(page)).map((i) => i.state)).toEqual(['saved']);

    await server.kill();
    const offline = ['Escrita sin servidor: uno', 'Escrita sin servidor: dos, con ñ y tildes (acción)'];
    await page.keyboard.type(offline[0]!);
    await page.keyboard.press('Enter');
    await page.keyboard.type(offline[1]!);
    await page.keyboard.press('Tab');
    await eventually(async () => (await captureItems(page)).map((i) => i.state)).toEqual(['saved', 'retrying', 'retrying']);
    await eventually(() => page.getByTestId('save-summary').innerText()).toMatch(/2 aportes sin guardar — reintentando/);

    await eventually(() => page.locator('li.capture-item[data-kept="yes"]').count()).toBe(2);
    // Reload while the hub is still down: the browser can only show its error page.
    await page.reload().catch(() => undefined);
    await eventually(() => page.locator('li.capture-item').count()).toBe(0);

    // The hub is back and the app is opened again, at its start page: the journal is replayed
    // at start, before the capture screen is even open.
    await server.restart();
    await page.goto(`${server.url}/`);
    await eventually(() => savedTexts(server.url, practiceId, salaId)).toEqual(['Guardada antes del corte', ...offline]);
    await page.goto(url);
    await eventually(async () => (await captureItems(page)).map((i) => i.text)).toEqual(['Guardada antes del corte', ...offline]);
    await eventually(() => page.getByRole('status').filter({ hasText: 'Se recuperaron 2 aportes' }).count()).toBe(1);
    await eventually(async () => (await captureItems(page)).map((i) => i.state)).toEqual(['saved', 'saved', 'saved']);
    await eventually(() => page.getByTestId('save-summary').innerText()).toBe('Todo guardado');
    expect(await savedTexts(server.url, practiceId, salaId)).toEqual(['Guardada antes del corte', ...offline]);
    await screenshot(page, 'encuentro-recuperado-tras-recarga');
    const violations = await a11yViolations(page);
    expect(violations, describeViolations('captura recuperada', violations)).toEqual([]);

    // Dismissed by the moderator; a later reload brings nothing back twice.
    await page.getByRole('button', { name: 'Entendido' }).click();
    expect(await page.getByText('Se recuperaron').count()).toBe(0);
    await page.reload();
    await eventually(async () => (await captureItems(page)).map((i) => `${i.text}|${i.state}`)).toEqual([
      'Guardada antes del corte|saved',
      ...offline.map((text) => `${text}|saved`),
    ]);
    expect(await page.getByText('Se recuperaron').count()).toBe(0);
    expect(await savedTexts(server.url, practiceId, salaId)).toEqual(['Guardada antes del corte', ...offline]);
    // Everything acknowledged: the journal is empty.
    expect(await journalKeys(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
