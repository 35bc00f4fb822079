import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage } from './support/browser';
import { eventually } from './support/eventually';
import { apiClient, type Api } from './support/jury-setup';
import { startServer, type ServedApp } from './support/server';

/**
 * The organizer's jury screens as a user drives them: conflicts of interest (detected, dismissed
 * with a reason, declared), automatic assignment (preview, apply, balanced loads, withdrawal and
 * top-up, an infeasible request explained), offline workbooks (export, fill, import, preview,
 * apply, re-import changes nothing) and the settings (blind mode saved). Each step is checked on
 * the screen and in the service's state through the HTTP API.
 */

interface Conflict {
  id: number;
  jurorId: number;
  entryId: number;
  basis: string;
  inForce: boolean;
  dismissedReason: string;
  declaredReason: string;
}
interface AssignmentRow {
  jurorId: number;
  entryId: number;
  entryCode: string;
  jurorWithdrawn: boolean;
  conflicted: boolean;
}
interface LoadsTable {
  jurors: { jurorId: number; name: string; withdrawn: boolean; active: number }[];
  min: number;
  max: number;
  shortEntries: unknown[];
}
interface Plan {
  feasible: boolean;
  additions: { entryId: number; jurorId: number }[];
}

const EDITION = 'Concurso 2025';
const JURORS = ['Ana Quispe Mamani', 'Luis Huamán Torres', 'Rosa Condori Flores', 'Jorge Salazar Ríos', 'María Ccori Vargas'];
const CRITERIA = ['Innovación', 'Resultados'];
const ENTRIES = 6;

async function expectAxeClean(page: Page, screen: string) {
  const violations = await a11yViolations(page);
  expect(violations, describeViolations(screen, violations)).toEqual([]);
}

/** The organizer's jury section tabs ("Secciones del jurado"). */
async function openTab(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Secciones del jurado' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Jurado: ${name} — ${EDITION}` }).waitFor();
}

/** The value shown under one of the workbook preview's totals ("Nuevos", "Cambiados"…). */
function total(page: Page, label: string): Locator {
  return page.locator('dl.totals > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');
}

/** The loads table as { juror name → assigned count } for the jurors still on the jury. */
async function visibleLoads(page: Page): Promise<Map<string, { active: number; status: string }>> {
  const rows = page.getByRole('table', { name: 'Carga por jurado' }).locator('tbody tr');
  const result = new Map<string, { active: number; status: string }>();
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const name = (await row.locator('th').innerText()).trim();
    const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
    result.set(name, { active: Number(cells[0]), status: cells[2] ?? '' });
  }
  return result;
}

