import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchCrashableBrowser, type CrashableBrowser } from './support/crashable-browser';
import { api, captureItems, capturePractice, journalKeys, savedTexts, startRestartableServer, typeFirstLine, type RestartableServer } from './support/encuentro';
import { eventually } from './support/eventually';

/**
 * BROWSER CRASH DURING AN OUTAGE. A line is saved; the hub is killed; the moderator types two
 * more lines, which the screen marks as not saved but kept on this computer; then the browser
 * process itself is killed (SIGKILL: nothing is flushed on the way out). The hub comes back,
 * the browser is started again on the same profile, and the two lines are back — whole — and
 * saved once, with a notice that says exactly how many were recovered.
 */
describe('un cierre brusco del navegador sin servidor no pierde lo que se mostró como copiado en el equipo', () => {
  let server: RestartableServer;
  let browser: CrashableBrowser | null = null;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-e2e-perfil-'));

  beforeAll(async () => {
    server = await startRestartableServer({ demo: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(profile, { recursive: true, force: true });
  });

  it('recupera las dos líneas tras matar el proceso del navegador, y lo dice con su número', async () => {
    const { practiceId, salaId, url } = await capturePractice(server.url, 'Práctica de la prueba de cierre brusco');
    browser = await launchCrashableBrowser(profile, url);
    let page = browser.page;
    page.on('dialog', (dialog) => void dialog.accept());
    await typeFirstLine(page, 'Guardada antes del corte');
    await eventually(async () => (await captureItems(page)).map((i) => i.state)).toEqual(['saved']);

    await server.kill();
    const offline = ['Escrita sin servidor: la primera línea, bastante más larga que dieciséis letras', 'Escrita sin servidor: la segunda, con ñ y tildes (acción)'];
    await page.keyboard.type(offline[0]!);
    await page.keyboard.press('Enter');
    await page.keyboard.type(offline[1]!);
    // Each line says when it is kept on this computer; only then is the browser killed.
    await eventually(() => page.locator('li.capture-item[data-kept="yes"]').count()).toBe(2);
    expect((await captureItems(page)).map((i) => i.state)).toEqual(['saved', 'retrying', 'retrying']);
    await expect(page.locator('li.capture-item[data-kept="yes"] [data-testid="save-state"]').first().innerText()).resolves.toMatch(/copia en este equipo/);

    await browser.crash();
    await server.restart();
    browser = await launchCrashableBrowser(profile, url);
    page = browser.page;
    await eventually(async () => (await captureItems(page)).map((i) => i.text)).toEqual(['Guardada antes del corte', ...offline]);
    await eventually(() => page.getByRole('status').filter({ hasText: 'Se recuperaron 2 aportes escritos en este equipo' }).count()).toBe(1);
    await eventually(async () => (await captureItems(page)).map((i) => i.state)).toEqual(['saved', 'saved', 'saved']);
    await eventually(() => savedTexts(server.url, practiceId, salaId)).toEqual(['Guardada antes del corte', ...offline]);
    // Acknowledged by the hub: nothing is left in the journal.
    await eventually(() => journalKeys(page)).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
  it('lo que el hub confirmó por HTTP sigue ahí tras matarlo con SIGKILL y arrancarlo sobre la misma base', async () => {
    const { practiceId, salaId } = await capturePractice(server.url, 'Práctica de la prueba de reinicio del hub');
    const { encuentroId } = await api<{ encuentroId: number }>(server.url, 'encuentro.ensureDemo', {});
    // Each call below answered before the next one: acknowledged, so durable.
    const line = await api<{ id: number; revision: number }>(server.url, 'encuentro.contributions.create', { practiceId, salaId, block: 'actions', level: 'ugel', text: 'Primera versión', revision: 1 });
    await api(server.url, 'encuentro.contributions.updateText', { id: line.id, text: 'Versión confirmada', revision: 2, baseRevision: 1, editor: 'pantalla-a' });
    const lost = await api<{ applied: boolean }>(server.url, 'encuentro.contributions.updateText', { id: line.id, text: 'Texto en conflicto', revision: 2, baseRevision: 1, editor: 'pantalla-b' });
    expect(lost.applied).toBe(false);
    const person = await api<{ id: number }>(server.url, 'encuentro.attendance.register', { encuentroId, fields: { fullName: 'Persona del reinicio', institutionType: 'ugel' }, checkIn: true });

    await server.kill();
    await server.restart();

    expect(await savedTexts(server.url, practiceId, salaId)).toEqual(['Versión confirmada']);
    const history = await api<{ text: string; conflict: boolean; by: string }[]>(server.url, 'encuentro.contributions.history', { id: line.id });
    // The newest version of each kind: the text in conflict, kept, and the applied one (typing right after the create extends its version).
    expect(history.map((v) => [v.text, v.conflict]).slice(0, 2)).toEqual([
      ['Texto en conflicto', true],
      ['Versión confirmada', false],
    ]);
    const [found] = await api<{ id: number; checkedIn: boolean; registeredBy: string }[]>(server.url, 'encuentro.attendance.list', { encuentroId, query: 'Persona del reinicio' });
    expect(found).toMatchObject({ id: person.id, checkedIn: true, registeredBy: 'Organización (computadora de la sede)' });
  });
});
