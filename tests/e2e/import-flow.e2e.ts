import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { startServer, type ServedApp } from './support/server';
import { addCategory, createEdition, fillCriterion, goTo, tableRows } from './support/ui';
import { readWorkbook, writeWorkbook, type Cell } from './support/workbooks';

const CAT_INICIO = 'Contribución al inicio del año escolar';
const CAT_CIUDADANO = 'Atención y orientación al ciudadano';
const HEADERS = ['Código', 'Región', 'IGED', 'Título de la práctica', 'Categoría', 'Año de inicio', 'Responsable', 'Correo electrónico', 'Evidencias'];

// Excel rows 3–7 (row 1 is a title, row 2 the headers). Rows 5 and 6 carry one error each.
const BROKEN: Cell[][] = [
  ['2025-101', 'Áncash', 'DRE Áncash', 'Monitoreo pedagógico en Educación Rural', CAT_INICIO, 2023, 'Rosa Quispe', 'rquispe@dreancash.gob.pe', 'https://example.org/a'],
  ['2025-102', 'Cusco', 'GRE Cusco', 'Buen inicio del año escolar en Cusco', CAT_INICIO, 2022, 'Luis Huamán', '', ''],
  ['2025-103', 'Puno', 'UGEL Inexistente', 'Escuelas abiertas en el altiplano', CAT_INICIO, 2021, '', '', ''],
  ['2025-104', 'San Martín', 'DRE San Martín', 'Atención al ciudadano en línea', CAT_CIUDADANO, 'dos mil', '', '', ''],
  ['2025-105', 'Loreto', 'DRE Loreto', 'Materiales a tiempo en la Amazonía', CAT_CIUDADANO, 2021, '', '', ''],
];
const FIXED: Cell[][] = BROKEN.map((row) => [...row]);
FIXED[2]![2] = 'DRE Puno';
FIXED[3]![5] = 2020;
// The same file with the first entry's contact person completed: an update of one field.
const UPDATED: Cell[][] = FIXED.map((row) => [...row]);
UPDATED[0]![6] = 'Rosa Elena Quispe Mamani';

