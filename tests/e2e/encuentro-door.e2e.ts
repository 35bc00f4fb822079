import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage } from './support/browser';
import { api } from './support/encuentro';
import { eventually } from './support/eventually';
import { startServer, type ServedApp } from './support/server';

interface Person {
  fullName: string;
  checkedIn: boolean;
}

/**
 * The door, as the person there uses it: a check-in at the search, then a walk-in registered by
 * hand — «Deshacer» then undoes the walk-in, not the check-in before it; and a roster to import
 * is previewed with its breakdown by institution type.
 */
describe('la puerta: deshacer al recién inscrito y la vista previa por tipo de institución', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  let encuentroId = 0;
  const call = <T>(method: string, input: unknown) => api<T>(server.url, method, input);
  const person = async (name: string) => (await call<Person[]>('encuentro.attendance.list', { encuentroId, query: name }))[0]!;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
    ({ encuentroId } = await call<{ encuentroId: number }>('encuentro.ensureDemo', {}));
    await call('encuentro.attendance.register', { encuentroId, fields: { fullName: 'Teresa Huamán Prueba', institutionType: 'ugel' } });
    ({ page, pageErrors } = await openPage(browser, `${server.url}/#/encuentros/${encuentroId}/asistencia`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('«Deshacer» tras inscribir a alguien en la puerta deshace esa inscripción, no la asistencia anterior', async () => {
    const search = page.getByLabel('Buscar por nombre, DNI o institución');
    await search.fill('Teresa Huamán Prueba');
    await eventually(() => page.getByRole('option', { name: /Teresa Huamán Prueba/ }).count()).toBe(1);
    await search.press('Enter');
    await eventually(() => page.getByText('Asistencia registrada: Teresa Huamán Prueba.').count()).toBe(1);

    await page.getByText('Inscribir a una persona').click();
    await page.getByLabel('Nombres y apellidos').fill('Walter Inscrito En Puerta');
    await page.getByLabel('Tipo de institución').selectOption({ label: 'Invitado externo' });
    await page.getByRole('button', { name: 'Inscribir', exact: true }).click();
    await eventually(() => page.getByText('Asistencia registrada: Walter Inscrito En Puerta.').count()).toBe(1);
    expect(await page.getByText('Asistencia registrada: Teresa Huamán Prueba.').count()).toBe(0);
    await page.getByRole('button', { name: 'Deshacer' }).click();
    await eventually(async () => (await person('Walter Inscrito En Puerta')).checkedIn).toBe(false);
    expect((await person('Teresa Huamán Prueba')).checkedIn).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('la vista previa del padrón muestra cuántos se añadirían por tipo de institución', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-padron-'));
    const file = path.join(dir, 'padron.csv');
    fs.writeFileSync(
      file,
      [
        'Nombres y apellidos;DNI;Institución;Tipo;Cargo;Región',
        'Lucía Padrón Uno;;UGEL Lamas;UGEL;Directora;San Martín',
        'Mario Padrón Dos;;UGEL Nauta;UGEL;Especialista;Loreto',
        'Elena Padrón Tres;;MINEDU;MINEDU;Coordinadora;Lima',
      ].join('\r\n'),
    );
    await page.getByText('Importar la lista de inscritos (Excel o CSV)').click();
    await page.getByLabel('Archivo de inscritos').setInputFiles(file);
    const breakdown = page.getByTestId('import-by-type');
    await breakdown.waitFor();
    const pairs = await breakdown.evaluate((dl) =>
      Array.from((dl as unknown as { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }).querySelectorAll('dt, dd'), (e) => e.textContent),
    );
    expect(pairs).toContain('UGEL');
    expect(pairs[pairs.indexOf('UGEL') + 1]).toBe('2');
    expect(pairs[pairs.indexOf('MINEDU') + 1]).toBe('1');
    const violations = await a11yViolations(page);
    expect(violations, describeViolations('asistencia con vista previa', violations)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
