import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { a11yViolations, describeViolations } from './support/axe';
import { launchBrowser, openPage } from './support/browser';
import { api, capturePractice, captureItems, savedTexts, startRestartableServer, typeFirstLine, type RestartableServer } from './support/encuentro';
import { eventually } from './support/eventually';

/**
 * TWO DEVICES, ONE LINE. Two moderators' browsers (separate contexts: separate pages, storage
 * and event streams) edit the same contribution. The second one's save is typed on the text
 * before the first one's: it must not silently replace it. Its screen shows a notice on that
 * line with both texts; the moderator joins them; both texts stay in the history.
 */
describe('dos dispositivos en la misma línea: nadie pisa el texto del otro', () => {
  let server: RestartableServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startRestartableServer({ demo: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('el segundo guardado ve el conflicto, muestra los dos textos y conserva ambos', async () => {
    const { practiceId, salaId, url } = await capturePractice(server.url, 'Práctica de la prueba de conflicto');
    const one = await openPage(browser, url);
    await typeFirstLine(one.page, 'Falta de presupuesto');
    await eventually(async () => (await captureItems(one.page)).map((i) => i.state)).toEqual(['saved']);

    const two = await openPage(browser, url);
    const lineOf = (page: typeof one.page) => page.locator('li.capture-item:not(.capture-ghost) textarea').first();
    await eventually(async () => (await captureItems(two.page)).map((i) => i.text)).toEqual(['Falta de presupuesto']);

    // The second device's save is held on the way (a slow Wi-Fi) while the first one saves.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await two.page.route('**/api/call/encuentro.contributions.updateText', async (route) => {
      await held;
      await route.continue();
    });
    await lineOf(two.page).click();
    await two.page.keyboard.press('End');
    await two.page.keyboard.type(' de la UGEL');
    await lineOf(one.page).click();
    await one.page.keyboard.press('End');
    await one.page.keyboard.type(' para movilidad');
    await eventually(() => savedTexts(server.url, practiceId, salaId)).toEqual(['Falta de presupuesto para movilidad']);
    release();

    const notice = two.page.getByRole('alert').filter({ hasText: 'Otra pantalla guardó este texto mientras usted escribía' });
    await notice.waitFor();
    await expect(notice.getByTestId('conflict-theirs').innerText()).resolves.toBe('Falta de presupuesto para movilidad');
    await expect(notice.getByTestId('conflict-mine').innerText()).resolves.toBe('Falta de presupuesto de la UGEL');
    expect((await captureItems(two.page)).map((i) => i.state)).toEqual(['conflict']);
    // Nothing was overwritten, and the second text is in the history, marked.
    expect(await savedTexts(server.url, practiceId, salaId)).toEqual(['Falta de presupuesto para movilidad']);
    const [line] = await api<{ id: number }[]>(server.url, 'encuentro.contributions.list', { encuentroId: (await api<{ encuentroId: number }>(server.url, 'encuentro.ensureDemo', {})).encuentroId, practiceId });
    const kept = async () =>
      (await api<{ text: string; conflict: boolean }[]>(server.url, 'encuentro.contributions.history', { id: line!.id })).filter((v) => v.conflict).map((v) => v.text);
    await eventually(kept).toEqual(['Falta de presupuesto de la UGEL']);
    const violations = await a11yViolations(two.page);
    expect(violations, describeViolations('aviso de conflicto', violations)).toEqual([]);

    // The keyboard reaches the choice: «Unir ambos».
    const join = notice.getByRole('button', { name: 'Unir ambos' });
    await join.focus();
    await two.page.keyboard.press('Enter');
    const joined = 'Falta de presupuesto para movilidad Falta de presupuesto de la UGEL';
    await eventually(() => savedTexts(server.url, practiceId, salaId)).toEqual([joined]);
    await eventually(async () => (await captureItems(two.page)).map((i) => i.state)).toEqual(['saved']);
    // The first device sees the joined text live.
    await eventually(async () => (await captureItems(one.page)).map((i) => i.text)).toEqual([joined]);
    expect([...one.pageErrors, ...two.pageErrors]).toEqual([]);
  });
});
