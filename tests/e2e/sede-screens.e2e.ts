import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A11yTour } from './support/a11y-tour';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { api, capturePractice, savedTexts } from './support/encuentro';
import { eventually } from './support/eventually';
import { apiClient, createJuryScenario, type JuryScenario } from './support/jury-setup';
import { device, fakeHubState, fakeSede, type FakeHub } from './support/sede-fakes';
import { startServer, type ServedApp } from './support/server';

/**
 * «Modo sede» as its users see it: the organizer's venue screen (open the network, invite, see
 * and revoke devices), the join page a device opens from the QR code, and each role's shell.
 * The hub's session and sede methods are played by support/sede-fakes (HTTP-level, in the page);
 * every other call reaches the real served app.
 */

interface EncuentroDetail {
  id: number;
  salas: { id: number; name: string; practiceIds: number[] }[];
  practices: { id: number; title: string; igedName: string }[];
}

/** A fresh page whose sede calls are played by `hub`, opened at `hash`. */
async function openWithHub(browser: Browser, url: string, hub: FakeHub, hash: string): Promise<{ page: Page; pageErrors: string[] }> {
  const opened = await openPage(browser, 'about:blank');
  await fakeSede(opened.page, hub);
  await opened.page.goto(`${url}/${hash}`);
  return opened;
}

