import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/eventually';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { startServer, type ServedApp } from './support/server';
import { createEdition, goTo, tableRows } from './support/ui';

describe('copias de seguridad', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ({ page, pageErrors } = await openPage(browser, server.url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('crea una copia y la lista', async () => {
    await createEdition(page, { year: 2024, name: 'Novena edición 2024' });
    await goTo(page, 'Copias de seguridad');
    await page.getByRole('button', { name: 'Crear copia ahora' }).click();
    await page.getByRole('status').getByText(/Se creó la copia/).waitFor();
    // Writes also take automatic backups, so look for the manual one rather than count.
    await eventually(async () => (await tableRows(page, 'Copias de seguridad, de la más reciente a la más antigua')).some((r) => r[1] === 'Creada por el usuario'))
      .toBe(true);
    const rows = await tableRows(page, 'Copias de seguridad, de la más reciente a la más antigua');
    expect(rows[0]?.[1]).toBe('Creada por el usuario');
    expect(rows[0]?.[2]).toMatch(/-manual\.db$/);
    await screenshot(page, 'copias');
    expect(describeViolations('copias de seguridad', await a11yViolations(page))).toBe('');
  });

  it('restaura una copia tras confirmar, guardando aparte el archivo actual', async () => {
    // A change after the copy, which the restore must undo.
    await createEdition(page, { year: 2025, name: 'Edición que se deshará' });
    await goTo(page, 'Copias de seguridad');
    await page.getByRole('row').filter({ hasText: 'Creada por el usuario' }).getByRole('button', { name: /Restaurar/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Restaurar copia de seguridad' });
    await dialog.getByText(/el archivo actual se guarda aparte/).waitFor();
    expect(describeViolations('diálogo de restauración', await a11yViolations(page))).toBe('');
    await dialog.getByRole('button', { name: 'Restaurar esta copia' }).click();
    await page.getByRole('status').getByText(/Se restauró la copia/).waitFor();
    await eventually(async () => (await tableRows(page, 'Copias de seguridad, de la más reciente a la más antigua')).some((r) => r[1] === 'Antes de restaurar')).toBe(true);

    await goTo(page, 'Ediciones');
    await eventually(async () => (await tableRows(page, 'Ediciones del concurso')).map((r) => r[1])).toEqual(['Novena edición 2024']);
    expect(pageErrors).toEqual([]);
  });
});

describe('copia automática fallida', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let copies: string;

  beforeAll(async () => {
    // A file where the backup folder should be: every backup fails (chmod would not, as root).
    const prepare = (dbPath: string) => {
      copies = path.join(path.dirname(dbPath), `${path.parse(dbPath).name}-copias`);
      fs.writeFileSync(copies, 'no soy una carpeta');
    };
    [server, browser] = await Promise.all([startServer({ prepare }), launchBrowser()]);
    ({ page } = await openPage(browser, server.url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('se avisa en pantalla, en español, hasta que una copia vuelve a hacerse', async () => {
    await createEdition(page, { year: 2024, name: 'Edición sin copia' });
    const banner = page.getByRole('alert').filter({ hasText: 'No se pudo hacer la copia de seguridad automática' });
    await banner.waitFor();
    await expect(banner.innerText()).resolves.toMatch(/hay un archivo con ese nombre.*Sus cambios sí se guardaron/s);
    await screenshot(page, 'copia-fallida');
    expect(describeViolations('aviso de copia fallida', await a11yViolations(page))).toBe('');

    fs.rmSync(copies);
    await createEdition(page, { year: 2025, name: 'Edición con copia' });
    await banner.waitFor({ state: 'detached' });
    await goTo(page, 'Copias de seguridad');
    await eventually(async () => (await tableRows(page, 'Copias de seguridad, de la más reciente a la más antigua')).map((r) => r[1])).toEqual(['Automática']);
  });
});
