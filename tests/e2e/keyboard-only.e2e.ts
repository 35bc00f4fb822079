import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api as encuentroApi, savedTexts } from './support/encuentro';
import { eventually } from './support/eventually';
import { apiClient, createJuryScenario, type JuryScenario } from './support/jury-setup';
import { CountedKeyboard } from './support/keys';
import { launchBrowser, openPage } from './support/browser';
import { startServer, type ServedApp } from './support/server';

interface SheetScores {
  scores: { criterionId: number; value: number | null }[];
}
interface Attendee {
  fullName: string;
  checkedIn: boolean;
}

/**
 * Three tasks done with the keyboard alone, as a person does them: from the screen's title (which
 * has the focus when a screen opens), only Tab, Shift+Tab, the arrows and Enter, and the text typed.
 * No control is focused or clicked by the test. Each task's number of keys is stated exactly.
 */
describe('solo con el teclado, desde el título de la pantalla', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let scenario: JuryScenario;
  let encuentroId = 0;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
    scenario = await createJuryScenario(apiClient(server.url), { entries: 3, jurors: 3, criteria: 3, jurorsPerEntry: 3 });
    ({ encuentroId } = await encuentroApi<{ encuentroId: number }>(server.url, 'encuentro.ensureDemo', {}));
    ({ page, pageErrors } = await openPage(browser, `${server.url}/#/ediciones`));
    await page.getByRole('heading', { level: 1, name: 'Ediciones' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens a screen as a link does (the address changes in the running app) and checks that its title has the focus. */
  async function openScreen(hash: string, title: string | RegExp): Promise<CountedKeyboard> {
    await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
    const heading = page.getByRole('heading', { level: 1, name: title });
    await heading.waitFor();
    await eventually(() => heading.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    return new CountedKeyboard(page);
  }

  it('califica tres criterios de una postulación en la cuadrícula', async () => {
    const { stageId, jurorIds, entryIds, criterionIds } = scenario;
    const keys = await openScreen(`#/calificar/${stageId}/${jurorIds[0]}/cuadricula`, 'Calificación en cuadrícula');
    await page.getByRole('textbox', { name: 'BP-0002, Innovación (1 a 4)' }).waitFor();

    // Past the three sort buttons of the header row (code, title, status) to the first cell, then down a row.
    await keys.press('Tab', 4);
    await keys.press('ArrowDown');
    expect(await keys.focused(), keys.path.join('\n')).toBe('input: BP-0002, Innovación (1 a 4)');
    await keys.type('3');
    await keys.press('Tab');
    await keys.type('2');
    await keys.press('Tab');
    await keys.type('4');
    await keys.press('Enter');
    expect(keys.count, keys.path.join('\n')).toBe(8);

    const api = apiClient(server.url);
    await eventually(async () => {
      const sheet = await api<SheetScores>('scores.sheet', { stageId, jurorId: jurorIds[0], entryId: entryIds[1] });
      return criterionIds.map((id) => sheet.scores.find((s) => s.criterionId === id)?.value ?? null);
    }).toEqual([3, 2, 4]);
    await eventually(() => page.getByTestId('score-grid').getByText('guardado', { exact: true }).count()).toBe(3);
  });

  it('añade dos aportes en la captura', async () => {
    const keys = await openScreen(`#/encuentros/${encuentroId}/captura`, 'Captura de aportes');
    // The sala, then the practice: each a select, chosen with the arrows.
    await keys.press('Tab', 6);
    expect(await keys.focused(), keys.path.join('\n')).toBe('select: Sala');
    await keys.press('ArrowDown');
    // Choosing a sala opens its address; the practice select is enabled once the screen has it.
    await eventually(() => page.getByRole('combobox', { name: 'Práctica' }).isEnabled()).toBe(true);
    await keys.press('Tab');
    expect(await keys.focused(), keys.path.join('\n')).toBe('select: Práctica');
    await keys.press('ArrowDown');
    // The matrix opens on the first block's first empty line.
    const first = page.getByRole('textbox', { name: /^Nuevo aporte — UGEL — Factores que limitan/ });
    await eventually(() => first.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await keys.type('Aporte de teclado uno');
    await keys.press('Enter');
    await keys.type('Aporte de teclado dos');
    expect(keys.count, keys.path.join('\n')).toBe(10);

    await eventually(() => page.getByTestId('save-summary').innerText()).toBe('Todo guardado');
    const practiceId = Number(/captura\/\d+\/(\d+)/.exec(page.url())?.[1]);
    const salaId = Number(/captura\/(\d+)\//.exec(page.url())?.[1]);
    await eventually(async () => (await savedTexts(server.url, practiceId, salaId)).filter((text) => text.startsWith('Aporte de teclado'))).toEqual([
      'Aporte de teclado uno',
      'Aporte de teclado dos',
    ]);
  });

  it('registra la asistencia de una persona inscrita que tiene un homónimo', async () => {
    // Two people registered beforehand and not yet at the door, with nearly the same name.
    for (const fullName of ['Rosa Quispe Ccahuana', 'Rosa Quispe Ccahuana de Rojas']) {
      await encuentroApi(server.url, 'encuentro.attendance.register', { encuentroId, fields: { fullName, institutionType: 'ugel', institution: 'UGEL Urubamba' } });
    }
    const keys = await openScreen(`#/encuentros/${encuentroId}/asistencia`, 'Registro de asistencia');
    const present = page.getByTestId('count-present');
    await eventually(() => present.innerText()).toMatch(/^\d+$/);
    const before = Number(await present.innerText());
    await keys.press('Tab', 6);
    expect(await keys.focused(), keys.path.join('\n')).toMatch(/^input: Buscar por nombre/);
    // Accents and case do not matter; the second of the two is the one at the door.
    await keys.type('rosa quispe ccahuana');
    const options = page.getByRole('listbox', { name: 'Personas inscritas' }).getByRole('option');
    await eventually(() => options.count()).toBe(2);
    await keys.press('ArrowDown');
    await expect(page.getByRole('listbox', { name: 'Personas inscritas' }).getByRole('option', { selected: true }).innerText()).resolves.toContain('Rosa Quispe Ccahuana de Rojas');
    await keys.press('Enter');
    expect(keys.count, keys.path.join('\n')).toBe(8);

    await eventually(() => present.innerText()).toBe(String(before + 1));
    const roster = await encuentroApi<Attendee[]>(server.url, 'encuentro.attendance.list', { encuentroId, query: 'Rosa Quispe Ccahuana' });
    expect(roster.map((a) => [a.fullName, a.checkedIn])).toEqual([
      ['Rosa Quispe Ccahuana', false],
      ['Rosa Quispe Ccahuana de Rojas', true],
    ]);
    expect(pageErrors).toEqual([]);
  });
});
