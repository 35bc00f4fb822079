import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A11yTour } from './support/a11y-tour';
import { launchBrowser, openPage } from './support/browser';
import { focusRing } from './support/focus-contrast';
import { apiClient, createJuryScenario, scoreAllSheets, type JuryScenario } from './support/jury-setup';
import { startServer, type ServedApp } from './support/server';

/**
 * axe, every impact, on each screen and dialog of the jury: the organizer's six sections, the
 * juror's who-am-I, worklist, ficha and grid, and the results. Two jurors have scored everything,
 * the third has one ficha filled but not sent, so every table and chart has rows.
 */
describe('accesibilidad: cada pantalla y diálogo del jurado y de los resultados', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let tour: A11yTour;
  let scenario: JuryScenario;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const api = apiClient(server.url);
    scenario = await createJuryScenario(api, { entries: 3, jurors: 3, criteria: 3, jurorsPerEntry: 3, blindMode: false, levels: true, cutoff: 6 });
    await scoreAllSheets(api, scenario, scenario.jurorIds[1]!, (e, c) => 1 + ((e + c) % 4));
    await scoreAllSheets(api, scenario, scenario.jurorIds[2]!, (e, c) => 1 + ((e * 2 + c + 1) % 4));
    for (const criterionId of scenario.criterionIds) {
      await api('scores.set', { stageId: scenario.stageId, jurorId: scenario.jurorIds[0], entryId: scenario.entryIds[0], criterionId, value: 3 });
    }
    ({ page, pageErrors } = await openPage(browser, server.url));
    tour = new A11yTour(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('la organización del jurado: sus seis secciones y sus diálogos', async () => {
    const title = (section: string) => new RegExp(`^Jurado: ${section} — `);
    await tour.screen('Jurados y paneles', '#/jurado', title('Jurados y paneles'), page.getByRole('table', { name: 'Miembros del jurado' }));
    await tour.dialog('Añadir jurado (diálogo)', page.getByRole('button', { name: 'Añadir jurado' }), 'Añadir jurado');
    await tour.dialog('Retirar a un jurado (diálogo)', page.getByRole('button', { name: 'Retirar a Ana Quispe Mamani' }), /Ana Quispe Mamani/);
    await tour.screen('Conflictos de interés', '#/jurado/conflictos', title('Conflictos de interés'));
    await tour.screen('Asignación', '#/jurado/asignacion', title('Asignación'), page.getByRole('table', { name: 'Carga por jurado' }));
    await tour.screen('Etapas y auditoría', '#/jurado/etapas', title('Etapas y auditoría'), page.getByText('La etapa está abierta'));
    await tour.dialog('Cerrar la etapa (diálogo)', page.getByRole('button', { name: 'Cerrar la etapa' }), /^Cerrar la etapa «/);
    await tour.screen('Fichas en Excel', '#/jurado/fichas', title('Fichas en Excel'));
    await tour.screen('Configuración del jurado', '#/jurado/configuracion', title('Configuración'));
    expect(tour.findings.join('\n')).toBe('');
  });

  it('la calificación: quién es usted, sus fichas, una ficha con sus diálogos, la cuadrícula; y los resultados', async () => {
    const { stageId, jurorIds, entryIds } = scenario;
    await tour.screen('¿Quién es usted?', '#/calificar', '¿Quién es usted?');
    await tour.screen('Fichas de un jurado', `#/calificar/${stageId}/${jurorIds[0]}`, /^Fichas de Ana Quispe Mamani/, page.getByText('0 de 3 fichas terminadas'));
    await tour.screen('Ficha', `#/calificar/${stageId}/${jurorIds[0]}/${entryIds[0]}`, /^BP-0001 — /, page.getByText('Innovación: nivel 4'));
    await tour.dialog('Enviar la ficha (diálogo)', page.getByRole('button', { name: 'Enviar ficha' }), 'Enviar la ficha');
    await tour.dialog('Abstención o inhibición (diálogo)', page.getByRole('button', { name: 'Abstenerse o inhibirse…' }), 'Abstención o inhibición');
    await tour.screen('Ficha de otra postulación', `#/calificar/${stageId}/${jurorIds[1]}/${entryIds[1]}`, /^BP-0002 — /, page.getByRole('table', { name: 'Puntajes de los demás jurados' }));
    await tour.screen('Cuadrícula', `#/calificar/${stageId}/${jurorIds[0]}/cuadricula`, 'Calificación en cuadrícula', page.getByRole('textbox', { name: 'BP-0003, Innovación (1 a 4)' }));
    // A score cell's own focus ring (drawn flush with the input) against the white cell around it.
    const ring = await focusRing(page, page.getByRole('textbox', { name: 'BP-0003, Innovación (1 a 4)' }));
    expect(ring).toMatchObject({ focusVisible: true, outlineStyle: 'solid', background: 'rgb(255, 255, 255)' });
    expect(ring.ratio).toBeGreaterThanOrEqual(3);
    await tour.screen('Resultados', '#/resultados', /^Resultados/, page.getByRole('heading', { level: 2, name: 'Dispersión por criterio' }));
    expect(tour.findings.join('\n')).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
