import type { Page } from 'playwright-core';

/** User-level steps shared by the scenarios: they go through the screens as a person would. */

export async function goTo(page: Page, section: 'Ediciones' | 'Postulaciones' | 'Importar' | 'IGED / Referencias' | 'Copias de seguridad') {
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: section, exact: true }).click();
}

export async function createEdition(page: Page, fields: { year: number; name: string; lema?: string }) {
  await goTo(page, 'Ediciones');
  await page.getByRole('button', { name: 'Nueva edición' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nueva edición' });
  await dialog.getByLabel('Año').fill(String(fields.year));
  await dialog.getByLabel('Nombre de la edición').fill(fields.name);
  if (fields.lema) await dialog.getByLabel('Lema').fill(fields.lema);
  await dialog.getByLabel('Resolución que aprueba las bases').fill(`RVM N.º 001-${fields.year}-MINEDU`);
  await dialog.getByRole('button', { name: 'Crear edición' }).click();
  await page.getByRole('heading', { level: 1, name: fields.name }).waitFor();
}

export async function addCategory(page: Page, name: string) {
  await page.getByRole('button', { name: 'Añadir categoría' }).click();
  const dialog = page.getByRole('dialog', { name: 'Añadir categoría' });
  await dialog.getByLabel('Nombre de la categoría').fill(name);
  await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('table', { name: 'Categorías (ejes temáticos)' }).getByRole('cell', { name, exact: true }).waitFor();
}

export async function addStage(page: Page, name: string, cutoff?: number) {
  await page.getByRole('button', { name: 'Añadir etapa' }).click();
  const dialog = page.getByRole('dialog', { name: 'Añadir etapa' });
  await dialog.getByLabel('Nombre de la etapa').fill(name);
  if (cutoff !== undefined) await dialog.getByLabel('Nota de corte').fill(String(cutoff));
  await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('table', { name: 'Etapas' }).getByRole('cell', { name, exact: true }).waitFor();
}

/** Opens "Añadir criterio" and fills the main fields; the caller saves (or checks the messages). */
export async function fillCriterion(page: Page, fields: { name: string; weight: string; min: string; max: string; step?: string }) {
  const dialog = page.getByRole('dialog', { name: 'Añadir criterio' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Añadir criterio' }).click();
  await dialog.getByLabel('Nombre del criterio').fill(fields.name);
  await dialog.getByLabel('Peso').fill(fields.weight);
  await dialog.getByLabel('Mínimo').fill(fields.min);
  await dialog.getByLabel('Máximo').fill(fields.max);
  await dialog.getByLabel('Paso').fill(fields.step ?? '1');
  return dialog;
}

/** The rows of a table as text, header excluded. */
export async function tableRows(page: Page, tableName: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: tableName });
  await table.waitFor();
  const rows = table.locator('tbody tr');
  const count = await rows.count();
  const result: string[][] = [];
  for (let i = 0; i < count; i++) {
    const cells = await rows.nth(i).locator('td').allInnerTexts();
    result.push(cells.map((c) => c.trim()));
  }
  return result;
}