describe('jurado, organización: conflictos, asignación, fichas en Excel y configuración', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let api: Api;
  let editionId: number;
  let stageId: number;
  let criterionIds: number[];
  let entryIds: number[];
  let jurorIds: number[];
  let igedName: string;

  const jurorId = (name: string) => jurorIds[JURORS.indexOf(name)] as number;
  const assignments = (filter: { jurorId?: number } = {}) => api<AssignmentRow[]>('assignments.list', { stageId, ...filter });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    api = apiClient(server.url);
    const edition = await api<{ id: number }>('editions.create', { year: 2025, name: EDITION, lema: 'Gestión que Transforma la Escuela' });
    editionId = edition.id;
    const category = await api<{ id: number }>('categories.create', { editionId, fields: { name: 'Liderazgo para la mejora de aprendizajes' } });
    criterionIds = [];
    for (const name of CRITERIA) {
      const c = await api<{ id: number }>('criteria.create', { editionId, fields: { name, description: `Valora ${name.toLowerCase()}.`, weight: 1, scaleMin: 1, scaleMax: 4, scaleStep: 1, levels: [] } });
      criterionIds.push(c.id);
    }
    stageId = (await api<{ id: number }>('stages.create', { editionId, fields: { name: 'Evaluación técnica', cutoff: null } })).id;
    // Each entry from a different DRE/GRE (seeded in every database): only the first juror's
    // affiliation (the first of them) conflicts.
    const igeds = await api<{ id: number; name: string }[]>('reference.igeds', { kind: 'dre' });
    expect(igeds.length).toBeGreaterThanOrEqual(ENTRIES);
    igedName = (igeds[0] as { name: string }).name;
    entryIds = [];
    for (let e = 0; e < ENTRIES; e++) {
      const n = String(e + 1).padStart(4, '0');
      const entry = await api<{ id: number }>('entries.create', {
        editionId,
        fields: { code: `BP-${n}`, igedId: (igeds[e] as { id: number }).id, title: `Práctica ${n}`, categoryId: category.id, summary: `Resumen de la práctica ${n}.` },
      });
      entryIds.push(entry.id);
    }
    jurorIds = [];
    for (const [j, name] of JURORS.entries()) {
      const affiliations = j === 0 ? [{ igedId: (igeds[0] as { id: number }).id, note: 'Especialista de la DRE' }] : [];
      const juror = await api<{ id: number }>('jurors.create', { editionId, fields: { name, institution: 'MINEDU', cargo: 'Especialista', email: `jurado${j + 1}@example.pe`, affiliations } });
      jurorIds.push(juror.id);
    }
    await api('panels.save', { stageId, categoryId: category.id, name: 'Panel de liderazgo', jurorIds });
    const settings = await api<Record<string, unknown>>('jury.settings.get', { editionId });
    await api('jury.settings.update', { editionId, fields: { ...pick(settings), jurorsPerEntry: 2 } });
    ({ page, pageErrors } = await openPage(browser, `${server.url}/#/jurado`));
    await page.getByRole('heading', { level: 1, name: `Jurado: Jurados y paneles — ${EDITION}` }).waitFor();
  });

  afterAll(async () => {
    await page?.screenshot({ path: '/tmp/jury-organizer-last.png', fullPage: true }).catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('conflictos: el detectado por la IGED se lista, se descarta con motivo y se declara otro', async () => {
    await openTab(page, 'Conflictos de interés');
    const table = page.getByRole('table', { name: 'Conflictos detectados y declarados' });
    await table.waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(1);
    const detected = table.locator('tbody tr').filter({ hasText: 'Ana Quispe Mamani' });
    await expect(detected.locator('td').allInnerTexts()).resolves.toEqual([
      'Ana Quispe Mamani',
      'BP-0001 Práctica 0001',
      'Misma IGED',
      `Afiliado a ${igedName}, la IGED que postula.`,
      'Vigente',
      'Descartar',
    ]);
    await expectAxeClean(page, 'conflictos');

    // The organizer dismisses it, with a reason.
    await detected.getByRole('button', { name: 'Descartar' }).click();
    const dismissDialog = page.getByRole('dialog', { name: 'Descartar el conflicto de Ana Quispe Mamani con BP-0001' });
    await dismissDialog.waitFor();
    await expectAxeClean(page, 'descartar conflicto');
    // No reason, no dismissal.
    await dismissDialog.getByRole('button', { name: 'Descartar' }).click();
    await expect(dismissDialog.isVisible()).resolves.toBe(true);
    await dismissDialog.getByLabel('Motivo').fill('La jurado dejó la DRE en 2023.');
    await dismissDialog.getByRole('button', { name: 'Descartar' }).click();
    await dismissDialog.waitFor({ state: 'detached' });
    await detected.getByText('Descartado').waitFor();
    await detected.getByText(/La jurado dejó la DRE en 2023\./).waitFor();
    await detected.getByRole('button', { name: 'Restablecer' }).waitFor();
    const afterDismiss = await api<Conflict[]>('conflicts.list', { editionId });
    expect(afterDismiss).toHaveLength(1);
    expect(afterDismiss[0]).toMatchObject({ jurorId: jurorId('Ana Quispe Mamani'), entryId: entryIds[0], basis: 'iged', inForce: false, dismissedReason: 'La jurado dejó la DRE en 2023.' });

    // A juror declares a conflict (recorded by the organizer on this screen).
    const declare = page.getByRole('region', { name: 'Declarar un conflicto de interés' });
    await declare.getByLabel('Jurado', { exact: true }).selectOption({ label: 'Luis Huamán Torres' });
    await declare.getByLabel('Postulación', { exact: true }).selectOption({ label: 'BP-0002 Práctica 0002' });
    await declare.getByRole('button', { name: 'Declarar conflicto' }).click();
    const declareDialog = page.getByRole('dialog', { name: 'Declarar un conflicto de interés' });
    await declareDialog.getByLabel('Motivo').fill('Asesoró a la DRE en la práctica.');
    await declareDialog.getByRole('button', { name: 'Declarar conflicto' }).click();
    await declareDialog.waitFor({ state: 'detached' });
    const declared = table.locator('tbody tr').filter({ hasText: 'Luis Huamán Torres' });
    await expect(declared.locator('td').allInnerTexts()).resolves.toEqual([
      'Luis Huamán Torres',
      'BP-0002 Práctica 0002',
      'Declarado',
      'Asesoró a la DRE en la práctica.',
      'Vigente',
      'Descartar',
    ]);
    const conflicts = await api<Conflict[]>('conflicts.list', { editionId });
    expect(conflicts.find((c) => c.basis === 'declared')).toMatchObject({ jurorId: jurorId('Luis Huamán Torres'), entryId: entryIds[1], inForce: true, declaredReason: 'Asesoró a la DRE en la práctica.' });
    await expectAxeClean(page, 'conflictos con un descartado y un declarado');
  });

  it('asignación: vista previa con semilla, aplicar, cargas equilibradas, retiro y completar; lo imposible se explica', async () => {
    await openTab(page, 'Asignación');
    await page.getByRole('table', { name: 'Carga por jurado' }).waitFor();
    await page.getByText('No hay asignaciones en esta etapa.').waitFor();
    await expectAxeClean(page, 'asignación vacía');

    // Preview with a seed: nothing is written, and the same seed gives the same plan.
    await page.getByLabel('Semilla').fill('42');
    await page.getByRole('button', { name: 'Vista previa' }).click();
    await page.getByText('Se pueden añadir 12 asignaciones: todas las postulaciones tendrán 2 jurados (semilla 42).').waitFor();
    await page.getByText('Panel «Panel de liderazgo»: cargas entre 2 y 3 (equilibradas).').waitFor();
    await expectAxeClean(page, 'vista previa de la asignación');
    expect(await assignments()).toEqual([]);
    const plan = await api<Plan>('assignments.plan', { stageId, seed: 42 });
    expect(await api<Plan>('assignments.plan', { stageId, seed: 42 })).toEqual(plan);

    // Apply: exactly the previewed plan, the declared conflict respected, loads balanced.
    await page.getByRole('button', { name: 'Asignar / completar' }).click();
    await page.getByText('Carga mínima 2, máxima 3.').waitFor();
    const applied = await assignments();
    const pairs = (rows: { entryId: number; jurorId: number }[]) => rows.map((r) => `${r.entryId}:${r.jurorId}`).sort();
    expect(pairs(applied)).toEqual(pairs(plan.additions));
    expect(applied.some((a) => a.jurorId === jurorId('Luis Huamán Torres') && a.entryId === entryIds[1])).toBe(false);
    for (const entryId of entryIds) expect(applied.filter((a) => a.entryId === entryId)).toHaveLength(2);
    let loads = await visibleLoads(page);
    expect([...loads.keys()].sort()).toEqual([...JURORS].sort());
    let counts = [...loads.values()].map((l) => l.active);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12);
    const loadsApi = await api<LoadsTable>('assignments.loads', { stageId });
    expect(loadsApi.max - loadsApi.min).toBeLessThanOrEqual(1);
    expect(Object.fromEntries(loadsApi.jurors.map((j) => [j.name, j.active]))).toEqual(Object.fromEntries([...loads].map(([name, l]) => [name, l.active])));
    await expectAxeClean(page, 'asignación aplicada');

    // A juror withdraws (Jurados y paneles), then "completar" tops the entries up again.
    await openTab(page, 'Jurados y paneles');
    await page.getByRole('button', { name: 'Retirar a Jorge Salazar Ríos' }).click();
    const withdrawDialog = page.getByRole('dialog', { name: 'Retirar a Jorge Salazar Ríos' });
    await withdrawDialog.getByLabel('Motivo').fill('Renunció por motivos de salud.');
    await withdrawDialog.getByRole('button', { name: 'Retirar' }).click();
    await withdrawDialog.waitFor({ state: 'detached' });
    await openTab(page, 'Asignación');
    const jorgeLoad = (await visibleLoads(page)).get('Jorge Salazar Ríos');
    expect(jorgeLoad).toEqual({ active: 0, status: 'Retirado' });
    const shortBefore = (await api<LoadsTable>('assignments.loads', { stageId })).shortEntries.length;
    expect(shortBefore).toBeGreaterThan(0);
    await page.getByText(`${shortBefore} postulaciones tienen menos jurados de los necesarios:`).waitFor();
    await page.getByLabel('Semilla').fill('42');
    await page.getByRole('button', { name: 'Asignar / completar' }).click();
    await page.getByText('Carga mínima 3, máxima 3.').waitFor();
    await page.getByText(/tienen menos jurados de los necesarios/).waitFor({ state: 'detached' });
    loads = await visibleLoads(page);
    counts = [...loads].filter(([name]) => name !== 'Jorge Salazar Ríos').map(([, l]) => l.active);
    expect(counts).toEqual([3, 3, 3, 3]);
    const afterTopUp = await assignments();
    for (const entryId of entryIds) {
      const counting = afterTopUp.filter((a) => a.entryId === entryId && !a.jurorWithdrawn && !a.conflicted);
      expect(counting, `BP con id ${entryId}`).toHaveLength(2);
    }
    expect(afterTopUp.some((a) => a.jurorId === jurorId('Luis Huamán Torres') && a.entryId === entryIds[1])).toBe(false);
    expect((await api<LoadsTable>('assignments.loads', { stageId })).shortEntries).toEqual([]);

    // Infeasible: 5 jurors per entry with 4 left on the panel. The preview explains, applying refuses.
    await page.getByLabel('Jurados por postulación (N)').fill('5');
    await page.getByRole('button', { name: 'Vista previa' }).click();
    await page.getByText('No todas las postulaciones pueden recibir N jurados').waitFor();
    const impossible = await api<Plan & { problems: string[] }>('assignments.plan', { stageId, seed: 42, jurorsPerEntry: 5 });
    expect(impossible.feasible).toBe(false);
    const bp2 = impossible.problems.find((p) => p.includes('BP-0002')) ?? '';
    expect(bp2, impossible.problems.join('\n')).toMatch(/^La postulación BP-0002 necesita 5 jurados pero solo hay 3 posibles en su panel \(5 miembros: 1 con conflicto de interés, 1 retirados, 2 ya asignados\)\.$/);
    const shown = page.getByRole('status').getByRole('listitem');
    for (const problem of impossible.problems) await shown.filter({ hasText: problem }).waitFor();
    await expectAxeClean(page, 'asignación imposible');
    await page.getByRole('button', { name: 'Asignar / completar' }).click();
    await page.getByRole('alert').filter({ hasText: /^No se puede completar la asignación automática: .*Revise los paneles o permita una asignación parcial\.$/ }).waitFor();
    expect(pairs(await assignments())).toEqual(pairs(afterTopUp));
  });

  it('fichas en Excel: exportar, llenar dos puntajes, importar con vista previa, aplicar; reimportar no cambia nada', async () => {
    const rosa = jurorId('Rosa Condori Flores');
    const mine = (await assignments({ jurorId: rosa })).filter((a) => !a.jurorWithdrawn && !a.conflicted);
    expect(mine.length).toBe(3);
    const [first, second] = mine as [AssignmentRow, AssignmentRow];
    const [innovacion, resultados] = criterionIds as [number, number];
    // Held by the app before the export: the workbook carries it.
    await api('scores.set', { stageId, jurorId: rosa, entryId: first.entryId, criterionId: innovacion, value: 2 });

    await openTab(page, 'Fichas en Excel');
    await expectAxeClean(page, 'fichas en Excel');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar la ficha de Rosa Condori Flores (.xlsx)' }).click()]);
    const file = path.join(server.dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(file).toMatch(/\.xlsx$/);

    // Meanwhile the app changes a cell the juror will also fill: a conflict.
    await api('scores.set', { stageId, jurorId: rosa, entryId: first.entryId, criterionId: resultados, value: 3 });

    // The juror fills the workbook offline (exceljs stands in for Excel).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Puntajes');
    if (!sheet) throw new Error('the workbook has no «Puntajes» sheet');
    const headers = Array.from(sheet.getRow(5).values as unknown[], (v) => String(v ?? ''));
    const col = (criterion: string) => headers.findIndex((h) => h.startsWith(criterion));
    const rowOf = (code: string) => {
      for (let r = 6; r <= sheet.rowCount; r++) if (String(sheet.getCell(r, 1).value) === code) return r;
      throw new Error(`${code} is not in the workbook`);
    };
    expect(col('Innovación')).toBeGreaterThan(0);
    expect(sheet.getCell(rowOf(first.entryCode), col('Innovación')).value).toBe(2);
    sheet.getCell(rowOf(first.entryCode), col('Innovación')).value = 4; // changed
    sheet.getCell(rowOf(second.entryCode), col('Innovación')).value = 3; // new
    sheet.getCell(rowOf(first.entryCode), col('Resultados')).value = 1; // conflicting (the app now holds 3)
    await workbook.xlsx.writeFile(file);

    // Import through the screen: preview first, nothing written yet.
    const cells = mine.length * (CRITERIA.length + 1);
    const importSection = page.getByRole('region', { name: 'Importar una ficha devuelta' });
    await importSection.getByLabel('Jurado', { exact: true }).selectOption({ label: 'Rosa Condori Flores' });
    await importSection.getByLabel('Ficha devuelta (.xlsx)').setInputFiles(file);
    await page.getByRole('heading', { level: 3, name: `Vista previa de «${path.basename(file)}» (Rosa Condori Flores)` }).waitFor();
    await expect(total(page, 'Nuevos').innerText()).resolves.toBe('1');
    await expect(total(page, 'Cambiados').innerText()).resolves.toBe('1');
    await expect(total(page, 'Sin cambios').innerText()).resolves.toBe(String(cells - 3));
    await expect(total(page, 'En conflicto').innerText()).resolves.toBe('1');
    await expect(total(page, 'No válidos').innerText()).resolves.toBe('0');
    const changes = page.getByRole('table', { name: 'Cambios que traería la ficha' });
    await expect(changes.locator('tbody tr').count()).resolves.toBe(3);
    await changes.locator('tbody tr').filter({ hasText: 'En conflicto' }).filter({ hasText: first.entryCode }).waitFor();
    await expectAxeClean(page, 'vista previa de la ficha');
    const before = await api<{ scores: { criterionId: number; value: number | null }[] }>('scores.sheet', { stageId, jurorId: rosa, entryId: first.entryId });
    expect(before.scores.find((s) => s.criterionId === innovacion)?.value).toBe(2);

    // Apply, taking the workbook's value for the conflicting cell.
    await page.getByRole('radio', { name: 'Usar el valor de la ficha' }).check();
    await page.getByRole('button', { name: 'Aplicar', exact: true }).click();
    await page.getByRole('heading', { level: 3, name: /^Vista previa de/ }).waitFor({ state: 'detached' });
    const valueOf = async (entryId: number, criterionId: number) =>
      (await api<{ scores: { criterionId: number; value: number | null }[] }>('scores.sheet', { stageId, jurorId: rosa, entryId })).scores.find((s) => s.criterionId === criterionId)?.value ?? null;
    await expect(valueOf(first.entryId, innovacion)).resolves.toBe(4);
    await expect(valueOf(first.entryId, resultados)).resolves.toBe(1);
    await expect(valueOf(second.entryId, innovacion)).resolves.toBe(3);

    // The same workbook again: nothing to change.
    await importSection.getByLabel('Ficha devuelta (.xlsx)').setInputFiles(file);
    await page.getByRole('heading', { level: 3, name: /^Vista previa de/ }).waitFor();
    await expect(total(page, 'Nuevos').innerText()).resolves.toBe('0');
    await expect(total(page, 'Cambiados').innerText()).resolves.toBe('0');
    await expect(total(page, 'En conflicto').innerText()).resolves.toBe('0');
    await expect(total(page, 'No válidos').innerText()).resolves.toBe('0');
    await expect(total(page, 'Sin cambios').innerText()).resolves.toBe(String(cells));
    await expect(changes.count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Cancelar' }).click();
    await page.getByRole('heading', { level: 3, name: /^Vista previa de/ }).waitFor({ state: 'detached' });
    await expect(valueOf(first.entryId, innovacion)).resolves.toBe(4);
  });

  it('configuración: el modo ciego se activa y queda guardado', async () => {
    await openTab(page, 'Configuración');
    const blind = page.getByRole('checkbox', { name: 'Modo ciego' });
    const initially = (await api<{ blindMode: boolean }>('jury.settings.get', { editionId })).blindMode;
    await expect(blind.isChecked()).resolves.toBe(initially);
    await expectAxeClean(page, 'configuración del jurado');
    await blind.setChecked(!initially);
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await eventually(async () => (await api<{ blindMode: boolean }>('jury.settings.get', { editionId })).blindMode).toBe(!initially);
    // Everything else as it was.
    await expect(api<{ jurorsPerEntry: number }>('jury.settings.get', { editionId })).resolves.toMatchObject({ jurorsPerEntry: 2 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Jurado: Configuración — ${EDITION}` }).waitFor();
    await expect(page.getByRole('checkbox', { name: 'Modo ciego' }).isChecked()).resolves.toBe(!initially);
    expect(pageErrors).toEqual([]);
  });

  it('configuración: reglas de consolidación y cadena de desempate con el teclado; un valor inválido se explica y no se guarda', async () => {
    await openTab(page, 'Configuración');
    const before = await api<Record<string, unknown>>('jury.settings.get', { editionId });
    expect(before).toMatchObject({ missingRule: 'incomplete', rescaleMinCoverage: 0.5, trimmedMinJurors: 5, topPlaces: 3 });
    const trimmed = page.getByRole('textbox', { name: 'Jurados mínimos para la media recortada' });
    await expect(trimmed.inputValue()).resolves.toBe('5');

    // Too few jurors for a trimmed mean: a Spanish message by the field, nothing saved.
    await typeInto(page, trimmed, '2');
    await press(page, page.getByRole('button', { name: 'Guardar cambios' }));
    await page.getByText('La media recortada necesita entre 3 y 50 jurados como mínimo.').waitFor();
    await expect(trimmed.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(api('jury.settings.get', { editionId })).resolves.toMatchObject({ trimmedMinJurors: 5, updatedAt: before.updatedAt });

    await typeInto(page, trimmed, '3');
    await typeInto(page, page.getByRole('textbox', { name: 'Primeros puestos a comparar entre métodos' }), '2');
    const missing = page.getByRole('combobox', { name: 'Fichas con criterios sin calificar' });
    await missing.focus();
    await missing.selectOption('rescale');
    await typeInto(page, page.getByRole('textbox', { name: 'Cobertura mínima para reescalar (%)' }), '60');

    // «Mayor promedio» joins the chain (before the organizer's decision) and is moved to the top.
    const addRule = page.getByRole('combobox', { name: 'Añadir regla' });
    await addRule.focus();
    await addRule.selectOption({ label: 'mayor promedio' });
    await press(page, page.getByRole('button', { name: 'Añadir a la cadena' }));
    const chain = page.locator('ol.chain-list > li');
    await expect(chain.count()).resolves.toBe(4);
    await press(page, page.getByRole('button', { name: 'Subir «mayor promedio» en la cadena' }));
    await press(page, page.getByRole('button', { name: 'Subir «mayor promedio» en la cadena' }));
    await expect(chain.first().innerText()).resolves.toMatch(/^mayor promedio/);
    await expect(page.getByRole('button', { name: 'Subir «mayor promedio» en la cadena' }).isDisabled()).resolves.toBe(true);
    await expectAxeClean(page, 'configuración del jurado con reglas');

    await press(page, page.getByRole('button', { name: 'Guardar cambios' }));
    await eventually(async () => (await api<{ trimmedMinJurors: number }>('jury.settings.get', { editionId })).trimmedMinJurors).toBe(3);
    await expect(api('jury.settings.get', { editionId })).resolves.toMatchObject({
      missingRule: 'rescale',
      rescaleMinCoverage: 0.6,
      topPlaces: 2,
      tieBreakChain: [{ kind: 'higherMean' }, { kind: 'higherMedian' }, { kind: 'smallerSpread' }, { kind: 'organizerDecision' }],
    });
    // The results use the stored rules.
    await expect(api('results.compute', { editionId, stageId })).resolves.toMatchObject({
      result: { options: { missingRule: 'rescale', rescaleMinCoverage: 0.6, trimmedMinJurors: 3, topPlaces: 2, tieBreak: [{ kind: 'higherMean' }, { kind: 'higherMedian' }, { kind: 'smallerSpread' }, { kind: 'organizerDecision' }] } },
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Jurado: Configuración — ${EDITION}` }).waitFor();
    await expect(page.getByRole('textbox', { name: 'Jurados mínimos para la media recortada' }).inputValue()).resolves.toBe('3');
    await expect(page.getByRole('textbox', { name: 'Cobertura mínima para reescalar (%)' }).inputValue()).resolves.toBe('60');
    expect(pageErrors).toEqual([]);
  });

  it('etapas y auditoría: estado de cada etapa, registro legible con filtros, detalle secundario y verificación de la cadena', async () => {
    const finalStage = (await api<{ id: number }>('stages.create', { editionId, fields: { name: 'Evaluación final', cutoff: null } })).id;
    await api('juryStages.close', { stageId, reason: 'Fin del plazo' });
    await openTab(page, 'Etapas y auditoría');
    const stages = page.getByRole('table', { name: 'Estado de todas las etapas' });
    await stages.waitFor();
    const rowOf = (name: string) => stages.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(rowOf('Evaluación técnica').innerText()).resolves.toMatch(/Cerrada[\s\S]*por Organización\. Motivo: Fin del plazo/);
    await expect(rowOf('Evaluación final').innerText()).resolves.toMatch(/Abierta/);
    expect(finalStage).toBeGreaterThan(stageId);

    // Readable rows: the workbook import of the earlier test, by juror and entry, old → new.
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    const action = page.getByRole('combobox', { name: 'Acción' });
    await action.focus();
    await action.selectOption({ label: 'Puntaje' });
    const juror = page.getByRole('combobox', { name: 'Jurado', exact: true });
    await juror.focus();
    await juror.selectOption({ label: 'Rosa Condori Flores' });
    await eventually(async () => {
      const actions = await table.locator('tbody tr td:nth-child(4)').allInnerTexts();
      return actions.length > 0 && actions.every((a) => a === 'Puntaje');
    }).toBe(true);
    const rows = table.locator('tbody tr');
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = (await rows.nth(i).locator('td').allInnerTexts()).map((c) => c.trim());
      expect(cells[2]).toMatch(/^(Jurado|Libro del jurado): Rosa Condori Flores$/);
      expect(cells[4]).toMatch(/^BP-\d{4} Práctica \d{4}$/);
      expect(cells[5]).toBe('Rosa Condori Flores');
      expect(CRITERIA).toContain(cells[6]);
      expect(cells[7]).toMatch(/^(—|\d) → \d$/);
    }
    // The stored data stays available, one keyboard press away.
    const first = rows.first();
    const id = (await first.locator('td').first().innerText()).trim();
    await press(page, first.getByText('Ver datos guardados'));
    await expect(first.locator('pre').innerText()).resolves.toContain('"huella"');
    await expectAxeClean(page, 'etapas y auditoría');

    await press(page, page.getByRole('button', { name: 'Verificar integridad' }));
    await page.getByText(/^Cadena íntegra: se verificaron los \d+ registros y ninguno fue alterado/).waitFor();

    // Someone edits a row in the file with another SQLite tool: the check names that row.
    const { default: Database } = await import('better-sqlite3');
    const other = new Database(server.dbPath);
    other.exec('DROP TRIGGER audit_log_no_update');
    other.prepare(`UPDATE audit_log SET reason = 'alterado' WHERE id = ?`).run(Number(id));
    other.close();
    await press(page, page.getByRole('button', { name: 'Verificar integridad' }));
    await page.getByText(new RegExp(`^Cadena rota en el registro n\\.º ${id} `)).waitFor();
    await page.screenshot({ path: path.join(process.env.BPGE_SCREENSHOTS ?? '/tmp/bpge-e2e-screens', 'jury-audit.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

/** Focuses a control as Tab would, then activates it with the keyboard. */
async function press(page: Page, locator: Locator, key = 'Enter') {
  await locator.focus();
  await page.keyboard.press(key);
}

/** Replaces a text field's content by typing, as a keyboard user would. */
async function typeInto(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** The settings fields the update accepts, from what jury.settings.get returned. */
function pick(settings: Record<string, unknown>) {
  const { updatedAt: _updatedAt, editionId: _editionId, ...fields } = settings;
  return fields;
}
