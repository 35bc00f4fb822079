import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A11yTour } from './support/a11y-tour';
import { launchBrowser, openPage } from './support/browser';
import { api } from './support/encuentro';
import { focusRing, type FocusRing } from './support/focus-contrast';
import { startServer, type ServedApp } from './support/server';

/**
 * axe, every impact, on each screen and dialog of the edition, entries, import, reference,
 * backups and Encuentro sections (the jury's are in a11y-jury-screens), on the demo data so
 * tables, charts and lists are full. One served app and one page for all of them.
 */
describe('accesibilidad: cada pantalla y diálogo de la organización y del Encuentro', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let tour: A11yTour;
  let encuentroId = 0;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
    ({ encuentroId } = await api<{ encuentroId: number }>(server.url, 'encuentro.ensureDemo', {}));
    ({ page, pageErrors } = await openPage(browser, server.url));
    tour = new A11yTour(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('ediciones, postulaciones, importación, referencias y copias', async () => {
    await tour.screen('Ediciones', '#/ediciones', 'Ediciones', page.getByRole('table', { name: 'Ediciones del concurso' }));
    await tour.dialog('Nueva edición (diálogo)', page.getByRole('button', { name: 'Nueva edición' }), 'Nueva edición');
    await tour.dialog('Copiar edición (diálogo)', page.getByRole('button', { name: /^Copiar «/ }).first(), /^Copiar «/);

    await tour.screen('Detalle de edición', '#/ediciones/1', /Demostración/, page.getByRole('heading', { level: 2, name: 'Criterios de evaluación' }));
    await tour.dialog('Añadir categoría (diálogo)', page.getByRole('button', { name: 'Añadir categoría' }), 'Añadir categoría');
    await tour.dialog('Añadir etapa (diálogo)', page.getByRole('button', { name: 'Añadir etapa' }), 'Añadir etapa');
    await tour.dialog('Añadir criterio (diálogo)', page.getByRole('button', { name: 'Añadir criterio' }), 'Añadir criterio');
    await tour.dialog('Eliminar criterio (diálogo)', page.getByRole('button', { name: 'Eliminar «Innovación»' }), 'Eliminar criterio');

    await tour.screen('Postulaciones', '#/postulaciones', /^Postulaciones/, page.getByText('Mostrando 6 de 6 postulaciones'));
    await tour.screen('Nueva postulación', '#/postulaciones/nueva', 'Nueva postulación', page.getByRole('combobox', { name: 'IGED' }));
    await tour.screen('Detalle de postulación', '#/postulaciones/1', /./, page.getByRole('heading', { level: 2, name: 'Estado por etapa' }));
    await tour.dialog('Eliminar postulación (diálogo)', page.getByRole('button', { name: 'Eliminar postulación' }), 'Eliminar postulación');

    await tour.screen('Importar', '#/importar', /^Importar postulaciones/, page.getByLabel('Archivo de postulaciones'));
    await tour.screen('IGED / Referencias', '#/referencias', 'IGED y datos de referencia', page.getByText(/DRE\/GRE y \d+ UGEL registradas/));
    await tour.screen('Copias de seguridad', '#/copias', 'Copias de seguridad', page.getByRole('button', { name: 'Crear copia ahora' }));
    await page.getByRole('button', { name: 'Crear copia ahora' }).click();
    await page.getByRole('button', { name: /^Restaurar la copia del / }).first().waitFor();
    await tour.dialog('Restaurar copia (diálogo)', page.getByRole('button', { name: /^Restaurar la copia del / }).first(), 'Restaurar copia de seguridad');

    expect(tour.findings.join('\n')).toBe('');
  });

  it('el Encuentro: organización, captura, síntesis, resumen, asistencia y proyector', async () => {
    const base = `#/encuentros/${encuentroId}`;
    await tour.screen('Lista de Encuentros', '#/encuentros', 'Encuentros de Intercambio de Experiencias');
    await tour.dialog('Nuevo Encuentro (diálogo)', page.getByRole('button', { name: 'Nuevo Encuentro' }), 'Nuevo Encuentro');

    await tour.screen('Organización del Encuentro', base, /Encuentro/, page.getByRole('button', { name: 'Añadir sala' }));
    await tour.dialog('Añadir práctica (diálogo)', page.getByRole('button', { name: 'Añadir práctica' }), 'Añadir práctica');
    await tour.dialog('Añadir panel (diálogo)', page.getByRole('button', { name: 'Añadir panel' }), 'Añadir panel');
    await tour.dialog('Añadir sala (diálogo)', page.getByRole('button', { name: 'Añadir sala' }), 'Añadir sala');

    await tour.screen('Captura (sin sala)', `${base}/captura`, 'Captura de aportes', page.getByRole('combobox', { name: 'Sala' }));
    await tour.screen('Captura de una práctica', `${base}/captura/2/4`, 'Captura de aportes', page.getByTestId('save-summary').getByText('Todo guardado'));
    await page.getByRole('textbox', { name: /^Aporte 1 — / }).first().focus();
    await page.keyboard.press('Alt+h');
    await page.getByRole('dialog', { name: 'Historial del aporte' }).waitFor();
    await tour.check('Historial del aporte (diálogo)');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await tour.screen('Síntesis (sin sala)', `${base}/sintesis`, 'Síntesis para la plenaria');
    await tour.screen('Síntesis de una sala', `${base}/sintesis/2`, 'Síntesis para la plenaria', page.getByTestId('synthesis-status').getByText('Final'));
    await tour.dialog('Reabrir la síntesis (diálogo)', page.getByRole('button', { name: /^Pasar a «/ }).first(), /^Reabrir la síntesis/);
    await tour.screen('Resumen ejecutivo', `${base}/resumen`, 'Resumen ejecutivo: principales acciones');
    await tour.screen('Asistencia', `${base}/asistencia`, 'Registro de asistencia', page.getByTestId('count-present'));
    await page.getByText('Inscribir a una persona').click();
    await page.getByLabel('Nombres y apellidos').waitFor();
    await tour.check('Asistencia: inscribir a una persona');

    // The projector has no app header: its own title, on black.
    await page.goto(`${server.url}/#/proyector/practica/4/2`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('.projector-page li').first().waitFor();
    await tour.check('Proyector de una práctica');
    await page.goto(`${server.url}/#/proyector/sala/2`);
    await page.getByRole('region', { name: 'Síntesis de la sala' }).getByRole('table').waitFor();
    await tour.check('Proyector de la síntesis de una sala');

    expect(tour.findings.join('\n')).toBe('');
    expect(pageErrors).toEqual([]);
  });

  it('el foco se ve con un contraste de 3:1 o más sobre cada fondo en que aparece (WCAG 1.4.11)', async () => {
    const rings: (FocusRing & { where: string })[] = [];
    const measure = async (where: string, target: ReturnType<Page['locator']>) => rings.push({ where, ...(await focusRing(page, target)) });

    await page.goto(`${server.url}/#/ediciones`);
    await page.getByRole('heading', { level: 1, name: 'Ediciones' }).waitFor();
    await measure('enlace para saltar al contenido (sobre la cabecera)', page.getByRole('button', { name: 'Saltar al contenido' }));
    await measure('edición de trabajo (cabecera oscura)', page.getByRole('combobox', { name: 'Edición de trabajo' }));
    await measure('navegación (blanca)', page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Postulaciones' }));
    await measure('botón sobre el fondo de la página', page.getByRole('button', { name: 'Nueva edición' }));
    await page.goto(`${server.url}/#/ediciones/1`);
    await page.getByRole('heading', { level: 2, name: 'Criterios de evaluación' }).waitFor();
    await measure('botón en un panel blanco', page.getByRole('button', { name: 'Añadir categoría' }));
    await page.goto(`${server.url}/#/postulaciones`);
    await page.getByText('Mostrando 6 de 6 postulaciones').waitFor();
    await measure('orden en la cabecera de una tabla', page.getByRole('button', { name: /Región/ }));
    await measure('filtro de la lista', page.getByLabel('Categoría'));

    // The undo bar is dark: a deletion in the capture screen shows it (undone right after).
    await page.goto(`${server.url}/#/encuentros/${encuentroId}/captura/2/4`);
    await page.getByTestId('save-summary').getByText('Todo guardado').waitFor();
    await page.getByRole('textbox', { name: /^Aporte 1 — / }).first().focus();
    await page.keyboard.press('Control+Delete');
    const undo = page.getByRole('status').filter({ hasText: 'Se eliminó' }).getByRole('button', { name: 'Deshacer' });
    await measure('botón Deshacer (barra oscura)', undo);
    await undo.click();

    const failures = rings.filter((r) => !r.focusVisible || r.outlineStyle !== 'solid' || r.outlineWidthPx < 2 || r.ratio < 3);
    expect(failures.map((r) => `${r.where}: ${r.outlineColor} sobre ${r.background} = ${r.ratio.toFixed(2)}:1`)).toEqual([]);
    // The backgrounds this covered: the header's blue, white, the page's grey, a table header's, the undo bar's ink.
    expect(new Set(rings.map((r) => r.background))).toEqual(
      new Set(['rgb(31, 58, 95)', 'rgb(255, 255, 255)', 'rgb(244, 246, 249)', 'rgb(233, 238, 244)', 'rgb(29, 37, 48)']),
    );
  });
});
