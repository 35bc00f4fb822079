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

  it('lista las 26 DRE/GRE y busca sin tildes', async () => {
    await goTo(page, 'IGED / Referencias');
    await page.getByText('26 DRE/GRE y 0 UGEL registradas.').waitFor();
    await page.getByRole('searchbox', { name: 'Buscar IGED' }).fill('ancash');
    expect((await tableRows(page, 'Instancias de gestión educativa descentralizada')).map((r) => r[2])).toEqual(['DRE Áncash']);
    await page.getByRole('searchbox', { name: 'Buscar IGED' }).fill('');
  });

  it('previsualiza el padrón y carga las UGEL al confirmar', async () => {
    await page.getByLabel('Archivo del padrón').setInputFiles(path.join(server.dir, 'padron.xlsx'));
    const found = page.getByRole('definition');
    await eventually(() => found.allInnerTexts()).toEqual(['5', '3', '3', '0', '0']);
    await screenshot(page, 'referencias-ugel-vista-previa');
    expect(describeViolations('vista previa de UGEL', await a11yViolations(page))).toBe('');
    await page.getByRole('button', { name: 'Guardar 3 UGEL' }).click();
    await page.getByText('UGEL cargadas: 3 nuevas, 0 actualizadas, 0 sin cambios.', { exact: false }).first().waitFor();
    await page.getByText('26 DRE/GRE y 3 UGEL registradas.').waitFor();
    await page.getByLabel('Tipo').selectOption('UGEL');
    const rows = await tableRows(page, 'Instancias de gestión educativa descentralizada');
    expect(rows.map((r) => [r[2], r[4]])).toEqual([
      ['UGEL Cusco', 'GRE Cusco'],
      ['UGEL La Convención', 'GRE Cusco'],
      ['UGEL Lamas', 'DRE San Martín'],
    ]);
  });
});
