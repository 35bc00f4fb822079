import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage } from './support/browser';
import { apiClient, createJuryScenario, type Api, type JuryScenario } from './support/jury-setup';
import { startServer, type ServedApp } from './support/server';

/**
 * A closed stage as a frozen record, seen on the screens: the workbook import says why «Aplicar»
 * is refused and what a conflicting cell conflicts with; the close dialog counts pending sheets;
 * an unresolved tie reads as shared; after closing, the edition's criteria are frozen with the
 * reason on screen; a score edited in the database file is announced when the app opens.
 */
describe('jurado: registro cerrado y confiable', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let api: Api;
  let scenario: JuryScenario;
  let pendingJuror: number;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    api = apiClient(server.url);
    scenario = await createJuryScenario(api, { entries: 4, jurors: 3, criteria: 2, jurorsPerEntry: 2, blindMode: false });
    // Every juror gives an entry the same scores: BP-0001 4, BP-0002 3, BP-0003 and BP-0004 2 (tied for 3rd).
    const [first, second, third] = scenario.jurorIds as [number, number, number];
    pendingJuror = third;
    for (const jurorId of [first, second]) {
      for (const row of await api<{ entryId: number }[]>('assignments.list', { stageId: scenario.stageId, jurorId })) {
        const e = scenario.entryIds.indexOf(row.entryId);
        for (const criterionId of scenario.criterionIds) {
          await api('scores.set', { stageId: scenario.stageId, jurorId, entryId: row.entryId, criterionId, value: e < 2 ? 4 - e : 2 });
        }
        await api('sheets.submit', { stageId: scenario.stageId, jurorId, entryId: row.entryId });
      }
    }
    ({ page, pageErrors } = await openPage(browser, `${server.url}/#/jurado/fichas`));
  });

  afterAll(async () => {
    await page?.screenshot({ path: '/tmp/jury-trust-last.png', fullPage: true }).catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('la importación de una ficha dice por qué no se puede aplicar y qué está en conflicto', async () => {
    const [entry] = await api<{ entryId: number; entryCode: string }[]>('assignments.list', { stageId: scenario.stageId, jurorId: pendingJuror });
    if (!entry) throw new Error('the juror has no assignments');
    const exported = await api<{ fileName: string; dataBase64: string }>('juryWorkbooks.export', { stageId: scenario.stageId, jurorId: pendingJuror });
    const file = path.join(server.dir, exported.fileName);
    fs.writeFileSync(file, Buffer.from(exported.dataBase64, 'base64'));
    // The app gets a value after the export; the juror writes another one, and a word where a number goes.
    const [innovacion] = scenario.criterionIds as [number];
    await api('scores.set', { stageId: scenario.stageId, jurorId: pendingJuror, entryId: entry.entryId, criterionId: innovacion, value: 3 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Puntajes');
    if (!sheet) throw new Error('the workbook has no «Puntajes» sheet');
    const headers = Array.from(sheet.getRow(5).values as unknown[], (v) => String(v ?? ''));
    let row = 6;
    while (String(sheet.getCell(row, 1).value) !== entry.entryCode) row++;
    sheet.getCell(row, headers.findIndex((h) => h.startsWith('Innovación'))).value = 1;
    sheet.getCell(row, headers.findIndex((h) => h.startsWith('Resultados'))).value = 'siete';
    await workbook.xlsx.writeFile(file);

    const section = page.getByRole('region', { name: 'Importar una ficha devuelta' });
    await section.getByLabel('Jurado', { exact: true }).selectOption({ label: 'Rosa Condori Flores' });
    await section.getByLabel('Ficha devuelta (.xlsx)').setInputFiles(file);
    const apply = page.getByRole('button', { name: 'Aplicar', exact: true });
    await apply.waitFor();
    await expect(apply.isDisabled()).resolves.toBe(true);
    const reason = page.getByTestId('workbook-apply-blocked');
    await expect(reason.innerText()).resolves.toBe(
      'No se puede aplicar: la ficha tiene celdas con errores (en total: 1), marcadas como «No válidos» abajo. Corríjalas en el archivo y vuelva a cargarlo. No se importó nada.',
    );
    // The disabled button is described by the reason, for a screen reader too.
    await expect(apply.getAttribute('aria-describedby')).resolves.toBe(await reason.getAttribute('id'));
    const conflict = page.getByRole('table', { name: 'Cambios que traería la ficha' }).locator('tbody tr').filter({ hasText: 'En conflicto' });
    await expect(conflict.innerText()).resolves.toMatch(
      /Cambió en los dos lados desde que se exportó la ficha el .+ \(entonces: sin puntaje\)\. En la aplicación: 3, registrado el .+ por Jurado: Rosa Condori Flores\. En la ficha: 1, escrito después de esa exportación\./,
    );
    await page.getByRole('button', { name: 'Cancelar' }).click();
  });

  it('un empate sin resolver se lee como compartido: las dos comparten el 3.º puesto y ninguna «queda por encima»', async () => {
    await page.goto(`${server.url}/#/resultados`);
    const ranking = page.getByRole('table', { name: 'Ranking de «Liderazgo para la mejora de aprendizajes» con cada método' });
    await ranking.waitFor();
    for (const code of ['BP-0003', 'BP-0004']) {
      await expect(ranking.getByRole('row', { name: new RegExp(code) }).locator('td').first().innerText()).resolves.toBe('3.º');
    }
    const tieLine = page.getByText(/^BP-0003 y BP-0004 siguen empatados en [\d,.]+ y comparten el puesto: empate sin resolver/);
    await tieLine.waitFor();
    await expect(page.getByText(/queda por encima de/).count()).resolves.toBe(0);
  });

  it('el diálogo de cierre avisa las fichas pendientes; cerrada la etapa, los criterios quedan congelados con el motivo a la vista', async () => {
    const state = await api<{ sheets: { pending: number; total: number } }>('juryStages.state', { stageId: scenario.stageId });
    expect(state.sheets.pending).toBeGreaterThan(0);
    await page.goto(`${server.url}/#/jurado/etapas`);
    await page.getByRole('button', { name: 'Cerrar la etapa' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cerrar la etapa «Evaluación técnica»' });
    await expect(dialog.getByTestId('close-pending-warning').innerText()).resolves.toBe(
      `Atención: de ${state.sheets.total} fichas asignadas, ${state.sheets.pending} siguen pendientes (ni enviadas ni con abstención). Si cierra ahora, no se contarán en los resultados y el acta las listará como no enviadas.`,
    );
    await page.keyboard.type('Fin del plazo');
    await dialog.getByRole('button', { name: 'Cerrar la etapa' }).click();
    await page.getByTestId('stage-state').filter({ hasText: 'Etapa cerrada' }).waitFor();

    await page.goto(`${server.url}/#/ediciones/${scenario.editionId}`);
    await page.getByTestId('edition-frozen').filter({ hasText: 'La etapa «Evaluación técnica» está cerrada' }).waitFor();
    await expect(page.getByRole('button', { name: 'Añadir criterio' }).isDisabled()).resolves.toBe(true);
  });

  it('un puntaje cambiado en el archivo de la base se anuncia al abrir la aplicación', async () => {
    await page.goto(`${server.url}/#/jurado`);
    await page.getByRole('heading', { level: 1, name: /^Jurado:/ }).waitFor();
    await expect(page.getByTestId('audit-startup-alert').count()).resolves.toBe(0);
    const { default: Database } = await import('better-sqlite3');
    const other = new Database(server.dbPath);
    other.prepare(`UPDATE score SET value = 4 WHERE entry_id = ? AND value IS NOT NULL`).run(scenario.entryIds[3]);
    other.close();
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'El registro de auditoría fue alterado fuera de la aplicación.' });
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(/El puntaje de .+ para BP-0004 en «.+» no coincide con el registro de auditoría/);
    // The alert leads to the audit log, where the key can be exported or imported.
    await alert.getByRole('link', { name: 'Ir al registro de auditoría' }).click();
    await page.getByRole('button', { name: 'Exportar la clave' }).waitFor();
    await page.getByText('Esta computadora tiene la clave de esta base de datos.').waitFor();
    const violations = await a11yViolations(page);
    expect(violations, describeViolations('etapas con alerta de auditoría', violations)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