describe('modo sede: la pantalla de la organización y los dispositivos de un Encuentro', () => {
  let server: ServedApp;
  let browser: Browser;
  let detail: EncuentroDetail;
  const pages: Page[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
    const { encuentroId } = await api<{ encuentroId: number }>(server.url, 'encuentro.ensureDemo', {});
    // A third sala, so that a moderator of two has one that is not its own.
    await capturePractice(server.url, 'Práctica de la tercera sala');
    detail = await api<EncuentroDetail>(server.url, 'encuentro.get', { id: encuentroId });
    expect(detail.salas.length).toBeGreaterThanOrEqual(3);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(hub: FakeHub, hash: string) {
    const opened = await openWithHub(browser, server.url, hub, hash);
    pages.push(opened.page);
    return opened;
  }

  it('la organización activa la sede en una red elegida, con HTTPS; la desactivación pide confirmar y cierra todas las sesiones', async () => {
    const hub = fakeHubState();
    const { page, pageErrors } = await open(hub, '#/sede');
    await page.getByRole('heading', { level: 1, name: 'Modo sede' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Modo sede' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('heading', { name: 'Modo sede apagado' }).waitFor();

    // The interfaces by name and address.
    const picker = page.getByLabel(/^Red de la sede/);
    expect(await picker.locator('option').allTextContents()).toEqual(['Elija una red…', 'lo — 127.0.0.1 (solo esta computadora)', 'wlan0 — 127.0.0.2']);

    // Nothing chosen: said beside the field, nothing sent.
    await page.getByRole('button', { name: 'Activar modo sede' }).click();
    await page.getByText('Elija la red de la sede.').waitFor();
    expect(hub.calls.filter((c) => c.method === 'sede.start')).toEqual([]);

    // A port out of range.
    await picker.selectOption({ label: 'wlan0 — 127.0.0.2' });
    await page.getByLabel(/^Puerto/).fill('80');
    await page.getByRole('button', { name: 'Activar modo sede' }).click();
    await page.getByText('El puerto debe ser un número entre 1024 y 65535.').waitFor();

    // HTTPS: the certificate and its key, read as text.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-tls-'));
    fs.writeFileSync(path.join(dir, 'sede.crt'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    fs.writeFileSync(path.join(dir, 'sede.key'), '-----BEGIN PRIVATE KEY-----\nBBBB\n-----END PRIVATE KEY-----\n');
    await page.getByLabel('Certificado', { exact: true }).setInputFiles(path.join(dir, 'sede.crt'));
    await page.getByText('Elegido: sede.crt').waitFor();
    // Only one of the two: refused with a reason.
    await page.getByLabel(/^Puerto/).fill('8443');
    await page.getByRole('button', { name: 'Activar modo sede' }).click();
    await page.getByText('Para HTTPS elija los dos archivos: el certificado y su clave.').waitFor();
    await page.getByLabel('Clave del certificado').setInputFiles(path.join(dir, 'sede.key'));
    await page.getByText('Elegido: sede.key').waitFor();
    await page.getByRole('button', { name: 'Activar modo sede' }).click();

    await page.getByRole('heading', { name: 'Modo sede activo' }).waitFor();
    expect(await page.getByTestId('sede-address').textContent()).toBe('https://127.0.0.2:8443/');
    expect(hub.calls.filter((c) => c.method === 'sede.start')).toEqual([
      {
        method: 'sede.start',
        input: {
          address: '127.0.0.2',
          port: 8443,
          tls: { certPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', keyPem: '-----BEGIN PRIVATE KEY-----\nBBBB\n-----END PRIVATE KEY-----\n' },
        },
      },
    ]);
    await screenshot(page, 'sede-on');

    // Deactivating asks first, and says it closes every session.
    await page.getByRole('button', { name: 'Desactivar' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Desactivar el modo sede?' });
    await dialog.getByText(/Se cerrarán a la vez las sesiones de todos los dispositivos/).waitFor();
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    expect(hub.status.on).toBe(true);
    await page.getByRole('button', { name: 'Desactivar' }).click();
    await page.getByRole('dialog', { name: '¿Desactivar el modo sede?' }).getByRole('button', { name: 'Desactivar' }).click();
    await page.getByRole('heading', { name: 'Modo sede apagado' }).waitFor();
    expect(hub.status.on).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('invitar a un moderador de dos salas: el código grande, su QR como imagen (sin ejecutar nada), la dirección y «Copiar»; anular la invitación', async () => {
    const hub = fakeHubState({ status: { on: true, address: '127.0.0.2', port: 8080, url: 'http://127.0.0.2:8080/', https: false, devices: 0 } });
    const { page, pageErrors } = await open(hub, '#/sede');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByRole('button', { name: 'Invitar un dispositivo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invitar un dispositivo' });
    await dialog.getByLabel(/^Rol/).selectOption({ label: 'Moderador' });
    await dialog.getByRole('button', { name: 'Crear la invitación' }).click();
    await dialog.getByText('Escriba un nombre.').waitFor();
    await dialog.getByText('Elija el Encuentro.').waitFor();

    await dialog.getByLabel(/^Nombre/).fill('Mesa sala 1 y 2');
    await dialog.getByLabel(/^Encuentro/).selectOption({ index: 1 });
    const [first, second] = detail.salas;
    await dialog.getByRole('button', { name: 'Crear la invitación' }).click();
    await dialog.getByText('Marque al menos una sala.').waitFor();
    await dialog.getByRole('checkbox', { name: first!.name }).check();
    await dialog.getByRole('checkbox', { name: second!.name }).check();
    await dialog.getByLabel(/^Válida por/).fill('30');
    await dialog.getByRole('button', { name: 'Crear la invitación' }).click();

    const created = page.getByRole('dialog', { name: 'Invitación para Mesa sala 1 y 2' });
    await created.waitFor();
    expect(hub.calls.find((c) => c.method === 'sede.invitations.create')?.input).toEqual({
      name: 'Mesa sala 1 y 2',
      scope: { role: 'moderador', encuentroId: detail.id, salaIds: [first!.id, second!.id] },
      validMinutes: 30,
    });
    expect(await created.getByTestId('invitation-code').textContent()).toBe('K7M2-P9QX');
    const qr = created.getByRole('img', { name: 'Código QR para que Mesa sala 1 y 2 se una a la sede' });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    // The SVG is an image, not markup of the page: its script never ran, its elements are not in the page.
    expect(await page.evaluate('window.__qrScriptRan === undefined && document.getElementById("fake-qr") === null')).toBe(true);
    expect(await created.getByTestId('invitation-url').textContent()).toBe('http://127.0.0.2:8080/#/unirse/K7M2-P9QX');
    // «Listo» has the focus (the form it replaced had it).
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Listo');
    await screenshot(page, 'sede-invitation');
    await created.getByRole('button', { name: 'Copiar la dirección' }).click();
    await page.getByRole('status').filter({ hasText: 'Copiado.' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe('http://127.0.0.2:8080/#/unirse/K7M2-P9QX');
    await created.getByRole('button', { name: 'Listo' }).click();

    // Pending, until cancelled.
    const pending = page.getByRole('table', { name: 'Invitaciones que aún no se usaron' });
    await pending.getByRole('cell', { name: 'Mesa sala 1 y 2', exact: true }).waitFor();
    expect(await pending.getByRole('cell', { name: 'Moderador' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Anular la invitación de Mesa sala 1 y 2' }).click();
    await page.getByText('No hay invitaciones pendientes.').waitFor();
    expect(hub.invitations[0]?.cancelledAt).not.toBeNull();
    expect(pageErrors).toEqual([]);
  });

  it('la lista de dispositivos: rol, alcance, dirección, última actividad, conexión; «Revocar» pide confirmar y surte efecto', async () => {
    const hub = fakeHubState({
      status: { on: true, address: '127.0.0.2', port: 8080, url: 'http://127.0.0.2:8080/', https: false, devices: 2 },
      devices: [
        device(1, 'Mesa 1', { role: 'registro', encuentroId: detail.id }),
        device(2, 'Proyector sala 1', { role: 'proyector', encuentroId: detail.id, salaId: detail.salas[0]!.id, practiceId: null }, { connected: false }),
      ],
    });
    const { page, pageErrors } = await open(hub, '#/sede');
    const table = page.getByRole('table', { name: 'Dispositivos unidos a la sede' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from((tr as unknown as { cells: ArrayLike<{ textContent: string | null }> }).cells, (c) => c.textContent)));
    expect(rows).toEqual([
      ['Mesa 1', 'Registro (puerta)', `Puerta · Encuentro ${detail.id}`, '127.0.0.2', expect.stringMatching(/2026/), 'Conectado', 'Revocar'],
      ['Proyector sala 1', 'Proyector', `Sala ${detail.salas[0]!.id}`, '127.0.0.3', expect.stringMatching(/2026/), 'Sin conexión', 'Revocar'],
    ]);
    await page.getByRole('button', { name: 'Revocar la sesión de Mesa 1' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Revocar la sesión de Mesa 1?' });
    await dialog.getByText(/dejará de trabajar en este momento/).waitFor();
    await screenshot(page, 'sede-revoke');
    await dialog.getByRole('button', { name: 'Revocar' }).click();
    await table.getByText(/^Revocado/).waitFor();
    expect(hub.calls.filter((c) => c.method === 'sede.devices.revoke').map((c) => c.input)).toEqual([{ id: 1 }]);
    expect(await page.getByRole('button', { name: 'Revocar la sesión de Mesa 1' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('un dispositivo escanea el QR (la dirección trae el código) y con un toque entra a la puerta de su Encuentro; otra dirección lo devuelve allí', async () => {
    const session = { role: 'registro' as const, scope: { role: 'registro' as const, encuentroId: detail.id }, deviceId: 7, name: 'Mesa 1' };
    const hub = fakeHubState({ whoami: null, codes: new Map([['K7M2-P9QX', session]]) });
    const { page, pageErrors } = await open(hub, '#/unirse/k7m2-p9qx');
    await page.getByRole('heading', { level: 1, name: 'Unirse a la sede' }).waitFor();
    expect(await page.getByLabel('Código de invitación').inputValue()).toBe('k7m2-p9qx');
    await screenshot(page, 'sede-join');
    // The one action left is «Unirme», and it has the focus: a tap, or Enter.
    await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Unirme');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Registro de asistencia' }).waitFor();
    expect(hub.calls.filter((c) => c.method === 'unirse').map((c) => c.input)).toEqual([{ code: 'K7M2-P9QX' }]);
    expect(new URL(page.url()).hash).toBe(`#/encuentros/${detail.id}/asistencia`);
    expect(await page.getByTestId('device-identity').textContent()).toBe('Mesa 1 Registro (puerta)');
    // No organizer navigation, no set-up links, no roster import, no other sections.
    expect(await page.getByRole('navigation', { name: 'Secciones' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Secciones del Encuentro' }).count()).toBe(0);
    expect(await page.getByText('Importar la lista de inscritos (Excel o CSV)').count()).toBe(0);
    await page.getByLabel('Buscar por nombre, DNI o institución').waitFor();
    await screenshot(page, 'sede-door');

    for (const hash of ['#/ediciones', '#/sede', `#/encuentros/${detail.id}`, `#/encuentros/${detail.id}/captura/${detail.salas[0]!.id}`]) {
      await page.goto(`${server.url}/${hash}`);
      await eventually(() => new URL(page.url()).hash).toBe(`#/encuentros/${detail.id}/asistencia`);
      await page.getByRole('heading', { level: 1, name: 'Registro de asistencia' }).waitFor();
    }
    expect(pageErrors).toEqual([]);
  });

  it('un código mal escrito o que no vale se dice con claridad, y el foco vuelve al código', async () => {
    const hub = fakeHubState({ whoami: null });
    const { page, pageErrors } = await open(hub, '#/ediciones');
    // Without a session any address shows the join page.
    await page.getByRole('heading', { level: 1, name: 'Unirse a la sede' }).waitFor();
    expect(await page.getByText('La organización cerró o revocó la sesión de este dispositivo.').count()).toBe(0);
    const input = page.getByLabel('Código de invitación');
    await input.fill('K7M2');
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.getByText('El código tiene ocho letras y números, por ejemplo K7M2-P9QX. Revíselo e intente otra vez.').waitFor();
    expect(hub.calls.filter((c) => c.method === 'unirse')).toEqual([]);
    await input.fill('aaaa bbbb');
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.getByText('El código no es válido o ya venció.').waitFor();
    expect(hub.calls.filter((c) => c.method === 'unirse').map((c) => c.input)).toEqual([{ code: 'AAAA-BBBB' }]);
    expect(await input.evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('un moderador de dos salas: solo sus salas, captura, síntesis y resumen; la revocación a mitad de escritura muestra el aviso y lo escrito se guarda al volver', async () => {
    const [first, second, third] = detail.salas;
    const scope = { role: 'moderador' as const, encuentroId: detail.id, salaIds: [first!.id, second!.id] };
    const hub = fakeHubState({ whoami: { role: 'moderador', scope, deviceId: 9, name: 'Moderación A' } });
    const { page, pageErrors } = await open(hub, '#/');
    await page.getByRole('heading', { level: 1, name: 'Captura de aportes' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/encuentros/${detail.id}/captura`);
    const salaPicker = page.getByLabel('Sala', { exact: true });
    expect(await salaPicker.locator('option').allTextContents()).toEqual(['Elija la sala…', first!.name, second!.name]);
    expect(await page.getByRole('navigation', { name: 'Secciones del Encuentro' }).getByRole('link').allTextContents()).toEqual(['Captura en sala', 'Síntesis por sala', 'Resumen ejecutivo']);
    expect(await page.getByRole('button', { name: /Proyectar/ }).count()).toBe(0);

    // Another sala, or the set-up, typed by hand: back to its capture.
    await page.goto(`${server.url}/#/encuentros/${detail.id}/captura/${third!.id}`);
    await eventually(() => new URL(page.url()).hash).toBe(`#/encuentros/${detail.id}/captura`);
    await page.goto(`${server.url}/#/encuentros/${detail.id}/sintesis/${second!.id}`);
    await page.getByRole('heading', { level: 1, name: 'Síntesis para la plenaria' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Salas' }).getByRole('link').allTextContents()).toEqual([first!.name, second!.name]);

    // Capture a line in its first sala's first practice.
    const practiceId = first!.practiceIds[0]!;
    await page.goto(`${server.url}/#/encuentros/${detail.id}/captura/${first!.id}/${practiceId}`);
    const ghost = page.locator('textarea[aria-label="Nuevo aporte — UGEL — Factores que limitan"]');
    await ghost.click();
    await page.keyboard.type('Antes de revocar');
    await page.keyboard.press('Enter');
    await eventually(() => savedTexts(server.url, practiceId, first!.id)).toContain('Antes de revocar');
    await screenshot(page, 'sede-moderator');

    // The organizer revokes this device; it types on.
    // (The line arrives in one input, as a paste: keys pressed once the join page has replaced the
    // capture screen land there, not in the line.)
    hub.whoami = null;
    await page.keyboard.insertText('Durante la revocación');
    await page.getByText('La organización cerró o revocó la sesión de este dispositivo.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Unirse a la sede' }).waitFor();
    await screenshot(page, 'sede-revoked');
    expect(await savedTexts(server.url, practiceId, first!.id)).not.toContain('Durante la revocación');

    // A new invitation, typed: the line typed meanwhile reaches the hub.
    hub.codes.set('ZX9Q-4WER', { role: 'moderador', scope, deviceId: 10, name: 'Moderación A' });
    await page.getByLabel('Código de invitación').fill('zx9q4wer');
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Captura de aportes' }).waitFor();
    await eventually(() => savedTexts(server.url, practiceId, first!.id)).toContain('Durante la revocación');
    expect(pageErrors).toEqual([]);
  });

  it('«Salir» pide confirmar y deja la página de ingreso; el proyector invitado muestra su sala a pantalla completa, sin nada alrededor', async () => {
    const sala = detail.salas[0]!;
    const hub = fakeHubState({ whoami: { role: 'proyector', scope: { role: 'proyector', encuentroId: detail.id, salaId: sala.id, practiceId: null }, deviceId: 11, name: 'Proyector 1' } });
    const { page, pageErrors } = await open(hub, '#/ediciones');
    await eventually(() => new URL(page.url()).hash).toBe(`#/proyector/sala/${sala.id}`);
    await page.locator('body.projector-body').waitFor();
    expect(await page.getByRole('banner').count()).toBe(0);
    await screenshot(page, 'sede-projector');
    // The first tap puts the view on the whole screen (a browser allows it only from a gesture); F leaves it.
    expect(await page.evaluate('document.fullscreenElement === null')).toBe(true);
    await page.mouse.click(600, 400);
    await eventually(() => page.evaluate('document.fullscreenElement === document.documentElement')).toBe(true);
    await page.keyboard.press('f');
    await eventually(() => page.evaluate('document.fullscreenElement === null')).toBe(true);
    await page.goto(`${server.url}/#/proyector/sala/${detail.salas[1]!.id}`);
    await eventually(() => new URL(page.url()).hash).toBe(`#/proyector/sala/${sala.id}`);

    const door = fakeHubState({ whoami: { role: 'registro', scope: { role: 'registro', encuentroId: detail.id }, deviceId: 12, name: 'Mesa 2' } });
    const other = await open(door, `#/encuentros/${detail.id}/asistencia`);
    await other.page.getByRole('button', { name: 'Salir' }).click();
    await other.page.getByRole('dialog', { name: '¿Salir de la sede?' }).getByRole('button', { name: 'Salir' }).click();
    await other.page.getByText('Salió de la sede. Para volver necesitará un código nuevo.').waitFor();
    expect(door.calls.some((c) => c.method === 'salir')).toBe(true);
    expect(pageErrors).toEqual([]);
    expect(other.pageErrors).toEqual([]);
  });

  it('accesibilidad (axe, todo impacto): la pantalla de la sede y sus diálogos, la página de ingreso, la puerta y la captura de un dispositivo', async () => {
    const hub = fakeHubState({
      status: { on: true, address: '127.0.0.2', port: 8080, url: 'http://127.0.0.2:8080/', https: false, devices: 1 },
      devices: [device(1, 'Mesa 1', { role: 'registro', encuentroId: detail.id })],
    });
    const { page } = await open(hub, '#/sede');
    const tour = new A11yTour(page, server.url);
    await tour.screen('Modo sede (activo)', '#/sede', 'Modo sede', page.getByRole('table', { name: 'Dispositivos unidos a la sede' }));
    await tour.dialog('Invitar un dispositivo (diálogo)', page.getByRole('button', { name: 'Invitar un dispositivo' }), 'Invitar un dispositivo');
    await page.getByRole('button', { name: 'Invitar un dispositivo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invitar un dispositivo' });
    await dialog.getByLabel(/^Nombre/).fill('Proyector 2');
    await dialog.getByLabel(/^Rol/).selectOption({ label: 'Proyector' });
    await dialog.getByLabel(/^Encuentro/).selectOption({ index: 1 });
    await dialog.getByLabel(/^Sala/).selectOption({ index: 1 });
    await tour.check('Invitar un proyector (diálogo lleno)');
    await dialog.getByRole('button', { name: 'Crear la invitación' }).click();
    await page.getByRole('dialog', { name: 'Invitación para Proyector 2' }).waitFor();
    await tour.check('Invitación creada (diálogo)');
    await page.keyboard.press('Escape');
    await tour.dialog('Revocar (diálogo)', page.getByRole('button', { name: 'Revocar la sesión de Mesa 1' }), '¿Revocar la sesión de Mesa 1?');
    await page.getByRole('button', { name: 'Desactivar' }).click();
    const stop = page.getByRole('dialog', { name: '¿Desactivar el modo sede?' });
    await stop.waitFor();
    await tour.check('Desactivar (diálogo)');
    await stop.getByRole('button', { name: 'Desactivar' }).click();
    await page.getByRole('button', { name: 'Activar modo sede' }).waitFor();
    await tour.check('Modo sede (apagado)');

    // The page is loaded again for each session: a device learns who it is when the app starts.
    const asDevice = async (screen: string, hash: string, title: string, ready?: string) => {
      await page.goto(`${server.url}/${hash}`);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      if (ready) await page.getByLabel(ready).waitFor();
      await tour.check(screen);
    };
    hub.whoami = null;
    await asDevice('Unirse a la sede', '#/unirse/K7M2-P9QX', 'Unirse a la sede');
    hub.whoami = { role: 'registro', scope: { role: 'registro', encuentroId: detail.id }, deviceId: 3, name: 'Mesa 1' };
    await asDevice('Puerta de un dispositivo', `#/encuentros/${detail.id}/asistencia`, 'Registro de asistencia', 'Buscar por nombre, DNI o institución');
    await page.getByTestId('device-identity').waitFor();
    await tour.dialog('Salir (diálogo)', page.getByRole('button', { name: 'Salir' }), '¿Salir de la sede?');
    hub.whoami = { role: 'moderador', scope: { role: 'moderador', encuentroId: detail.id, salaIds: [detail.salas[0]!.id] }, deviceId: 4, name: 'Moderación B' };
    await asDevice('Captura de un moderador', `#/encuentros/${detail.id}/captura/${detail.salas[0]!.id}`, 'Captura de aportes');
    await page.getByTestId('device-identity').waitFor();
    expect(tour.findings.join('\n')).toBe('');
  });
});

describe('modo sede: un jurado invitado califica solo como sí mismo', () => {
  let server: ServedApp;
  let browser: Browser;
  let scenario: JuryScenario;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    scenario = await createJuryScenario(apiClient(server.url), { entries: 2, jurors: 2, criteria: 2, jurorsPerEntry: 2 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('su inicio son las etapas de su edición; sus fichas, sin «No soy…»; la organización y las fichas de otro jurado lo devuelven a su inicio', async () => {
    const [me, other] = scenario.jurorIds;
    const hub = fakeHubState({ whoami: { role: 'jurado', scope: { role: 'jurado', editionId: scenario.editionId, jurorId: me! }, deviceId: 5, name: 'Ana Quispe Mamani' } });
    const { page, pageErrors } = await openWithHub(browser, server.url, hub, '#/jurado');
    await page.getByRole('heading', { level: 1, name: 'Calificación — Ana Quispe Mamani' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/calificar');
    expect(await page.getByRole('navigation', { name: 'Secciones' }).count()).toBe(0);
    await screenshot(page, 'sede-juror-home');
    const tour = new A11yTour(page, server.url);
    await tour.check('Inicio del jurado');

    await page.getByRole('navigation', { name: /^Etapas de/ }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Fichas de / }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/calificar/${scenario.stageId}/${me}`);
    expect(await page.getByText(/^No soy /).count()).toBe(0);
    await tour.check('Fichas del jurado (dispositivo)');

    for (const hash of [`#/calificar/${scenario.stageId}/${other}`, '#/ediciones', '#/resultados', `#/encuentros`]) {
      await page.goto(`${server.url}/${hash}`);
      await eventually(() => new URL(page.url()).hash).toBe('#/calificar');
    }
    expect(tour.findings.join('\n')).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
