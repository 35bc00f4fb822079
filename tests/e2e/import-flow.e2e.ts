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
// The corrected file: the two errors fixed, a shorter contact name on row 3 (an update the review
// must show from → to), a row whose category the edition lacks (created from the review) and a
// row the user leaves out.
const FIXED: Cell[][] = BROKEN.map((row) => [...row]);
FIXED[0]![6] = 'Rosa Q.';
FIXED[2]![2] = 'DRE Puno';
FIXED[3]![5] = 2020;
// The same file with the first entry's contact person completed: an update of one field.
const UPDATED: Cell[][] = FIXED.map((row) => [...row]);
UPDATED[0]![6] = 'Rosa Elena Quispe Mamani';
FIXED.push(['2025-106', 'Cusco', 'UGEL Canchis', 'Gestión del riesgo en escuelas de Canchis', 'Gestión del riesgo', 2022, '', '', '']);
FIXED.push(['2025-107', 'Piura', 'UGEL Sullana', 'Una práctica que se deja fuera', CAT_INICIO, 2022, '', '', '']);

describe('un usuario crea una edición, importa las filas válidas de un libro con errores, corrige las demás, las importa, busca y exporta', () => {
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

  it('importa un libro con errores: ve el informe, descarga las filas con problemas e importa las válidas', async () => {
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
    // Rows and problems are counted apart: 5 rows, 3 new, 2 rows with problems (1 error, 1 warning).
    const totals = page.getByRole('definition');
    await expect(totals.allInnerTexts()).resolves.toEqual(['5', '3', '0', '0', '2', '0', '1', '1']);
    const issues = await tableRows(page, 'Problemas encontrados en el archivo');
    expect(issues).toContainEqual([
      '5',
      'IGED',
      'IGED no reconocida: «UGEL Inexistente». Elíjala de la lista o deje la fila fuera. Las DRE/GRE y UGEL que la aplicación conoce se administran en «IGED / Referencias».',
      'Advertencia',
    ]);
    expect(issues).toContainEqual(['6', 'Año de inicio', 'Año de inicio no válido: «dos mil». Escriba un año de cuatro cifras.', 'Error']);
    await page.getByText('2 filas tienen problemas y no se importarán mientras no los resuelva.').waitFor();
    await expect(page.getByRole('heading', { name: '2 problemas encontrados' }).count()).resolves.toBe(1);
    await screenshot(page, 'importar-informe-errores');
    expect(describeViolations('importar: informe', await a11yViolations(page))).toBe('');

    // The rows left out, as a workbook to correct: original cells plus the reason.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar las filas no importadas (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('postulaciones-filas-no-importadas.xlsx');
    const leftOutFile = path.join(server.dir, 'no-importadas.xlsx');
    await download.saveAs(leftOutFile);
    const leftOut = await readWorkbook(leftOutFile);
    expect(leftOut[0]).toEqual([...HEADERS, 'Problema al importar']);
    expect(leftOut.slice(1).map((row) => [row[0], row[2], String(row[9]).slice(0, 20)])).toEqual([
      ['2025-103', 'UGEL Inexistente', 'IGED no reconocida: '],
      ['2025-104', 'DRE San Martín', 'Año de inicio no vál'],
    ]);

    await page.getByRole('button', { name: 'Importar las filas válidas (3)' }).click();
    await page.getByRole('heading', { name: 'Importación terminada' }).waitFor();
    await page.getByText('2 filas quedaron fuera de la importación.').waitFor();
    await page.getByRole('status').getByText('Importación terminada: 3 nuevas, 0 actualizadas, 0 sin cambios.').waitFor();
    await goTo(page, 'Postulaciones');
    await page.getByText('Mostrando 3 de 3 postulaciones').waitFor();
  });

  it('carga el archivo corregido: ve cada cambio de → a, crea la categoría que falta, deja una fila fuera e importa', async () => {
    await goTo(page, 'Importar');
    await page.getByLabel('Archivo de postulaciones').setInputFiles(path.join(server.dir, 'postulaciones-corregido.xlsx'));
    await page.getByRole('button', { name: 'Revisar importación' }).click();
    await page.getByText('1 fila tiene problemas y no se importará mientras no los resuelva.').waitFor();
    const before = await tableRows(page, 'Filas del archivo y lo que se hará con cada una');
    expect(before.map((r) => [r[1], r[2]])).toEqual([
      ['3', 'Se actualiza'],
      ['4', 'Sin cambios'],
      ['5', 'Nueva'],
      ['6', 'Nueva'],
      ['7', 'Sin cambios'],
      ['8', 'Falta elegir'],
      ['9', 'Nueva'],
    ]);
    // The update says which field changes, from what to what, before anything is written.
    expect(before[0]?.[7]).toBe('Responsable / contacto: «Rosa Quispe» → «Rosa Q.»');

    await page.getByRole('button', { name: 'Crear la categoría «Gestión del riesgo»' }).click();
    await page.getByText('Todo listo: se importarán 5 filas (4 nuevas, 1 con cambios).').waitFor();
    await page.getByRole('checkbox', { name: 'Importar la fila 9' }).uncheck();
    await page.getByText('Todo listo: se importarán 4 filas (3 nuevas, 1 con cambios).').waitFor();
    const after = await tableRows(page, 'Filas del archivo y lo que se hará con cada una');
    expect(after.map((r) => [r[1], r[2], r[6]])).toContainEqual(['8', 'Nueva', 'Gestión del riesgo']);
    expect(after.map((r) => [r[1], r[2]])).toContainEqual(['9', 'Dejada fuera']);
    await screenshot(page, 'importar-revision-cambios');
    expect(describeViolations('importar: revisión', await a11yViolations(page))).toBe('');

    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByRole('heading', { name: 'Importación terminada' }).waitFor();
    await page.getByRole('status').getByText('Importación terminada: 3 nuevas, 1 actualizada, 2 sin cambios.').waitFor();
    await page.getByText('1 fila quedó fuera de la importación.').waitFor();
    await screenshot(page, 'importar-resultado');

    // The same file again, with nothing left to change: the review says so rather than «se importarán».
    await page.getByLabel('Cargar otro archivo (o el mismo, ya corregido)').setInputFiles(path.join(server.dir, 'postulaciones-corregido.xlsx'));
    await page.getByRole('button', { name: 'Revisar importación' }).click();
    await page.getByRole('heading', { name: 'Revisión antes de importar' }).waitFor();
    await page.getByRole('checkbox', { name: 'Importar la fila 9' }).uncheck();
    await page.getByText('Nada que importar: las 6 filas ya están registradas tal como vienen en el archivo.').waitFor();
    await expect(page.getByRole('button', { name: 'Importar', exact: true }).isDisabled()).resolves.toBe(true);
    await goTo(page, 'Postulaciones');
  });

  it('busca sin importar tildes y exporta lo que se ve', async () => {
    await page.getByText('Mostrando 6 de 6 postulaciones').waitFor();
    const titles = (await tableRows(page, 'Postulaciones de la edición')).map((r) => r[1]);
    expect(titles).toContain('Escuelas abiertas en el altiplano');

    const search = page.getByRole('searchbox', { name: 'Buscar' });
    await search.fill('EDUCACION rural');
    await page.getByText('Mostrando 1 de 6 postulaciones').waitFor();
    expect((await tableRows(page, 'Postulaciones de la edición')).map((r) => r[1])).toEqual(['Monitoreo pedagógico en Educación Rural']);
    await search.fill('amazonia');
    await page.getByText('Mostrando 1 de 6 postulaciones').waitFor();
    await search.fill('');
    await page.getByLabel('Categoría').selectOption({ label: CAT_CIUDADANO });
    await page.getByText('Mostrando 2 de 6 postulaciones').waitFor();
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
    await page.getByText('Mostrando 6 de 6 postulaciones').waitFor();
    await page.getByRole('link', { name: 'Monitoreo pedagógico en Educación Rural' }).click();
    const contact = page.getByLabel('Responsable / contacto');
    await expect(contact.inputValue()).resolves.toBe('Rosa Q.');

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

  it('al registrar a mano una práctica casi igual a una ya registrada de la misma IGED, la ficha lo advierte con ambos títulos', async () => {
    await goTo(page, 'Postulaciones');
    await page.getByRole('link', { name: 'Nueva postulación' }).click();
    await page.getByLabel('Título de la práctica').fill('Monitoreo pedagogico en educacion rural andina');
    const picker = page.getByRole('combobox', { name: 'IGED' });
    await picker.fill('DRE Áncash');
    await page.getByRole('option', { name: /DRE Áncash/ }).first().click();
    const warning = page.getByRole('status').filter({ hasText: 'Posible duplicado' });
    await warning.getByText('Este título: «Monitoreo pedagogico en educacion rural andina» — 2025-101 (Concurso 2025): «Monitoreo pedagógico en Educación Rural»').waitFor();
    expect(describeViolations('postulación: posible duplicado', await a11yViolations(page))).toBe('');
    await page.getByLabel('Título de la práctica').fill('Escuelas seguras ante las heladas');
    await warning.waitFor({ state: 'detached' });
  });
});