describe('un usuario crea una edición, importa un libro con errores, lo corrige, lo importa, busca y exporta', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ({ page, pageErrors } = await openPage(browser, server.url));
    await writeWorkbook(path.join(server.dir, 'postulaciones.xlsx'), 'Postulaciones', HEADERS, BROKEN, 'Concurso 2025 — postulaciones recibidas');
    await writeWorkbook(path.join(server.dir, 'postulaciones-corregido.xlsx'), 'Postulaciones', HEADERS, FIXED, 'Concurso 2025 — postulaciones recibidas');
    await writeWorkbook(path.join(server.dir, 'postulaciones-actualizado.xlsx'), 'Postulaciones', HEADERS, UPDATED, 'Concurso 2025 — postulaciones recibidas');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('crea la edición y sus criterios', async () => {
    await createEdition(page, { year: 2025, name: 'Concurso 2025' });
    await addCategory(page, CAT_INICIO);
    await addCategory(page, CAT_CIUDADANO);
    for (const [name, weight] of [
      ['Innovación', '25'],
      ['Resultados y evidencias', '35'],
    ] as const) {
      const dialog = await fillCriterion(page, { name, weight, min: '1', max: '4' });
      await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    expect((await tableRows(page, 'Criterios de evaluación')).map((r) => r[1])).toEqual(['Innovación', 'Resultados y evidencias']);
  });

  it('importa un libro con errores y ve el informe sin que se guarde nada', async () => {
    await goTo(page, 'Importar');
    await page.getByLabel('Archivo de postulaciones').setInputFiles(path.join(server.dir, 'postulaciones.xlsx'));
    await page.getByRole('heading', { name: 'Columnas del archivo' }).waitFor();
    // The proposed mapping found the usual headers.
    await expect(page.getByLabel('Título de la práctica', { exact: true }).inputValue()).resolves.toBe('3');
    await expect(page.getByLabel('IGED', { exact: true }).inputValue()).resolves.toBe('2');
    await screenshot(page, 'importar-columnas');
    expect(describeViolations('importar: columnas', await a11yViolations(page))).toBe('');

    await page.getByRole('button', { name: 'Revisar importación' }).click();
    await page.getByRole('heading', { name: 'Revisión antes de importar' }).waitFor();
    const totals = page.getByRole('definition');
    await expect(totals.allInnerTexts()).resolves.toEqual(['3', '0', '0', '2', '0']);
    const issues = await tableRows(page, 'Problemas encontrados en el archivo');
    expect(issues).toContainEqual(['5', 'IGED', 'IGED no reconocida: «UGEL Inexistente».', 'Error']);
    expect(issues).toContainEqual(['6', 'Año de inicio', 'Año de inicio no válido: «dos mil». Escriba un año de cuatro cifras.', 'Error']);
    await expect(page.getByRole('button', { name: 'Importar', exact: true }).isDisabled()).resolves.toBe(true);
    await page.getByText('Corrija el archivo en Excel según la tabla de problemas y vuelva a cargarlo arriba.').waitFor();
    await screenshot(page, 'importar-informe-errores');
    expect(describeViolations('importar: informe', await a11yViolations(page))).toBe('');

    await goTo(page, 'Postulaciones');
    await page.getByText('Esta edición aún no tiene postulaciones.').waitFor();
  });

  it('carga el archivo corregido y lo importa', async () => {
    await goTo(page, 'Importar');
    await page.getByLabel('Archivo de postulaciones').setInputFiles(path.join(server.dir, 'postulaciones-corregido.xlsx'));
    await page.getByRole('button', { name: 'Revisar importación' }).click();
    await page.getByText('Todo listo: se importarán 5 filas válidas.').waitFor();
    const rows = await tableRows(page, 'Filas del archivo y lo que se hará con cada una');
    expect(rows.map((r) => [r[0], r[1]])).toEqual([3, 4, 5, 6, 7].map((n) => [String(n), 'Nueva']));
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByRole('heading', { name: 'Importación terminada' }).waitFor();
    await expect(page.getByRole('definition').first().innerText()).resolves.toBe('5');
    await page.getByRole('status').getByText('Importación terminada: 5 nuevas, 0 actualizadas, 0 sin cambios.').waitFor();
    await screenshot(page, 'importar-resultado');
  });

  it('busca sin importar tildes y exporta lo que se ve', async () => {
    await page.getByRole('link', { name: 'Ver postulaciones' }).click();
    await page.getByText('Mostrando 5 de 5 postulaciones').waitFor();
    const titles = (await tableRows(page, 'Postulaciones de la edición')).map((r) => r[1]);
    expect(titles).toContain('Escuelas abiertas en el altiplano');

    const search = page.getByRole('searchbox', { name: 'Buscar' });
    await search.fill('EDUCACION rural');
    await page.getByText('Mostrando 1 de 5 postulaciones').waitFor();
    expect((await tableRows(page, 'Postulaciones de la edición')).map((r) => r[1])).toEqual(['Monitoreo pedagógico en Educación Rural']);
    await search.fill('amazonia');
    await page.getByText('Mostrando 1 de 5 postulaciones').waitFor();
    await search.fill('');
    await page.getByLabel('Categoría').selectOption({ label: CAT_CIUDADANO });
    await page.getByText('Mostrando 2 de 5 postulaciones').waitFor();
    await screenshot(page, 'postulaciones-filtradas');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar a Excel (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^postulaciones-concurso-2025\.xlsx$/);
    const file = path.join(server.dir, 'exportado.xlsx');
    await download.saveAs(file);
    const exported = await readWorkbook(file);
    expect(exported[0]?.slice(0, 4)).toEqual(['Código', 'Región', 'IGED', 'Título de la práctica']);
    expect(exported.slice(1).map((r) => r[3]).sort()).toEqual(['Atención al ciudadano en línea', 'Materiales a tiempo en la Amazonía']);
    expect(pageErrors).toEqual([]);
  });

  it('una postulación abierta antes de importar muestra, al volver, los datos que la importación cambió', async () => {
    await goTo(page, 'Postulaciones');
    // The previous step left a category filter on.
    await page.getByLabel('Categoría').selectOption({ index: 0 });
    await page.getByText('Mostrando 5 de 5 postulaciones').waitFor();
    await page.getByRole('link', { name: 'Monitoreo pedagógico en Educación Rural' }).click();
    const contact = page.getByLabel('Responsable / contacto');
    await expect(contact.inputValue()).resolves.toBe('Rosa Quispe');

    await goTo(page, 'Importar');
    await page.getByLabel('Archivo de postulaciones').setInputFiles(path.join(server.dir, 'postulaciones-actualizado.xlsx'));
    await page.getByRole('button', { name: 'Revisar importación' }).click();
    await page.getByRole('heading', { name: 'Revisión antes de importar' }).waitFor();
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByRole('heading', { name: 'Importación terminada' }).waitFor();

    // Back to the entry, as the user comes back to it: the form shows what the import wrote.
    await page.goBack();
    await page.getByRole('heading', { name: 'Monitoreo pedagógico en Educación Rural' }).waitFor();
    await expect.poll(() => contact.inputValue(), { timeout: 20_000 }).toBe('Rosa Elena Quispe Mamani');
    expect(pageErrors).toEqual([]);
  });
});
