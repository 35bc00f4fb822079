import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { api, captureItems, docxText, savedTexts, startRestartableServer, type RestartableServer } from './support/encuentro';
import { zipEntryText } from '../support/zip';
import { eventually } from './support/eventually';

/**
 * The live Encuentro as its users go through it: the demo opens, a practice is added and put in
 * a sala, a moderator captures it from the keyboard alone while a projector page shows it live,
 * accented text arrives exactly as typed, the door checks people in, and both exports carry it.
 */
describe('Encuentro en vivo', () => {
  let server: RestartableServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let encuentroId = 0;
  let salaId = 0;
  let practiceId = 0;
  const a11y: string[] = [];
  const check = async (p: Page, screen: string) => {
    const found = describeViolations(screen, await a11yViolations(p));
    if (found) a11y.push(found);
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startRestartableServer({ demo: true }), launchBrowser()]);
    ({ page, pageErrors } = await openPage(browser, server.url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('abre el Encuentro de demostración y su organización', async () => {
    await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Encuentro', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Encuentros de Intercambio de Experiencias' }).waitFor();
    await check(page, 'Lista de Encuentros');
    await page.getByRole('link', { name: /I Encuentro de Intercambio/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Salas de trabajo' }).waitFor();
    encuentroId = Number(/encuentros\/(\d+)/.exec(page.url())?.[1]);
    expect(encuentroId).toBeGreaterThan(0);
    await expect(page.getByRole('heading', { level: 3, name: /Sala 1/ }).count()).resolves.toBe(1);
    await check(page, 'Organización del Encuentro (demo)');
    await screenshot(page, 'encuentro-organizacion');
  });

  it('añade una práctica escrita a mano y la asigna a la Sala 1', async () => {
    await page.getByRole('button', { name: 'Añadir práctica' }).click();
    const dialog = page.getByRole('dialog', { name: 'Añadir práctica' });
    await dialog.getByLabel('Escribirla a mano').check();
    await dialog.getByLabel('Eje temático').selectOption({ label: 'Contribución al inicio del año escolar' });
    await dialog.getByLabel('Región').fill('Cusco');
    await dialog.getByLabel('DRE / UGEL').fill('UGEL Urubamba');
    await dialog.getByLabel('Título de la experiencia').fill('Aulas abiertas en el valle');
    await dialog.getByLabel('Año').fill('2019');
    await dialog.getByLabel('Expositor/a', { exact: true }).fill('Rosa Quispe Mamani');
    await check(page, 'Añadir práctica (diálogo)');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: /^Aulas abiertas en el valle/ }).waitFor();

    await page.getByRole('button', { name: /^Editar «Sala 1/ }).click();
    const salaDialog = page.getByRole('dialog', { name: 'Editar sala' });
    await salaDialog.getByLabel(/UGEL Urubamba: Aulas abiertas/).check();
    await salaDialog.getByRole('button', { name: 'Guardar' }).click();
    await salaDialog.waitFor({ state: 'detached' });
    const detail = await api<{ practices: { id: number; title: string }[]; salas: { id: number; name: string; practiceIds: number[] }[] }>(server.url, 'encuentro.get', { id: encuentroId });
    practiceId = detail.practices.find((p) => p.title === 'Aulas abiertas en el valle')!.id;
    salaId = detail.salas.find((s) => s.practiceIds.includes(practiceId))!.id;
    expect(salaId).toBeGreaterThan(0);
  });

  it('un moderador captura la práctica solo con el teclado y el proyector lo muestra en vivo', async () => {
    const projector = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'es-PE' })).newPage();
    await projector.goto(`${server.url}/#/proyector/practica/${practiceId}/${salaId}`);
    await projector.getByRole('heading', { level: 1, name: /UGEL Urubamba/ }).waitFor();

    await page.goto(`${server.url}/#/encuentros/${encuentroId}/captura/${salaId}/${practiceId}`);
    // The first empty line has the focus: the moderator types straight away.
    await page.locator('textarea:focus[aria-label="Nuevo aporte — UGEL — Factores que limitan"]').waitFor();
    await check(page, 'Captura de aportes');

    await page.keyboard.type('Cambios de personal.');
    await eventually(() => projector.locator('.projector-cell li').allInnerTexts()).toContain('Cambios de personal.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Poco presupuesto para el área');
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.type('Falta de iniciativa regional');
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.type('Voluntad del director de la DRE');
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.type('Articulación intergubernamental');
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.type('Marco normativo específico');
    await page.keyboard.press('Tab');

    await eventually(() => page.getByTestId('save-summary').innerText()).toBe('Todo guardado');
    const items = await captureItems(page);
    expect(items.map((i) => i.text)).toEqual([
      'Cambios de personal.',
      'Poco presupuesto para el área',
      'Falta de iniciativa regional',
      'Voluntad del director de la DRE',
      'Articulación intergubernamental',
      'Marco normativo específico',
    ]);
    expect(items.every((i) => i.state === 'saved')).toBe(true);

    const matrix = await api<{ blocks: { block: string; cells: { level: string; contributions: { text: string }[] }[] }[] }>(server.url, 'encuentro.matrix', { practiceId, salaId });
    const cell = (block: string, level: string) => matrix.blocks.find((b) => b.block === block)!.cells.find((c) => c.level === level)!.contributions.map((c) => c.text);
    expect(cell('limiting', 'ugel')).toEqual(['Cambios de personal.', 'Poco presupuesto para el área']);
    expect(cell('limiting', 'dreGreGr')).toEqual(['Falta de iniciativa regional']);
    expect(cell('enabling', 'dreGreGr')).toEqual(['Voluntad del director de la DRE']);
    expect(cell('conditions', 'dre')).toEqual(['Articulación intergubernamental']);
    expect(cell('conditions', 'minedu')).toEqual(['Marco normativo específico']);

    // The projector follows the block being typed in, in large type.
    await eventually(() => projector.locator('.projector-cell li').allInnerTexts()).toEqual(['Articulación intergubernamental', 'Marco normativo específico']);
    await projector.getByRole('heading', { level: 2, name: /REPLICABILIDAD/ }).waitFor();
    const fontSize = await projector.locator('.projector-cell li').first().evaluate((el) => parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(28);
    await check(projector, 'Proyector (práctica)');
    await screenshot(projector, 'encuentro-proyector-practica-1280x720');
    await screenshot(page, 'encuentro-captura');

    // After a reload everything acknowledged is there.
    await page.reload();
    await eventually(async () => (await captureItems(page)).length).toBe(6);
    await projector.close();
  });

  it('guarda exactamente el texto con tildes, teclas muertas e IME', async () => {
    await page.getByRole('textbox', { name: 'Nuevo aporte — MINEDU — Acciones para la sostenibilidad' }).focus();
    await page.keyboard.type('acción');
    await page.keyboard.type(' ');
    // "acción " is saved first, so the history below always has a version to compare.
    await eventually(() => page.getByTestId('save-summary').innerText()).toBe('Todo guardado');
    // A dead key (´) then a vowel, as a Spanish keyboard sends them; held longer than the save
    // delay, so a save would fire in the middle of the composition if one could.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Dead', code: 'Quote', windowsVirtualKeyCode: 222 });
    await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });
    await page.waitForTimeout(500);
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Dead', code: 'Quote', windowsVirtualKeyCode: 222 });
    await cdp.send('Input.insertText', { text: 'é' });
    await page.keyboard.type('xito ');
    // An IME composing a word letter by letter, then committing it.
    for (const partial of ['n', 'ñ', 'ña', 'ñan', 'ñand', 'ñandú']) await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
    await cdp.send('Input.insertText', { text: 'ñandú' });
    await page.keyboard.type(' y pingüino');
    await page.keyboard.press('Tab');
    const expected = 'acción éxito ñandú y pingüino';
    await eventually(() => page.getByTestId('save-summary').innerText()).toBe('Todo guardado');
    const items = await captureItems(page);
    expect(items.map((i) => i.text)).toContain(expected);
    expect(await savedTexts(server.url, practiceId, salaId)).toContain(expected);
    // Every saved version is a prefix of the final text: a half-composed character (the dead key's
    // «´», the IME's provisional «n») was never saved.
    const list = await api<{ id: number; text: string }[]>(server.url, 'encuentro.contributions.list', { encuentroId, salaId, practiceId });
    const history = await api<{ text: string }[]>(server.url, 'encuentro.contributions.history', { id: list.find((c) => c.text === expected)!.id });
    expect(history.length).toBeGreaterThan(0);
    for (const version of history) expect(expected.startsWith(version.text)).toBe(true);
  });

  it('elimina con deshacer (Ctrl+Z) y restaura una versión del historial', async () => {
    const target = page.getByRole('textbox', { name: 'Aporte 1 — DRE/GRE y GR — Factores que favorecen' });
    await target.focus();
    await page.keyboard.press('Control+Delete');
    await page.getByRole('status').filter({ hasText: 'Se eliminó el aporte' }).waitFor();
    await eventually(async () => (await savedTexts(server.url, practiceId, salaId)).includes('Voluntad del director de la DRE')).toBe(false);
    await page.keyboard.press('Control+z');
    await eventually(async () => (await savedTexts(server.url, practiceId, salaId)).includes('Voluntad del director de la DRE')).toBe(true);

    const item = page.getByRole('textbox', { name: 'Aporte 1 — DRE — Condiciones para la réplica' });
    await item.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' y sectorial');
    await eventually(() => page.getByTestId('save-summary').innerText()).toBe('Todo guardado');
    await page.keyboard.press('Alt+h');
    const dialog = page.getByRole('dialog', { name: 'Historial del aporte' });
    await dialog.waitFor();
    await check(page, 'Historial del aporte (diálogo)');
    await dialog.getByRole('listitem').filter({ has: page.getByText('Articulación intergubernamental', { exact: true }) }).first().getByRole('button', { name: 'Restaurar esta versión' }).click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(() => item.inputValue()).toBe('Articulación intergubernamental');
    await eventually(async () => (await savedTexts(server.url, practiceId, salaId)).includes('Articulación intergubernamental')).toBe(true);
  });

  it('arma la síntesis de la sala con fuentes y la cierra; el proyector de sala la muestra', async () => {
    await page.goto(`${server.url}/#/encuentros/${encuentroId}/sintesis/${salaId}`);
    // The demo's syntheses were presented at the plenary: final, locked. Reopening asks for a reason.
    await eventually(() => page.getByTestId('synthesis-status').innerText()).toBe('Final');
    await expect(page.getByRole('heading', { level: 2, name: 'Aportes de la sala' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Pasar a «Borrador»' }).click();
    const reopen = page.getByRole('dialog', { name: /Reabrir la síntesis/ });
    await reopen.getByRole('button', { name: 'Reabrir' }).click();
    await reopen.getByText('Indique el motivo').waitFor();
    await reopen.getByLabel(/Motivo de la reapertura/).fill('Faltó la práctica de la UGEL Urubamba');
    await reopen.getByRole('button', { name: 'Reabrir' }).click();
    await eventually(() => page.getByTestId('synthesis-status').innerText()).toBe('Borrador');
    await page.getByRole('heading', { level: 2, name: 'Aportes de la sala' }).waitFor();
    await page.getByRole('checkbox', { name: /^Marco normativo específico \(UGEL Urubamba/ }).check();
    await page.getByRole('button', { name: 'Llevar a la síntesis (1)' }).click();
    await page.locator('.synthesis-sources', { hasText: 'Marco normativo específico' }).first().waitFor();
    await check(page, 'Síntesis de la sala');
    await screenshot(page, 'encuentro-sintesis');

    const projector = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'es-PE' })).newPage();
    await projector.goto(`${server.url}/#/proyector/sala/${salaId}`);
    await projector.getByRole('table').waitFor();
    // At 1280×720 the sala's synthesis takes several pages: pause the rotation and step to the new item.
    const indicator = projector.getByTestId('projector-page');
    await indicator.waitFor();
    await projector.keyboard.press('p');
    await eventually(() => indicator.innerText()).toMatch(/^Página 1 de \d+ · en pausa$/);
    const total = Number(/de (\d+)/.exec(await indicator.innerText())![1]);
    for (let n = 2; n <= total && !(await projector.locator('.projector-table').innerText()).includes('Marco normativo específico'); n++) {
      await projector.keyboard.press('PageDown');
      await eventually(() => indicator.innerText()).toMatch(new RegExp(`^Página ${n} de`));
    }
    expect(await projector.locator('.projector-table').innerText()).toContain('Marco normativo específico');
    await check(projector, 'Proyector (síntesis de sala)');
    await screenshot(projector, 'encuentro-proyector-sala-1280x720');
    await projector.close();

    await page.getByRole('button', { name: 'Pasar a «En revisión»' }).click();
    await eventually(() => page.getByTestId('synthesis-status').innerText()).toBe('En revisión');
    await page.getByRole('button', { name: 'Pasar a «Final»' }).click();
    await eventually(() => page.getByTestId('synthesis-status').innerText()).toBe('Final');
    const synthesis = await api<{ history: { reason: string }[] }>(server.url, 'encuentro.synthesis.get', { salaId });
    expect(synthesis.history.map((h) => h.reason)).toContain('Faltó la práctica de la UGEL Urubamba');
  });

  it('registra la asistencia en la puerta y actualiza las cifras', async () => {
    await page.goto(`${server.url}/#/encuentros/${encuentroId}/asistencia`);
    await eventually(() => page.getByTestId('count-present').innerText()).toBe('145');
    await expect(page.getByTestId('count-servidores').innerText()).resolves.toBe('37');
    await page.getByText('Inscribir a una persona').click();
    await page.getByLabel('Nombres y apellidos').fill('José Núñez Pérez');
    await page.getByLabel('Tipo de institución').selectOption({ label: 'UGEL' });
    await page.getByLabel('Institución', { exact: true }).fill('UGEL Urubamba');
    await page.getByLabel('Registrar también su asistencia ahora').uncheck();
    await page.getByRole('button', { name: 'Inscribir', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Se inscribió a José Núñez Pérez' }).waitFor();

    const search = page.getByRole('combobox', { name: /Buscar por nombre/ });
    await search.focus();
    await page.keyboard.type('jose nunez');
    await eventually(() => page.getByRole('listbox', { name: 'Personas inscritas' }).getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('José Núñez Pérez')]);
    await check(page, 'Asistencia');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByTestId('count-present').innerText()).toBe('146');
    await expect(page.getByTestId('count-servidores').innerText()).resolves.toBe('38');
    await screenshot(page, 'encuentro-asistencia');
    await page.keyboard.press('Control+z');
    await eventually(() => page.getByTestId('count-present').innerText()).toBe('145');
    // A slow network at the door: Enter comes before the list has caught up with what was typed
    // (it still shows the whole, already checked-in roster). Enter checks in the person typed,
    // not whoever heads the old list.
    const slowList = async (route: Route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    };
    await page.route('**/api/call/encuentro.attendance.list', slowList);
    await page.keyboard.type('JOSÉ núñez');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByTestId('count-present').innerText()).toBe('146');
    await page.getByRole('status').filter({ hasText: 'José Núñez Pérez' }).first().waitFor();
    // Let the delayed requests finish before the route goes away (a late route.continue() would throw).
    await page.unrouteAll({ behavior: 'wait' });
  });

  it('descarga el Excel y el Informe del Encuentro con lo capturado', async () => {
    await page.goto(`${server.url}/#/encuentros/${encuentroId}`);
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar Excel (.xlsx)' }).click()]);
    const xlsxFile = path.join(server.dir, 'export.xlsx');
    await xlsxDownload.saveAs(xlsxFile);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    const allText = workbook.worksheets.flatMap((sheet) => {
      const cells: string[] = [];
      sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.text))));
      return cells;
    });
    expect(allText).toContain('acción éxito ñandú y pingüino');
    expect(allText).toContain('Cambios de personal.');
    expect(allText).toContain('José Núñez Pérez');

    const [docxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar Informe del Encuentro (.docx)' }).click()]);
    const docxFile = path.join(server.dir, 'informe.docx');
    await docxDownload.saveAs(docxFile);
    expect(fs.statSync(docxFile).size).toBeGreaterThan(5_000);
    const text = docxText(await zipEntryText(docxFile, 'word/document.xml'));
    expect(text).toContain('Aulas abiertas en el valle');
    expect(text).toContain('Cambios de personal.');
    expect(text).toContain('acción éxito ñandú y pingüino');
    expect(text).toContain('146 asistentes');
    expect(text).toContain('38 de ellos son servidores');
  });

  it('no tiene fallas de accesibilidad, de ningún grado, ni errores en la página', () => {
    expect(a11y.join('\n')).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
