import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/eventually';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { startServer, type ServedApp } from './support/server';
import { goTo, tableRows } from './support/ui';
import { writeWorkbook } from './support/workbooks';

// A slice of the ESCALE padrón: one row per school, so UGEL codes repeat.
const PADRON = [
  ['0001', '080001', 'UGEL Cusco', 'DRE CUSCO'],
  ['0002', '080001', 'UGEL Cusco', 'DRE CUSCO'],
  ['0003', '080010', 'UGEL La Convención', 'DRE CUSCO'],
  ['0004', '220005', 'UGEL Lamas', 'DRE SAN MARTIN'],
  ['0005', '220005', 'UGEL Lamas', 'DRE SAN MARTIN'],
];

describe('datos de referencia: lista de IGED y carga de UGEL', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ({ page } = await openPage(browser, server.url));
    await writeWorkbook(path.join(server.dir, 'padron.xlsx'), 'Padrón', ['COD_MOD', 'CODOOII', 'D_DREUGEL', 'D_REGION'], PADRON);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lista las 26 DRE/GRE y las 224 UGEL incluidas, marcadas como tales, y busca sin tildes', async () => {
    await goTo(page, 'IGED / Referencias');
    await page.getByText('26 DRE/GRE y 224 UGEL registradas.').waitFor();
    await page.getByText('La aplicación trae una lista de 224 UGEL (2024, no oficial).', { exact: false }).waitFor();
    await page.getByRole('searchbox', { name: 'Buscar IGED' }).fill('ancash');
    expect((await tableRows(page, 'Instancias de gestión educativa descentralizada')).filter((r) => r[0] === 'DRE/GRE').map((r) => r[2])).toEqual(['DRE Áncash']);
    await page.getByRole('searchbox', { name: 'Buscar IGED' }).fill('canchis');
    expect(await tableRows(page, 'Instancias de gestión educativa descentralizada')).toEqual([
      ['UGEL', '080006', 'UGEL Canchis', 'Cusco', 'GRE Cusco', 'Incluida en la aplicación'],
    ]);
    await page.getByRole('searchbox', { name: 'Buscar IGED' }).fill('');
  });

  it('previsualiza el padrón y, al confirmar, sus UGEL reemplazan las de la lista incluida', async () => {
    await page.getByLabel('Archivo del padrón').setInputFiles(path.join(server.dir, 'padron.xlsx'));
    const found = page.getByRole('definition');
    // The three are in the shipped list: the padrón updates those rows rather than adding beside them.
    await eventually(() => found.allInnerTexts()).toEqual(['5', '3', '0', '3', '0']);
    await screenshot(page, 'referencias-ugel-vista-previa');
    expect(describeViolations('vista previa de UGEL', await a11yViolations(page))).toBe('');
    await page.getByRole('button', { name: 'Guardar 3 UGEL' }).click();
    await page.getByText('UGEL cargadas: 0 nuevas, 3 actualizadas, 0 sin cambios.', { exact: false }).first().waitFor();
    await page.getByText('26 DRE/GRE y 224 UGEL registradas.').waitFor();
    await page.getByLabel('Tipo').selectOption('UGEL');
    await page.getByRole('searchbox', { name: 'Buscar IGED' }).fill('lamas');
    const rows = await tableRows(page, 'Instancias de gestión educativa descentralizada');
    expect(rows.map((r) => [r[1], r[2], r[4], r[5]])).toEqual([['220005', 'UGEL Lamas', 'DRE San Martín', 'Importada o propia']]);
  });
});
