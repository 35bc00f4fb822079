import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { api } from './support/encuentro';
import { eventually } from './support/eventually';
import { startServer, type ServedApp } from './support/server';
import { writeWorkbook } from './support/workbooks';

/**
 * The Encuentro screens the main scenario does not drive: the organizers' cross-sala summary
 * (with provenance), merging contributions into one synthesis item, importing the attendance
 * roster from Excel, and creating a panel in the set-up screen. Each step goes through the
 * screen as a person would and is checked both on screen and in the service.
 */

interface SynthesisItemView {
  id: number;
  level: string;
  axis: string;
  text: string;
  sources: { contributionId: number; text: string }[];
}
interface SummaryItemView {
  id: number;
  level: string;
  axis: string;
  text: string;
  sources: { synthesisItemId: number; salaName: string; text: string }[];
}
interface SummaryTable {
  cells: { level: string; axis: string; items: SummaryItemView[] }[];
}
interface SalaSynthesisView {
  status: string;
  cells: { level: string; axis: string; items: SynthesisItemView[] }[];
}
interface Counts {
  registered: number;
  checkedIn: number;
  servidores: { registered: number; checkedIn: number };
  byType: Record<string, { registered: number; checkedIn: number }>;
}

/**
 * The demo's first MINEDU × Réplica item of Sala 2, and how the screens shorten it in labels
 * and provenance: its first 40 characters and an ellipsis (written out, not recomputed).
 */
