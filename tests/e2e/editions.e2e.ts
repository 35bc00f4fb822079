import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/eventually';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { startServer, type ServedApp } from './support/server';
import { addCategory, addStage, createEdition, fillCriterion, goTo, tableRows } from './support/ui';

const EDITION = 'Décima edición 2025';
const COPY = 'Undécima edición 2026';

describe('ediciones: crear, validar criterios, copiar y archivar', () => {
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

  it('crea una edición con categorías, etapas y un criterio validado', async () => {
    await createEdition(page, { year: 2025, name: EDITION, lema: 'Gestión que transforma la escuela' });
    await addCategory(page, 'Contribución al buen inicio del año escolar');
    await addCategory(page, 'Mejora de la atención y orientación al ciudadano');

    // Weight 0 and min ≥ max: both messages appear next to their fields, nothing is saved.
    const dialog = await fillCriterion(page, { name: 'Innovación', weight: '0', min: '5', max: '5' });
    await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
    await eventually(() => dialog.getByText('El peso de un criterio debe ser mayor que cero.').isVisible()).toBe(true);
    await expect(dialog.getByText('En la escala, el mínimo (5) debe ser menor que el máximo (5).').isVisible()).resolves.toBe(true);
    await expect(dialog.getByLabel('Peso').getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'criterio-validacion');
    expect(describeViolations('diálogo de criterio', await a11yViolations(page))).toBe('');

    await fillCriterion(page, { name: 'Innovación', weight: '30', min: '1', max: '4' });
    await dialog.getByLabel('Mejora de la atención y orientación al ciudadano').check();
    await dialog.getByRole('button', { name: 'Crear 4 niveles según la escala' }).click();
    await dialog.getByLabel('Nombre del nivel 1').fill('Inicial');
    await dialog.getByLabel('Descriptor del nivel 4').fill('La práctica es innovadora y sostenida.');
    await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const criteria = await tableRows(page, 'Criterios de evaluación');
    expect(criteria).toHaveLength(1);
    expect(criteria[0]?.join(' | ')).toContain('Innovación');
    expect(criteria[0]?.join(' | ')).toContain('Mejora de la atención y orientación al ciudadano');

    await addStage(page, 'Admisibilidad');
    await addStage(page, 'Evaluación técnica', 60);
    await addStage(page, 'Verificación en campo');
    // Reorder from the keyboard: focus the arrow and press Enter; focus stays on it.
    await page.getByRole('button', { name: 'Subir «Verificación en campo»' }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () => (await tableRows(page, 'Etapas')).map((r) => r[1])).toEqual(['Admisibilidad', 'Verificación en campo', 'Evaluación técnica']);
    await eventually(() => page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe('Subir «Verificación en campo»');
    await screenshot(page, 'edicion-detalle');
    expect(describeViolations('detalle de edición', await a11yViolations(page))).toBe('');
  });

  it('registra una postulación a mano, con IGED elegida del buscador', async () => {
    await goTo(page, 'Postulaciones');
    await page.getByRole('link', { name: 'Nueva postulación' }).click();
    await page.getByLabel('Título de la práctica').fill('Ruta del buen inicio escolar');
    const picker = page.getByRole('combobox', { name: 'IGED' });
    await picker.fill('cusco');
    await page.getByRole('option', { name: /GRE Cusco/ }).waitFor();
    await picker.press('Enter');
    await expect(page.getByLabel('Región').inputValue()).resolves.toBe('Cusco');
    await page.getByLabel('Categoría').selectOption({ label: 'Contribución al buen inicio del año escolar' });
    await page.getByLabel('Enlaces a evidencias').fill('no es un enlace');
    await page.getByRole('button', { name: 'Registrar postulación' }).click();
    await page.getByText('Cada enlace debe empezar por http:// o https://.').waitFor();
    await page.getByLabel('Enlaces a evidencias').fill('https://www.minedu.gob.pe/evidencia');
    await page.getByRole('button', { name: 'Registrar postulación' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ruta del buen inicio escolar' }).waitFor();

    // Status per stage: "no pasa" needs a reason.
    await page.getByLabel('Estado en Admisibilidad').selectOption('observed');
    await page.getByRole('button', { name: 'Guardar estado' }).first().click();
    await page.getByText('Indique el motivo cuando la postulación no pasa o queda observada.').waitFor();
    await page.getByLabel('Motivo en Admisibilidad').fill('Falta el informe de postulación firmado.');
    await page.getByRole('button', { name: 'Guardar estado' }).first().click();
    await page.getByRole('status').getByText('Admisibilidad: estado guardado (Observada).').waitFor();
    await screenshot(page, 'postulacion-detalle');
    expect(describeViolations('detalle de postulación', await a11yViolations(page))).toBe('');
  });

  it('copia la edición: estructura sí, postulaciones no', async () => {
    await goTo(page, 'Ediciones');
    await page.getByRole('button', { name: `Copiar «${EDITION}»` }).click();
    const dialog = page.getByRole('dialog', { name: `Copiar «${EDITION}»` });
    await expect(dialog.getByLabel('Año').inputValue()).resolves.toBe('2026');
    await dialog.getByLabel('Nombre de la edición').fill(COPY);
    await dialog.getByRole('button', { name: 'Crear copia' }).click();
    await page.getByRole('heading', { level: 1, name: COPY }).waitFor();

    expect((await tableRows(page, 'Categorías (ejes temáticos)')).map((r) => r[1])).toEqual([
      'Contribución al buen inicio del año escolar',
      'Mejora de la atención y orientación al ciudadano',
    ]);
    expect((await tableRows(page, 'Criterios de evaluación')).map((r) => r[1])).toEqual(['Innovación']);
    expect((await tableRows(page, 'Etapas')).map((r) => r[1])).toEqual(['Admisibilidad', 'Verificación en campo', 'Evaluación técnica']);

    // The copy became the working edition: its list is empty.
    await goTo(page, 'Postulaciones');
    await page.getByRole('heading', { level: 1, name: `Postulaciones — ${COPY}` }).waitFor();
    await page.getByText('Esta edición aún no tiene postulaciones.').waitFor();
  });

  it('archiva una edición y la muestra solo al pedir las archivadas', async () => {
    await goTo(page, 'Ediciones');
    await page.getByRole('button', { name: `Archivar «${EDITION}»` }).click();
    await page.getByRole('status').getByText(`Se archivó la edición «${EDITION}».`).waitFor();
    await eventually(async () => (await tableRows(page, 'Ediciones del concurso')).map((r) => r[1])).toEqual([COPY]);
    await page.getByLabel('Mostrar ediciones archivadas').check();
    await eventually(async () => (await tableRows(page, 'Ediciones del concurso')).length).toBe(2);
    const archivedRow = page.getByRole('row').filter({ hasText: EDITION }).filter({ hasText: 'Archivada' });
    await archivedRow.waitFor();
    await screenshot(page, 'ediciones-lista');
    expect(describeViolations('lista de ediciones', await a11yViolations(page))).toBe('');

    // An archived edition is read-only: its forms are disabled and say why.
    await page.getByRole('link', { name: EDITION }).click();
    await page.getByText('Esta edición está archivada: solo se puede consultar.').waitFor();
    await expect(page.getByRole('button', { name: 'Añadir criterio' }).isDisabled()).resolves.toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
