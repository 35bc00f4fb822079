import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { startServer, type ServedApp } from './support/server';
import { eventually } from './support/eventually';
import { tableRows } from './support/ui';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

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

describe('base de datos vacía (0 bytes), como la deja una copia interrumpida', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // A database with one edition and a manual backup of it; then the file is emptied.
    const prepare = (dbPath: string) => {
      const script = `
        import { createServices } from ${JSON.stringify(path.join(ROOT, 'electron/services/registry.ts'))};
        const s = await createServices({ dbPath: ${JSON.stringify(dbPath)}, demo: 'never', log: () => {} });
        for (const [method, input] of [['editions.create', { year: 2024, name: 'Edición guardada', lema: '' }], ['backups.create', {}]]) {
          const r = await s.call(method, input);
          if (!r.ok) throw new Error(r.error.message);
        }
        s.close();
      `;
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: 'inherit' });
      fs.writeFileSync(dbPath, '');
    };
    [server, browser] = await Promise.all([startServer({ demo: true, prepare }), launchBrowser()]);
    ({ page } = await openPage(browser, server.url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('no empieza vacía ni con la demostración: bloquea, ofrece las copias y restaurar devuelve los datos', async () => {
    await page.getByRole('heading', { level: 1, name: 'No se puede abrir la base de datos' }).waitFor();
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/existe pero está vacío \(0 bytes\)/);
    expect(fs.statSync(server.dbPath).size).toBe(0);
    await page.getByRole('row').filter({ hasText: 'Creada por el usuario' }).getByRole('button', { name: /Restaurar/ }).click();
    await page.getByRole('dialog', { name: 'Restaurar copia de seguridad' }).getByRole('button', { name: 'Restaurar esta copia' }).click();
    await page.getByRole('navigation').waitFor();
    await page.goto(`${server.url}/#/ediciones`);
    await eventually(async () => (await tableRows(page, 'Ediciones del concurso')).map((r) => r[1])).toEqual(['Edición guardada']);
  });

  it('un segundo servidor sobre la misma base se niega y dice en español quién la tiene abierta', () => {
    const second = spawnSync(process.execPath, [path.join(ROOT, 'out', 'main', 'serve.js'), '--db', server.dbPath, '--port', '0'], { encoding: 'utf8', timeout: 30_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/ya está abierta en el modo servidor de Concurso BPGE \(npm run serve\) \(proceso \d+ del equipo «[^»]+», desde el/);
    expect(second.stdout).not.toMatch(/sirviendo en/);
  });
});