const SALA2_FIRST_REPLICA = 'Generar marco legal que permita a las IGED implementar las buenas prácticas.';
const SALA2_FIRST_REPLICA_SHORT = 'Generar marco legal que permita a las IG…';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('Encuentro: resumen ejecutivo, fusión, padrón y paneles', () => {
  let server: ServedApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let encuentroId = 0;
  const a11y: string[] = [];
  const check = async (screen: string) => {
    const found = describeViolations(screen, await a11yViolations(page));
    if (found) a11y.push(found);
  };
  const call = <T>(method: string, input: unknown) => api<T>(server.url, method, input);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
    ({ encuentroId } = await call<{ encuentroId: number }>('encuentro.ensureDemo', {}));
    ({ page, pageErrors } = await openPage(browser, server.url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('el resumen ejecutivo toma un elemento de la síntesis de una sala y muestra su procedencia', async () => {
    // The element the organizers want: one of Sala 2's MINEDU items for replication.
    const sala2 = await call<SalaSynthesisView>('encuentro.synthesis.get', { salaId: 2 });
    const chosen = sala2.cells.find((c) => c.level === 'minedu' && c.axis === 'replication')!.items[0]!;
    expect(chosen.text).toBe(SALA2_FIRST_REPLICA);
    const cellItems = async () => (await call<SummaryTable>('encuentro.summary.get', { encuentroId })).cells.find((c) => c.level === 'minedu' && c.axis === 'replication')!.items;
    const before = await cellItems();

    await page.goto(`${server.url}/#/encuentros/${encuentroId}`);
    await page.getByRole('navigation', { name: 'Secciones del Encuentro' }).getByRole('link', { name: 'Resumen ejecutivo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Resumen ejecutivo: principales acciones' }).waitFor();
    const cell = 'A nivel de Minedu — Réplica';
    const newBox = page.getByRole('textbox', { name: `Elemento ${before.length + 1} — ${cell}` });
    expect(await newBox.count()).toBe(0);

    const select = page.getByRole('combobox', { name: `Elemento de síntesis para ${cell}` });
    await select.selectOption({ label: `Sala 2: ${SALA2_FIRST_REPLICA_SHORT}` });
    const group = page.locator('.button-group').filter({ has: select });
    await group.getByRole('button', { name: 'Añadir desde la síntesis' }).click();

    // The new item carries the sala's wording and says where it comes from.
    await expect.poll(() => newBox.inputValue()).toBe(chosen.text);
    const item = page.locator('li').filter({ has: newBox });
    await expect(item.locator('.synthesis-sources').innerText()).resolves.toBe(`Fuentes: «${SALA2_FIRST_REPLICA_SHORT}» (Sala 2)`);
    await expect(select.inputValue()).resolves.toBe('');

    let after = await cellItems();
    expect(after).toHaveLength(before.length + 1);
    const created = after[after.length - 1]!;
    expect(created.text).toBe(chosen.text);
    expect(created.sources.map((s) => ({ id: s.synthesisItemId, sala: s.salaName }))).toEqual([{ id: chosen.id, sala: 'Sala 2' }]);

    // The organizers reword it from the keyboard; it is saved as typed.
    await newBox.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' (prioridad nacional)');
    await page.keyboard.press('Tab');
    await eventually(async () => (await cellItems()).find((i) => i.id === created.id)?.text).toBe(`${chosen.text} (prioridad nacional)`);
    await eventually(() => item.getByText('guardado', { exact: true }).count()).toBe(1);

    // Moved to the top of its cell (the demo's own item for this cell was first).
    expect(before.length).toBeGreaterThan(0);
    await item.getByRole('button', { name: `Subir «${SALA2_FIRST_REPLICA_SHORT}»` }).click();
    await eventually(async () => (await cellItems()).map((i) => i.id)[0]).toBe(created.id);
    await eventually(() => page.getByRole('textbox', { name: `Elemento 1 — ${cell}` }).inputValue()).toBe(`${chosen.text} (prioridad nacional)`);

    // Deleted, then brought back with "Deshacer".
    const firstBox = page.getByRole('textbox', { name: `Elemento 1 — ${cell}` });
    await page.locator('li').filter({ has: firstBox }).getByRole('button', { name: /^Eliminar «/ }).click();
    const undo = page.getByRole('status').filter({ hasText: 'Se eliminó' });
    await undo.waitFor();
    await eventually(async () => (await cellItems()).some((i) => i.id === created.id)).toBe(false);
    await undo.getByRole('button', { name: 'Deshacer' }).click();
    await eventually(async () => (await cellItems()).some((i) => i.id === created.id)).toBe(true);
    after = await cellItems();
    expect(after.find((i) => i.id === created.id)?.sources.map((s) => s.synthesisItemId)).toEqual([chosen.id]);

    await check('Resumen ejecutivo');
    await screenshot(page, 'encuentro-resumen');
  });

  it('fusiona varios aportes de la sala en un elemento de la síntesis que muestra sus fuentes', async () => {
    // Two things said in Sala 2 about the UGEL Castilla practice; the synthesis is reopened for the plenary.
    const texts = ['Crear un fondo concursable para réplicas', 'Reconocer a las UGEL que replican la práctica'];
    const ids: number[] = [];
    for (const text of texts) ids.push((await call<{ id: number }>('encuentro.contributions.create', { practiceId: 4, salaId: 2, block: 'actions', level: 'minedu', text })).id);
    const status = (await call<SalaSynthesisView>('encuentro.synthesis.get', { salaId: 2 })).status;
    if (status === 'final') await call('encuentro.synthesis.setStatus', { salaId: 2, status: 'draft', reason: 'Fusionar aportes nuevos' });

    await page.goto(`${server.url}/#/encuentros/${encuentroId}/sintesis/2`);
    await eventually(() => page.getByTestId('synthesis-status').innerText()).toBe('Borrador');
    await page.getByRole('heading', { level: 2, name: 'Aportes de la sala' }).waitFor();
    const mergeButton = page.getByRole('button', { name: /^Fusionar en un elemento/ });
    await expect(mergeButton.isDisabled()).resolves.toBe(true);

    // Picked with the keyboard: Space on each checkbox.
    for (const text of texts) {
      const box = page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(text)} \\(UGEL Castilla, Acciones para la sostenibilidad, MINEDU\\)`) });
      await box.focus();
      await page.keyboard.press('Space');
      await expect(box.isChecked()).resolves.toBe(true);
    }
    await page.getByRole('button', { name: 'Fusionar en un elemento (2)' }).click();

    const dialog = page.getByRole('dialog', { name: 'Fusionar 2 aportes' });
    await dialog.waitFor();
    const wording = dialog.getByLabel('Redacción del elemento');
    await expect(wording.inputValue()).resolves.toBe(texts.join(' '));
    // Where the contributions would land by default: MINEDU × Sostenibilidad (they are "actions").
    await expect(dialog.getByLabel('Nivel').inputValue()).resolves.toBe('minedu');
    await expect(dialog.getByLabel('Columna').inputValue()).resolves.toBe('sustainability');
    const merged = 'Fondo concursable y reconocimiento a las UGEL que replican';
    await wording.fill(merged);
    await dialog.getByLabel('Columna').selectOption({ label: 'Réplica' });
    await check('Fusionar aportes (diálogo)');
    await dialog.getByRole('button', { name: 'Fusionar', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // On screen: the item in MINEDU × Réplica, with both sources and where they come from.
    const table = page.getByRole('table', { name: /^Síntesis de Sala 2/ });
    const boxes = table.getByRole('textbox', { name: /— MINEDU — Réplica$/ });
    const values = () => boxes.evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
    await eventually(async () => (await values()).includes(merged)).toBe(true);
    const mergedItem = boxes.nth((await values()).indexOf(merged)).locator('xpath=ancestor::li[1]');
    await expect(mergedItem.locator('.synthesis-sources').innerText()).resolves.toBe(
      // Exactly 40 characters stay whole; the 45-character one is cut after its 40th.
      'Fuentes: «Crear un fondo concursable para réplicas» (UGEL Castilla, Acciones para la sostenibilidad, MINEDU); «Reconocer a las UGEL que replican la prá…» (UGEL Castilla, Acciones para la sostenibilidad, MINEDU)',
    );
    // The checkboxes are cleared and the contributions are marked as used.
    for (const text of texts) {
      const source = page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(text)} .*ya en la síntesis\\)$`) });
      await expect(source.isChecked()).resolves.toBe(false);
    }
    await expect(mergeButton.isDisabled()).resolves.toBe(true);

    // In the service: one item, linked to both contributions.
    const synthesis = await call<SalaSynthesisView>('encuentro.synthesis.get', { salaId: 2 });
    const items = synthesis.cells.flatMap((c) => c.items).filter((i) => i.text === merged);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ level: 'minedu', axis: 'replication' });
    expect(items[0]!.sources.map((s) => s.contributionId).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    await check('Síntesis de la sala (fusión)');
    await screenshot(page, 'encuentro-fusion');
  });

  it('importa la lista de inscritos desde un Excel: vista previa, confirmación y cifras', async () => {
    const file = path.join(server.dir, 'inscritos.xlsx');
    await writeWorkbook(
      file,
      'Inscritos',
      ['N°', 'Nombres y apellidos', 'DNI', 'Institución', 'Tipo de institución', 'Cargo', 'Región'],
      [
        [1, 'Teodora Quispe Huamaní', 1234567, 'UGEL Anta', 'UGEL', 'Especialista', 'Cusco'],
        [2, 'Wilber Ccama Apaza', '40506070', 'UGEL Puno', 'UGEL', 'Director de UGEL', 'Puno'],
        [3, 'Nélida Roca Saavedra', '41526374', 'DRE Piura', 'DRE', 'Directora de Gestión Pedagógica', 'Piura'],
        [4, 'Óscar Meléndez Paz', null, 'Pontificia Universidad Católica del Perú', 'Universidad', 'Docente', 'Lima'],
        [5, 'Wilber Ccama Apaza', '40506070', 'UGEL Puno', 'UGEL', 'Director de UGEL', 'Puno'],
      ],
      'Lista de inscritos — II Encuentro',
    );
    const before = await call<Counts>('encuentro.attendance.counts', { encuentroId });

    await page.goto(`${server.url}/#/encuentros/${encuentroId}/asistencia`);
    await page.getByRole('heading', { level: 1, name: 'Registro de asistencia' }).waitFor();
    await eventually(() => page.getByTestId('count-present').innerText()).toBe(String(before.checkedIn));
    await page.getByText('Importar la lista de inscritos (Excel o CSV)').click();
    await page.getByLabel('Archivo de inscritos').setInputFiles(file);

    // The preview says what would happen; nothing is written yet.
    await page.getByText('5 fila(s): se inscribirán 4; 1 ya estaban registradas o repetidas.').waitFor();
    const confirm = page.getByRole('button', { name: 'Inscribir a 4 persona(s)' });
    await expect(confirm.isEnabled()).resolves.toBe(true);
    expect((await call<Counts>('encuentro.attendance.counts', { encuentroId })).registered).toBe(before.registered);
    await check('Asistencia (vista previa de importación)');

    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'Se inscribieron 4 persona(s); 1 ya estaban registradas.' }).waitFor();
    await expect(confirm.count()).resolves.toBe(0);

    // Counts on screen and in the service: four more registered, none present yet.
    await eventually(() => page.getByText(/presentes de \d+ inscritos/).innerText()).toBe(`presentes de ${before.registered + 4} inscritos`);
    await expect(page.getByTestId('count-ugel').innerText()).resolves.toBe(`${before.byType.ugel!.checkedIn} de ${before.byType.ugel!.registered + 2}`);
    await expect(page.getByTestId('count-dreGre').innerText()).resolves.toBe(`${before.byType.dreGre!.checkedIn} de ${before.byType.dreGre!.registered + 1}`);
    await expect(page.getByTestId('count-academic').innerText()).resolves.toBe(`${before.byType.academic!.checkedIn} de ${before.byType.academic!.registered + 1}`);
    const after = await call<Counts>('encuentro.attendance.counts', { encuentroId });
    expect(after.registered).toBe(before.registered + 4);
    expect(after.checkedIn).toBe(before.checkedIn);
    expect(after.servidores.registered).toBe(before.servidores.registered + 3);
    const imported = await call<{ fullName: string; dni: string; institutionType: string; checkedIn: boolean }[]>('encuentro.attendance.list', { encuentroId, query: 'Teodora' });
    // Excel had turned the DNI 01234567 into a number: the leading zero is back.
    expect(imported).toEqual([expect.objectContaining({ fullName: 'Teodora Quispe Huamaní', dni: '01234567', institutionType: 'ugel', checkedIn: false })]);

    // An imported person is checked in at the door like anyone else.
    const search = page.getByRole('combobox', { name: /Buscar por nombre/ });
    await search.focus();
    await page.keyboard.type('teodora quispe huamani');
    await page.getByRole('option', { name: /Teodora Quispe Huamaní.*por llegar/ }).waitFor();
    await page.keyboard.press('Enter');
    await eventually(() => page.getByTestId('count-present').innerText()).toBe(String(before.checkedIn + 1));
    await expect(page.getByTestId('count-servidores').innerText()).resolves.toBe(String(before.servidores.checkedIn + 1));
    await screenshot(page, 'encuentro-importar-inscritos');
  });

  it('crea un panel temático con sus prácticas, en orden, y su moderador', async () => {
    await page.goto(`${server.url}/#/encuentros/${encuentroId}`);
    await page.getByRole('heading', { level: 2, name: 'Paneles temáticos' }).waitFor();
    const panelsBefore = (await call<{ panels: { id: number }[] }>('encuentro.get', { id: encuentroId })).panels.length;
    await check('Organización del Encuentro');

    await page.getByRole('button', { name: 'Añadir panel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Añadir panel' });
    await dialog.waitFor();
    await dialog.getByLabel('Eje temático').selectOption({ label: 'Liderazgo y monitoreo para la mejora de los aprendizajes' });
    await dialog.getByLabel('Título del panel').fill('Panel 3: Monitoreo que mejora los aprendizajes');
    await dialog.getByLabel('Moderador/a', { exact: true }).fill('Carmen Ñahui Ríos');
    await dialog.getByLabel('Institución del moderador/a').fill('DIGEGED – MINEDU');
    // Presentation order is the order in which they are ticked: DRE Áncash first.
    for (const label of [/^DRE Áncash: Monitoreo Integral/, /^UGEL Castilla: Atendiendo la diversidad/]) {
      const box = dialog.getByRole('checkbox', { name: label });
      await box.focus();
      await page.keyboard.press('Space');
    }
    await check('Añadir panel (diálogo)');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await dialog.waitFor({ state: 'detached' });

    const card = page.locator('article').filter({ has: page.getByRole('heading', { level: 3, name: 'Panel 3: Monitoreo que mejora los aprendizajes' }) });
    await card.waitFor();
    await expect(card.locator('p').first().innerText()).resolves.toBe('Eje: Liderazgo y monitoreo para la mejora de los aprendizajes · Modera: Carmen Ñahui Ríos DIGEGED – MINEDU');
    await expect(card.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      'DRE Áncash: Monitoreo Integral de los Aprendizajes (MIA)',
      'UGEL Castilla: Atendiendo la diversidad con una calendarización diferenciada',
    ]);

    const detail = await call<{ ejes: { id: number; name: string }[]; practices: { id: number; igedName: string }[]; panels: { ejeId: number; title: string; moderatorName: string; moderatorInstitution: string; practiceIds: number[] }[] }>(
      'encuentro.get',
      { id: encuentroId },
    );
    expect(detail.panels).toHaveLength(panelsBefore + 1);
    const practice = (iged: string) => detail.practices.find((p) => p.igedName === iged)!.id;
    expect(detail.panels.find((p) => p.title === 'Panel 3: Monitoreo que mejora los aprendizajes')).toEqual(
      expect.objectContaining({
        ejeId: detail.ejes.find((e) => e.name === 'Liderazgo y monitoreo para la mejora de los aprendizajes')!.id,
        moderatorName: 'Carmen Ñahui Ríos',
        moderatorInstitution: 'DIGEGED – MINEDU',
        practiceIds: [practice('DRE Áncash'), practice('UGEL Castilla')],
      }),
    );
    await check('Organización del Encuentro (con el panel nuevo)');
    await screenshot(page, 'encuentro-panel-nuevo');
  });

  it('no tiene fallas de accesibilidad, de ningún grado, ni errores en la página', () => {
    expect(a11y.join('\n')).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
