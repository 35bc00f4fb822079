import type { Browser, Page } from 'playwright-core';
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
/** The page's calls of `method` wait on the way (a slow Wi-Fi) until the returned function is called. */
async function holdSaves(page: Page, method: string): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/call/${method}`, async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

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
    const release = await holdSaves(two.page, 'encuentro.contributions.updateText');
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
  it('en la síntesis de una sala, el segundo guardado también ve el conflicto y no pisa el primero', async () => {
    const { salaId } = await capturePractice(server.url, 'Práctica de la prueba de conflicto en la síntesis');
    const { encuentroId } = await api<{ encuentroId: number }>(server.url, 'encuentro.ensureDemo', {});
    const item = await api<{ id: number }>(server.url, 'encuentro.synthesis.createItem', { salaId, level: 'ugel', axis: 'sustainability', text: 'Asistencia técnica' });
    const url = `${server.url}/#/encuentros/${encuentroId}/sintesis/${salaId}`;
    const stored = async () => (await api<{ cells: { items: { id: number; text: string }[] }[] }>(server.url, 'encuentro.synthesis.get', { salaId })).cells.flatMap((c) => c.items).find((i) => i.id === item.id)?.text;
    const one = await openPage(browser, url);
    const two = await openPage(browser, url);
    const box = (page: typeof one.page) => page.locator(`#synthesis-item-${item.id}`);
    await box(one.page).waitFor();
    await box(two.page).waitFor();

    const release = await holdSaves(two.page, 'encuentro.synthesis.updateItem');
    await box(two.page).click();
    await two.page.keyboard.press('End');
    await two.page.keyboard.type(' en la sala 2');
    await box(one.page).click();
    await one.page.keyboard.press('End');
    await one.page.keyboard.type(' continua');
    await eventually(stored).toBe('Asistencia técnica continua');
    release();

    const notice = two.page.getByRole('alert').filter({ hasText: 'Otra pantalla guardó este texto mientras usted escribía' });
    await notice.waitFor();
    await expect(notice.getByTestId('conflict-theirs').innerText()).resolves.toBe('Asistencia técnica continua');
    expect(await stored()).toBe('Asistencia técnica continua');
    const kept = await api<{ text: string }[]>(server.url, 'encuentro.synthesis.conflicts', { kind: 'synthesis', id: item.id });
    expect(kept.map((k) => k.text)[0]).toMatch(/^Asistencia técnica en/);
    await notice.getByRole('button', { name: 'Conservar el mío' }).click();
    await eventually(stored).toBe('Asistencia técnica en la sala 2');
    expect([...one.pageErrors, ...two.pageErrors]).toEqual([]);
  });
});
