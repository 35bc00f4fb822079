import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser';
import { startServer, type ServedApp } from './support/server';
import { createEdition, goTo } from './support/ui';
import { writeWorkbook } from './support/workbooks';

const COUNT = 800;
const DRES = ['DRE Puno', 'GRE Cusco', 'DRE Áncash', 'DRE Loreto', 'DRE Piura'];

describe('lista larga de postulaciones', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ({ page } = await openPage(browser, server.url));
    const rows = Array.from({ length: COUNT }, (_, i) => {
      const n = String(i + 1).padStart(4, '0');
      return [`L-${n}`, DRES[i % DRES.length] ?? '', `Práctica número ${n}`];
    });
    await writeWorkbook(path.join(server.dir, 'larga.xlsx'), 'Postulaciones', ['Código', 'IGED', 'Título'], rows);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('muestra solo las filas visibles y llega a la última al desplazarse', async () => {
    await createEdition(page, { year: 2024, name: 'Edición con muchas postulaciones' });
    await goTo(page, 'Importar');
    await page.getByLabel('Archivo de postulaciones').setInputFiles(path.join(server.dir, 'larga.xlsx'));
    await page.getByRole('button', { name: 'Revisar importación' }).click();
    await page.getByText(`Todo listo: se importarán ${COUNT} filas (${COUNT} nuevas, 0 con cambios).`).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByRole('heading', { name: 'Importación terminada' }).waitFor({ timeout: 30_000 });

    await goTo(page, 'Postulaciones');
    await page.getByText(`Mostrando ${COUNT} de ${COUNT} postulaciones`).waitFor();
    const rendered = await page.locator('table[aria-rowcount] tbody tr:not([aria-hidden])').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);

    const region = page.getByRole('region', { name: 'Tabla de postulaciones' });
    // Scroll the table as a user would, with the mouse wheel over it.
    await region.hover();
    await page.mouse.wheel(0, 60_000);
    await page.getByRole('link', { name: `Práctica número ${String(COUNT).padStart(4, '0')}` }).waitFor();

    // Search still sees every row, not only the rendered ones.
    await page.getByRole('searchbox', { name: 'Buscar' }).fill('numero 0007');
    await page.getByText(`Mostrando 1 de ${COUNT} postulaciones`).waitFor();
  });
});
