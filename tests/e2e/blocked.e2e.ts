import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { startServer, type ServedApp } from './support/server';

describe('base de datos que no se puede abrir', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Not an SQLite file at all: the services start "blocked" and only offer restore.
    const prepare = (dbPath: string) => fs.writeFileSync(dbPath, 'esto no es una base de datos de Concurso BPGE\n'.repeat(200));
    [server, browser] = await Promise.all([startServer({ prepare }), launchBrowser()]);
    ({ page } = await openPage(browser, server.url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('muestra solo el motivo en español y la lista de copias', async () => {
    await page.getByRole('heading', { level: 1, name: 'No se puede abrir la base de datos' }).waitFor();
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/no es una base de datos de Concurso BPGE|no está disponible|integridad/);
    await page.getByRole('heading', { level: 2, name: 'Copias de seguridad disponibles' }).waitFor();
    await expect(page.getByRole('navigation').count()).resolves.toBe(0);
    await screenshot(page, 'bloqueada');
    expect(describeViolations('pantalla de bloqueo', await a11yViolations(page))).toBe('');
  });
});
