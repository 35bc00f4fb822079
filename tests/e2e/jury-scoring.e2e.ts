import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage } from './support/browser';
import { eventually } from './support/eventually';
import { workbookText, zipEntryText } from './support/jury-files';
import { apiClient, createJuryScenario, scoreAllSheets, type Api, type JuryScenario } from './support/jury-setup';
import { startServer, type ServedApp } from './support/server';

/**
 * Focuses a control directly, then activates it with a key (no mouse anywhere). The way to each
 * control by Tab and the arrows alone, with its number of keys, is in keyboard-only.e2e.ts.
 */
async function press(page: Page, locator: ReturnType<Page['locator']>, key = 'Enter') {
  await locator.focus();
  await page.keyboard.press(key);
}

async function expectAxeClean(page: Page, screen: string) {
  const violations = await a11yViolations(page);
  expect(violations, describeViolations(screen, violations)).toEqual([]);
}

describe('jurado: calificar con el teclado, cerrar la etapa, consolidar y exportar', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let api: Api;
  let scenario: JuryScenario;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    api = apiClient(server.url);
    scenario = await createJuryScenario(api, { entries: 2, jurors: 3, criteria: 3, jurorsPerEntry: 3, cutoff: 6, levels: true });
    // The other two jurors already scored and submitted: the first juror is the last one.
    await scoreAllSheets(api, scenario, scenario.jurorIds[1] as number, (e, c) => 1 + ((e + c) % 4));
    await scoreAllSheets(api, scenario, scenario.jurorIds[2] as number, (e, c) => 1 + ((e * 2 + c + 1) % 4));
    ({ page, pageErrors } = await openPage(browser, `${server.url}/#/calificar`));
  });

  afterAll(async () => {
    await page?.screenshot({ path: '/tmp/jury-e2e-last.png', fullPage: true }).catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('un jurado califica solo con el teclado, la organización cierra la etapa, consolida y exporta', async () => {
    // Who am I: no login, the juror picks their name.
    await page.getByRole('heading', { level: 1, name: '¿Quién es usted?' }).waitFor();
    await page.getByText('no tiene usuarios ni contraseñas').waitFor();
    await expectAxeClean(page, 'quién es usted');
    await press(page, page.getByRole('link', { name: /Soy Ana Quispe Mamani/ }));

    // Worklist with progress.
    await page.getByRole('heading', { level: 1, name: 'Fichas de Ana Quispe Mamani — Evaluación técnica' }).waitFor();
    await page.getByText('0 de 2 fichas terminadas').waitFor();
    await expectAxeClean(page, 'lista de fichas');
    await press(page, page.getByRole('link', { name: 'Continuar calificando' }));

    // The ficha: blind mode, rubric inline, digits + Enter, a refused value, comments.
    await page.getByRole('heading', { level: 1, name: 'BP-0001 — Práctica 0001' }).waitFor();
    await expect(page.getByText('Oculto (modo ciego)').first().isVisible()).resolves.toBe(true);
    await page.getByText('Innovación: nivel 4').waitFor();
    await expectAxeClean(page, 'ficha');
    await page.screenshot({ path: '/tmp/jury-sheet.png', fullPage: true });
    const scores = page.getByRole('textbox', { name: 'Puntaje' });
    await scores.nth(0).focus();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'fuera de la escala de «Innovación»: debe estar entre 1 y 4' }).waitFor();
    await expect(scores.nth(0).evaluate((el) => el.matches(':focus'))).resolves.toBe(true);
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await eventually(() => scores.nth(1).evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await eventually(() => scores.nth(2).evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Práctica sólida, con evidencias claras.');
    await eventually(() => page.getByText('guardado', { exact: true }).count()).toBe(3);
    await page.screenshot({ path: '/tmp/jury-sheet-scored.png', fullPage: true });
    // Tab: "Guardar y siguiente", then "Enviar ficha"; the dialog opens on "Cancelar".
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Enviar la ficha' });
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // Submitted: read-only, and only now the other jurors' scores appear.
    await page.getByRole('table', { name: 'Puntajes de los demás jurados' }).waitFor();
    await expect(page.getByRole('columnheader', { name: 'Luis Huamán Torres' }).isVisible()).resolves.toBe(true);
    await eventually(() => page.getByRole('link', { name: 'Siguiente postulación' }).evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'BP-0002 — Práctica 0002' }).waitFor();

    // The second entry in the grid view.
    await press(page, page.getByRole('link', { name: 'Volver a mis fichas' }).first());
    await press(page, page.getByRole('link', { name: 'Vista de cuadrícula' }));
    await page.getByRole('heading', { level: 1, name: 'Calificación en cuadrícula' }).waitFor();
    await expectAxeClean(page, 'cuadrícula');
    await page.getByRole('textbox', { name: 'BP-0002, Innovación (1 a 4)' }).focus();
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    const refused = page.getByRole('alert').filter({ hasText: 'El puntaje 9 está fuera de la escala de «Resultados»' });
    await refused.waitFor();
    await page.screenshot({ path: '/tmp/jury-grid-refused.png' });
    await expect(page.getByRole('textbox', { name: 'BP-0002, Resultados (1 a 4)' }).evaluate((el) => el.matches(':focus'))).resolves.toBe(true);
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await refused.waitFor({ state: 'detached' });
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByTestId('score-grid').getByText('guardado', { exact: true }).count()).toBe(3);
    await page.getByText('Guardado: BP-0002, Sostenibilidad = 4').waitFor();
    await press(page, page.getByRole('button', { name: 'Enviar fichas completas (1)' }));
    await page.getByText('2 de 2 fichas terminadas').waitFor();
    await page.screenshot({ path: '/tmp/jury-grid.png' });

    // The organizer closes the stage.
    await press(page, page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Jurado', exact: true }));
    await page.getByRole('heading', { level: 1, name: /^Jurado: Jurados y paneles/ }).waitFor();
    await expectAxeClean(page, 'jurados y paneles');
    await press(page, page.getByRole('link', { name: 'Etapas y auditoría' }));
    await page.getByRole('heading', { level: 1, name: /^Jurado: Etapas y auditoría/ }).waitFor();
    await page.getByText('La etapa está abierta').waitFor();
    await expectAxeClean(page, 'etapas');
    await press(page, page.getByRole('button', { name: 'Cerrar la etapa' }));
    const closeDialog = page.getByRole('dialog', { name: 'Cerrar la etapa «Evaluación técnica»' });
    await closeDialog.waitFor();
    await page.keyboard.type('Todas las fichas enviadas.');
    await press(page, closeDialog.getByRole('button', { name: 'Cerrar la etapa' }));
    await page.getByTestId('stage-state').filter({ hasText: 'Etapa cerrada' }).waitFor();
    await press(page, page.getByRole('button', { name: 'Verificar integridad' }));
    await page.getByText(/Cadena íntegra: se verificaron los \d+ registros/).waitFor();
    // The list of every stage shows it closed, when and by whom.
    const stageRow = page.getByRole('table', { name: 'Estado de todas las etapas' }).getByRole('row', { name: /Evaluación técnica/ });
    await expect(stageRow.innerText()).resolves.toMatch(/Cerrada[\s\S]*por Organización\. Motivo: Todas las fichas enviadas\./);
    await page.screenshot({ path: '/tmp/jury-stages.png', fullPage: true });
    // Read-only now, for the service as well as for the screen.
    await expect(
      api('scores.set', { stageId: scenario.stageId, jurorId: scenario.jurorIds[0], entryId: scenario.entryIds[0], criterionId: scenario.criterionIds[0], value: 1 }),
    ).rejects.toThrow(/cerrada/);

    // Consolidation: every method side by side, reliability, cut-off.
    await press(page, page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Resultados', exact: true }));
    await page.getByRole('heading', { level: 1, name: 'Resultados — Concurso 2024' }).waitFor();
    const ranking = page.getByRole('table', { name: 'Ranking de «Liderazgo para la mejora de aprendizajes» con cada método' });
    await ranking.waitFor();
    for (const header of ['Promedio', 'Mediana', 'Media recortada', 'Normalizado (z)']) await ranking.getByRole('columnheader', { name: header }).waitFor();
    await expect(ranking.locator('tbody tr').count()).resolves.toBe(2);
    await expect(page.getByTestId('reliability').innerText()).resolves.toMatch(/α = |No calculable/);
    await page.getByRole('table', { name: 'Distribución por jurado (datos del gráfico)' }).waitFor();
    await page.getByRole('table', { name: 'Estadísticas por criterio (datos del gráfico)' }).waitFor();
    await expectAxeClean(page, 'resultados');
    await page.screenshot({ path: '/tmp/jury-results.png', fullPage: true });

    // Exports: the results workbook and the acta.
    const [resultsDownload] = await Promise.all([page.waitForEvent('download'), press(page, page.getByRole('button', { name: 'Libro de resultados (.xlsx)' }))]);
    const resultsFile = path.join(server.dir, resultsDownload.suggestedFilename());
    await resultsDownload.saveAs(resultsFile);
    expect(resultsFile).toMatch(/\.xlsx$/);
    const workbook = await workbookText(resultsFile);
    expect(workbook.sheets).toContain('Ranking');
    expect(workbook.text).toContain('BP-0001');
    expect(workbook.text).toContain('BP-0002');

    const [actaDownload] = await Promise.all([page.waitForEvent('download'), press(page, page.getByRole('button', { name: 'Acta de calificación (.docx)' }))]);
    const actaFile = path.join(server.dir, actaDownload.suggestedFilename());
    await actaDownload.saveAs(actaFile);
    expect(actaFile).toMatch(/\.docx$/);
    const documentXml = await zipEntryText(actaFile, 'word/document.xml');
    expect(documentXml).toContain('ACTA DE CALIFICACIÓN');
    expect(documentXml).toContain('Ana Quispe Mamani');
    expect(documentXml).toContain('BP-0001');

    expect(pageErrors).toEqual([]);
  });
});
