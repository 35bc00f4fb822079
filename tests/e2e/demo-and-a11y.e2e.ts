import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/eventually';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { startServer, type ServedApp } from './support/server';
import { goTo, tableRows } from './support/ui';

const WINNERS = [
  'Atendiendo la diversidad con una calendarización diferenciada',
  'Vigilancia colaborativa en la mejora de la prestación del servicio de distribución de materiales y recursos educativos en la provincia de Lamas',
  'Monitoreo Integral de los Aprendizajes (MIA)',
  'SIMON en el inicio del año escolar',
  'KUKA: Entrega de materiales educativos',
];

describe('edición de demostración y accesibilidad de cada pantalla', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
    ({ page, pageErrors } = await openPage(browser, server.url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('muestra las seis prácticas ganadoras de la demostración', async () => {
    await goTo(page, 'Postulaciones');
    await page.getByText('Mostrando 6 de 6 postulaciones').waitFor();
    const titles = (await tableRows(page, 'Postulaciones de la edición')).map((r) => r[1]);
    expect(titles).toHaveLength(6);
    for (const title of WINNERS) expect(titles).toContain(title);
    await screenshot(page, 'demo-postulaciones');
  });

  it('ordena con la columna y filtra por categoría y región', async () => {
    await page.getByRole('button', { name: /Región/ }).click();
    const regions = (await tableRows(page, 'Postulaciones de la edición')).map((r) => r[3] ?? '');
    // Spanish order: Áncash sorts with the A's (before Arequipa), not after San Martín as by code point.
    expect(regions).toEqual(['Áncash', 'Arequipa', 'Huancavelica', 'Lima Metropolitana', 'Loreto', 'San Martín']);
    await expect(page.getByRole('columnheader', { name: /Región/ }).getAttribute('aria-sort')).resolves.toBe('ascending');

    await page.getByLabel('Categoría').selectOption({ label: 'Contribución al inicio del año escolar' });
    await page.getByLabel('Región', { exact: true }).selectOption('Loreto');
    await page.getByText('Mostrando 1 de 6 postulaciones').waitFor();
    await page.getByRole('button', { name: 'Quitar filtros' }).click();
    await page.getByText('Mostrando 6 de 6 postulaciones').waitFor();
  });

  it('no tiene fallas de accesibilidad, de ningún grado, en sus pantallas', async () => {
    const failures: string[] = [];
    const check = async (screen: string) => {
      const found = describeViolations(screen, await a11yViolations(page));
      if (found) failures.push(found);
    };
    await goTo(page, 'Ediciones');
    await page.getByRole('heading', { level: 1, name: 'Ediciones' }).waitFor();
    await check('Ediciones');
    await page.getByRole('button', { name: 'Nueva edición' }).click();
    await page.getByRole('dialog', { name: 'Nueva edición' }).waitFor();
    await check('Nueva edición (diálogo)');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Escape closed the dialog and focus went back to the button that opened it.
    await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Nueva edición');

    await page.getByRole('link', { name: /Demostración/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Criterios de evaluación' }).waitFor();
    await check('Detalle de edición (demo)');
    await page.getByRole('button', { name: 'Editar «Innovación»' }).click();
    await page.getByRole('dialog', { name: 'Editar criterio' }).waitFor();
    await screenshot(page, 'demo-criterio-rubrica');
    await check('Editar criterio (diálogo)');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();

    await goTo(page, 'Postulaciones');
    await page.getByText('Mostrando 6 de 6 postulaciones').waitFor();
    await check('Postulaciones');
    await page.getByRole('link', { name: 'KUKA: Entrega de materiales educativos' }).click();
    await page.getByRole('heading', { level: 2, name: 'Estado por etapa' }).waitFor();
    await check('Detalle de postulación');
    await page.getByRole('combobox', { name: 'IGED' }).fill('lima');
    await page.getByRole('listbox').waitFor();
    await check('Buscador de IGED abierto');
    await page.keyboard.press('Escape');

    await goTo(page, 'Importar');
    await page.getByLabel('Archivo de postulaciones').waitFor();
    await check('Importar');
    await goTo(page, 'IGED / Referencias');
    await page.getByText(/DRE\/GRE y \d+ UGEL registradas/).waitFor();
    await screenshot(page, 'referencias');
    await check('IGED / Referencias');
    await goTo(page, 'Copias de seguridad');
    await page.getByRole('button', { name: 'Crear copia ahora' }).waitFor();
    await check('Copias de seguridad');

    expect(failures.join('\n')).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
