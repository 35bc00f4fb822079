import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A11yTour } from './support/a11y-tour';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { api, capturePractice, savedTexts } from './support/encuentro';
import { eventually } from './support/eventually';
import { apiClient, createJuryScenario, type JuryScenario } from './support/jury-setup';
import { freePort, VENUE_ADDRESS } from './support/sede-hub';
import type { SessionScope } from '../../shared/sede/roles';
import { startServer, type ServedApp } from './support/server';
import type { NetworkInterfaceInfo, SedeStatus } from '../../shared/contract/sede';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'sede');

/**
 * «Modo sede» as its users see it. The organizer's venue screen (open the network, invite, see
 * and revoke devices) and the join page run against the real hub: the served app's own loopback
 * listener for the organizer, its venue listener on 127.0.0.2 for the devices, which join each
 * role's shell with real invitation codes (the venue with every role at once, a
 * revocation and a restart of the hub, is sede-venue.e2e.ts).
 */

interface EncuentroDetail {
  id: number;
  salas: { id: number; name: string; practiceIds: number[] }[];
  practices: { id: number; title: string; igedName: string }[];
}

/** Every request the page sent to a path ending in `/name` (a contract method, or the join route «unirse»), with its body. */
function recordCalls(page: Page, name: string): unknown[] {
  const inputs: unknown[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith(`/${name}`)) inputs.push(request.postDataJSON());
  });
  return inputs;
}

describe('modo sede en el centro real: activar, invitar, dispositivos, revocar, unirse', () => {
  let server: ServedApp;
  let browser: Browser;
  let detail: EncuentroDetail;
  const call = <T>(method: string, input: unknown) => api<T>(server.url, method, input);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
    const { encuentroId } = await call<{ encuentroId: number }>('encuentro.ensureDemo', {});
    detail = await call<EncuentroDetail>('encuentro.get', { id: encuentroId });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('la organización activa la sede en 127.0.0.2 con HTTPS y ve el QR de su dirección; la desactivación pide confirmar y cierra el acceso', async () => {
    const { page, pageErrors } = await openPage(browser, 'about:blank');
    // The one fake left here: the operating system lists only 127.0.0.1 on the loopback
    // interface, so the real list gets 127.0.0.2 added as the venue's network card; choosing it
    // then goes to the real sede.start, which accepts any loopback address.
    await page.route('**/api/call/sede.interfaces', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { ok: true; result: NetworkInterfaceInfo[] };
      body.result.push({ name: 'wlan-prueba', address: VENUE_ADDRESS, family: 'IPv4', internal: false });
      await route.fulfill({ response, json: body });
    });
    const starts = recordCalls(page, 'sede.start');
    await page.goto(`${server.url}/#/sede`);
    await page.getByRole('heading', { level: 1, name: 'Modo sede' }).waitFor();
    await page.getByRole('heading', { name: 'Modo sede apagado' }).waitFor();
    const picker = page.getByLabel(/^Red de la sede/);
    // The list of networks is its own request: the form may show before it answers.
    await picker.locator('option', { hasText: 'wlan-prueba — 127.0.0.2' }).waitFor({ state: 'attached' });
    expect(await picker.locator('option').allTextContents()).toContain('wlan-prueba — 127.0.0.2');

    // Nothing chosen, or a port out of range: said beside the field, nothing sent.
    await page.getByRole('button', { name: 'Activar modo sede' }).click();
    await page.getByText('Elija la red de la sede.').waitFor();
    await picker.selectOption({ label: 'wlan-prueba — 127.0.0.2' });
    await page.getByLabel(/^Puerto/).fill('80');
    await page.getByRole('button', { name: 'Activar modo sede' }).click();
    await page.getByText('El puerto debe ser un número entre 1024 y 65535.').waitFor();
    expect(starts).toEqual([]);

    // HTTPS with the test certificate (issued for 127.0.0.2) and its key.
    const port = await freePort(VENUE_ADDRESS);
    await page.getByLabel(/^Puerto/).fill(String(port));
    await page.getByLabel('Certificado', { exact: true }).setInputFiles(path.join(FIXTURES, 'venue-cert.pem'));
    await page.getByText('Elegido: venue-cert.pem').waitFor();
    await page.getByRole('button', { name: 'Activar modo sede' }).click();
    await page.getByText('Para HTTPS elija los dos archivos: el certificado y su clave.').waitFor();
    await page.getByLabel('Clave del certificado').setInputFiles(path.join(FIXTURES, 'venue-key.pem'));
    await page.getByText('Elegido: venue-key.pem').waitFor();
    await page.getByRole('button', { name: 'Activar modo sede' }).click();
    await page.getByRole('heading', { name: 'Modo sede activo' }).waitFor();
    const status = await call<SedeStatus>('sede.status', {});
    expect(status).toMatchObject({ on: true, address: VENUE_ADDRESS, port, https: true });
    expect(status.url).toMatch(new RegExp(`^https://127\\.0\\.0\\.2:${port}/?$`));
    expect(await page.getByTestId('sede-address').textContent()).toBe(status.url);

    // The QR code of the hub's own address, as an image.
    const qr = page.getByRole('img', { name: `Código QR de la dirección de la sede, ${status.url}` });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    await eventually(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    expect(status.qrSvg).toMatch(/^<svg/);
    await screenshot(page, 'sede-on');

    // A device reaches the venue listener over HTTPS: the join page.
    const deviceContext = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'es-PE' });
    const devicePage = await deviceContext.newPage();
    await devicePage.goto(status.url!);
    await devicePage.getByRole('heading', { level: 1, name: 'Unirse a la sede' }).waitFor({ timeout: 20_000 });

    // Deactivating asks first and says it closes every session; cancelling keeps it on.
    await page.getByRole('button', { name: 'Desactivar' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Desactivar el modo sede?' });
    await dialog.getByText(/Se cerrarán a la vez las sesiones de todos los dispositivos/).waitFor();
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    expect((await call<SedeStatus>('sede.status', {})).on).toBe(true);
    await page.getByRole('button', { name: 'Desactivar' }).click();
    await page.getByRole('dialog', { name: '¿Desactivar el modo sede?' }).getByRole('button', { name: 'Desactivar' }).click();
    await page.getByRole('heading', { name: 'Modo sede apagado' }).waitFor();
    expect(await call<SedeStatus>('sede.status', {})).toMatchObject({ on: false, url: null, qrSvg: null });
    expect(await page.getByRole('img', { name: /^Código QR de la dirección/ }).count()).toBe(0);
    // The venue listener is closed: the device's page cannot load anything from it any more.
    await expect(devicePage.goto(status.url!)).rejects.toThrow();
    await deviceContext.close();
    expect(pageErrors).toEqual([]);
  });

  describe('con la sede activa en 127.0.0.2 (HTTP)', () => {
    let venueUrl = '';
    let organizer: Page;
    let organizerErrors: string[] = [];

    beforeAll(async () => {
      const status = await call<SedeStatus>('sede.start', { address: VENUE_ADDRESS, port: await freePort(VENUE_ADDRESS) });
      venueUrl = status.url!.replace(/\/$/, '');
      ({ page: organizer, pageErrors: organizerErrors } = await openPage(browser, `${server.url}/#/sede`));
      await organizer.getByRole('heading', { name: 'Modo sede activo' }).waitFor();
    });

    it('invitar a un moderador de dos salas: el código, su QR real como imagen, la dirección y «Copiar»; anular la invitación', async () => {
      const page = organizer;
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const creates = recordCalls(page, 'sede.invitations.create');
      await page.getByRole('button', { name: 'Invitar un dispositivo' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invitar un dispositivo' });
      await dialog.getByLabel(/^Rol/).selectOption({ label: 'Moderador' });
      await dialog.getByRole('button', { name: 'Crear la invitación' }).click();
      await dialog.getByText('Escriba un nombre.').waitFor();
      await dialog.getByText('Elija el Encuentro.').waitFor();
      await dialog.getByLabel(/^Nombre/).fill('Mesa sala 1 y 2');
      await dialog.getByLabel(/^Encuentro/).selectOption({ value: String(detail.id) });
      const [first, second] = detail.salas;
      await dialog.getByRole('button', { name: 'Crear la invitación' }).click();
      await dialog.getByText('Marque al menos una sala.').waitFor();
      await dialog.getByRole('checkbox', { name: first!.name }).check();
      await dialog.getByRole('checkbox', { name: second!.name }).check();
      await dialog.getByLabel(/^Válida por/).fill('30');
      await dialog.getByRole('button', { name: 'Crear la invitación' }).click();

      const created = page.getByRole('dialog', { name: 'Invitación para Mesa sala 1 y 2' });
      await created.waitFor();
      expect(creates).toEqual([{ name: 'Mesa sala 1 y 2', scope: { role: 'moderator', encuentroId: detail.id, salaIds: [first!.id, second!.id] }, validMinutes: 30 }]);
      const code = (await created.getByTestId('invitation-code').textContent())!;
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const qr = created.getByRole('img', { name: 'Código QR para que Mesa sala 1 y 2 se una a la sede' });
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
      await eventually(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
      expect(await created.getByTestId('invitation-url').textContent()).toBe(`${venueUrl}/#/unirse/${code}`);
      expect(await page.evaluate('document.activeElement?.textContent')).toBe('Listo');
      await screenshot(page, 'sede-invitation');
      await created.getByRole('button', { name: 'Copiar la dirección' }).click();
      await page.getByRole('status').filter({ hasText: 'Copiado.' }).waitFor();
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(`${venueUrl}/#/unirse/${code}`);
      await created.getByRole('button', { name: 'Listo' }).click();

      // Pending, until cancelled; a cancelled code no longer opens a session.
      const pending = page.getByRole('table', { name: 'Invitaciones que aún no se usaron' });
      await pending.getByRole('cell', { name: 'Mesa sala 1 y 2', exact: true }).waitFor();
      expect(await pending.getByRole('cell', { name: 'Moderador' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Anular la invitación de Mesa sala 1 y 2' }).click();
      await page.getByText('No hay invitaciones pendientes.').waitFor();
      const invitations = await call<{ name: string; cancelledAt: string | null }[]>('sede.invitations.list', {});
      expect(invitations.find((i) => i.name === 'Mesa sala 1 y 2')?.cancelledAt).not.toBeNull();
      const refused = await fetch(`${venueUrl}/api/sede/unirse`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
      expect(refused.ok).toBe(false);
      expect(organizerErrors).toEqual([]);
    });

    it('un dispositivo abre la dirección del QR y con un toque entra a la puerta; la organización lo ve en la lista y al revocarlo vuelve a la página de ingreso', async () => {
      const { code } = await call<{ code: string }>('sede.invitations.create', { name: 'Mesa 1', scope: { role: 'checkIn', encuentroId: detail.id }, validMinutes: 60 });
      const { page, pageErrors } = await openPage(browser, `${venueUrl}/#/unirse/${code.toLowerCase()}`);
      await page.getByRole('heading', { level: 1, name: 'Unirse a la sede' }).waitFor();
      expect(await page.getByLabel('Código de invitación').inputValue()).toBe(code.toLowerCase());
      await screenshot(page, 'sede-join');
      // The one action left is «Unirme», and it has the focus: a tap, or Enter.
      await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Unirme');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Registro de asistencia' }).waitFor();
      expect(new URL(page.url()).hash).toBe(`#/encuentros/${detail.id}/asistencia`);
      expect(await page.getByTestId('device-identity').textContent()).toBe('Mesa 1 Registro (puerta)');
      expect(await page.getByRole('navigation', { name: 'Secciones' }).count()).toBe(0);
      expect(await page.getByText('Importar la lista de inscritos (Excel o CSV)').count()).toBe(0);
      await screenshot(page, 'sede-door');
      for (const hash of ['#/ediciones', '#/sede', `#/encuentros/${detail.id}`, `#/encuentros/${detail.id}/captura/${detail.salas[0]!.id}`]) {
        await page.goto(`${venueUrl}/${hash}`);
        await eventually(() => new URL(page.url()).hash).toBe(`#/encuentros/${detail.id}/asistencia`);
        await page.getByRole('heading', { level: 1, name: 'Registro de asistencia' }).waitFor();
      }

      // The organizer's list: name, role, the address it calls from, connected.
      const table = organizer.getByRole('table', { name: 'Dispositivos unidos a la sede' });
      const row = table.locator('tbody tr', { hasText: 'Mesa 1' });
      await eventually(async () => (await row.count()) === 1 && (await row.textContent())!.includes('Conectado')).toBe(true);
      const cells = await row.locator('td, th').allTextContents();
      expect(cells[0]).toBe('Mesa 1');
      expect(cells).toContain('Registro (puerta)');
      // The address it calls from (the kernel gives a loopback client the source 127.0.0.1).
      const listed = (await call<{ name: string; address: string | null }[]>('sede.devices.list', {})).find((d) => d.name === 'Mesa 1');
      expect(listed?.address).toMatch(/^127\.0\.0\.\d+$/);
      expect(cells).toContain(listed!.address);
      await organizer.getByRole('button', { name: 'Revocar la sesión de Mesa 1' }).click();
      const dialog = organizer.getByRole('dialog', { name: '¿Revocar la sesión de Mesa 1?' });
      await dialog.getByText(/dejará de trabajar en este momento/).waitFor();
      await screenshot(organizer, 'sede-revoke');
      await dialog.getByRole('button', { name: 'Revocar' }).click();
      await row.getByText(/^Revocado/).waitFor();
      expect(await organizer.getByRole('button', { name: 'Revocar la sesión de Mesa 1' }).count()).toBe(0);
      // At once on the device: the join page, saying why.
      await page.getByText('La organización cerró o revocó la sesión de este dispositivo.').waitFor();
      await page.getByRole('heading', { level: 1, name: 'Unirse a la sede' }).waitFor();
      expect(pageErrors).toEqual([]);
      expect(organizerErrors).toEqual([]);
    });
  });
});

/** Turns the venue listener on at 127.0.0.2 (as the organizer, on the loopback listener) and answers its address. */
async function startVenue(server: ServedApp): Promise<string> {
  const status = await api<SedeStatus>(server.url, 'sede.start', { address: VENUE_ADDRESS, port: await freePort(VENUE_ADDRESS) });
  return status.url!.replace(/\/$/, '');
}

/** A new device (its own browser context) that joins with a real invitation for `scope` through the join page. */
async function joinDevice(browser: Browser, server: ServedApp, venueUrl: string, name: string, scope: SessionScope): Promise<{ page: Page; pageErrors: string[] }> {
  const { code } = await api<{ code: string }>(server.url, 'sede.invitations.create', { name, scope, validMinutes: 60 });
  const opened = await openPage(browser, `${venueUrl}/#/unirse/${code}`);
  await opened.page.getByRole('button', { name: 'Unirme' }).click();
  await eventually(() => new URL(opened.page.url()).hash.startsWith('#/unirse')).toBe(false);
  return opened;
}

/** The hub's id of the device called `name`. */
async function deviceId(server: ServedApp, name: string): Promise<number> {
  const devices = await api<{ id: number; name: string; revokedAt: string | null }[]>(server.url, 'sede.devices.list', {});
  return devices.find((d) => d.name === name && d.revokedAt === null)!.id;
}

describe('modo sede: la pantalla de la organización y los dispositivos de un Encuentro', () => {
  let server: ServedApp;
  let browser: Browser;
  let detail: EncuentroDetail;
  let venueUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
    const { encuentroId } = await api<{ encuentroId: number }>(server.url, 'encuentro.ensureDemo', {});
    // A third sala, so that a moderator of two has one that is not its own.
    await capturePractice(server.url, 'Práctica de la tercera sala');
    detail = await api<EncuentroDetail>(server.url, 'encuentro.get', { id: encuentroId });
    expect(detail.salas.length).toBeGreaterThanOrEqual(3);
    venueUrl = await startVenue(server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('un código mal escrito o que no vale se dice con claridad, y el foco vuelve al código', async () => {
    const { page, pageErrors } = await openPage(browser, `${venueUrl}/#/ediciones`);
    const joins = recordCalls(page, 'unirse');
    // Without a session any address shows the join page.
    await page.getByRole('heading', { level: 1, name: 'Unirse a la sede' }).waitFor();
    expect(await page.getByText('La organización cerró o revocó la sesión de este dispositivo.').count()).toBe(0);
    const input = page.getByLabel('Código de invitación');
    await input.fill('K7M2');
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.getByText('El código tiene ocho letras y números, por ejemplo K7M2-P9QX. Revíselo e intente otra vez.').waitFor();
    expect(joins).toEqual([]);
    await input.fill('aaaa bbbb');
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.getByText('El código no es válido. Revíselo (8 letras y números) e inténtelo de nuevo.').waitFor();
    expect(joins).toEqual([{ code: 'AAAA-BBBB' }]);
    expect(await input.evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('un moderador de dos salas: solo sus salas, captura, síntesis y resumen; la revocación a mitad de escritura muestra el aviso y lo escrito se guarda al volver', async () => {
    const [first, second, third] = detail.salas;
    const scope = { role: 'moderator' as const, encuentroId: detail.id, salaIds: [first!.id, second!.id] };
    const { page, pageErrors } = await joinDevice(browser, server, venueUrl, 'Moderación A', scope);
    await page.goto(`${venueUrl}/#/`);
    await page.getByRole('heading', { level: 1, name: 'Captura de aportes' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/encuentros/${detail.id}/captura`);
    const salaPicker = page.getByLabel('Sala', { exact: true });
    expect(await salaPicker.locator('option').allTextContents()).toEqual(['Elija la sala…', first!.name, second!.name]);
    expect(await page.getByRole('navigation', { name: 'Secciones del Encuentro' }).getByRole('link').allTextContents()).toEqual(['Captura en sala', 'Síntesis por sala', 'Resumen ejecutivo']);
    expect(await page.getByRole('button', { name: /Proyectar/ }).count()).toBe(0);

    // Another sala, or the set-up, typed by hand: back to its capture.
    await page.goto(`${venueUrl}/#/encuentros/${detail.id}/captura/${third!.id}`);
    await eventually(() => new URL(page.url()).hash).toBe(`#/encuentros/${detail.id}/captura`);
    await page.goto(`${venueUrl}/#/encuentros/${detail.id}/sintesis/${second!.id}`);
    await page.getByRole('heading', { level: 1, name: 'Síntesis para la plenaria' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Salas' }).getByRole('link').allTextContents()).toEqual([first!.name, second!.name]);

    // Capture a line in its first sala's first practice.
    const practiceId = first!.practiceIds[0]!;
    await page.goto(`${venueUrl}/#/encuentros/${detail.id}/captura/${first!.id}/${practiceId}`);
    const ghost = page.locator('textarea[aria-label="Nuevo aporte — UGEL — Factores que limitan"]');
    await ghost.click();
    await page.keyboard.type('Antes de revocar');
    await page.keyboard.press('Enter');
    await eventually(() => savedTexts(server.url, practiceId, first!.id)).toContain('Antes de revocar');
    await screenshot(page, 'sede-moderator');

    // The organizer revokes this device; it types on.
    // (The line arrives in one input, as a paste: keys pressed once the join page has replaced the
    // capture screen land there, not in the line.)
    await api(server.url, 'sede.devices.revoke', { id: await deviceId(server, 'Moderación A') });
    await page.keyboard.insertText('Durante la revocación');
    await page.getByText('La organización cerró o revocó la sesión de este dispositivo.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Unirse a la sede' }).waitFor();
    await screenshot(page, 'sede-revoked');
    expect(await savedTexts(server.url, practiceId, first!.id)).not.toContain('Durante la revocación');

    // A new invitation, typed: the line typed meanwhile reaches the hub.
    const { code } = await api<{ code: string }>(server.url, 'sede.invitations.create', { name: 'Moderación A', scope, validMinutes: 60 });
    await page.getByLabel('Código de invitación').fill(code.toLowerCase().replace('-', ''));
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Captura de aportes' }).waitFor();
    await eventually(() => savedTexts(server.url, practiceId, first!.id)).toContain('Durante la revocación');
    expect(pageErrors).toEqual([]);
  });

  it('«Salir» pide confirmar y deja la página de ingreso; el proyector invitado muestra su sala a pantalla completa, sin nada alrededor', async () => {
    const sala = detail.salas[0]!;
    const { page, pageErrors } = await joinDevice(browser, server, venueUrl, 'Proyector 1', { role: 'projector', encuentroId: detail.id, salaId: sala.id, practiceId: null });
    await page.goto(`${venueUrl}/#/ediciones`);
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
    await page.goto(`${venueUrl}/#/proyector/sala/${detail.salas[1]!.id}`);
    await eventually(() => new URL(page.url()).hash).toBe(`#/proyector/sala/${sala.id}`);

    const other = await joinDevice(browser, server, venueUrl, 'Mesa 2', { role: 'checkIn', encuentroId: detail.id });
    const leftId = await deviceId(server, 'Mesa 2');
    await other.page.getByRole('button', { name: 'Salir' }).click();
    await other.page.getByRole('dialog', { name: '¿Salir de la sede?' }).getByRole('button', { name: 'Salir' }).click();
    await other.page.getByText('Salió de la sede. Para volver necesitará un código nuevo.').waitFor();
    // The hub closed its session: the device is listed as gone.
    const left = (await api<{ id: number; revokedAt: string | null }[]>(server.url, 'sede.devices.list', {})).find((d) => d.id === leftId);
    expect(left?.revokedAt).not.toBeNull();
    expect(pageErrors).toEqual([]);
    expect(other.pageErrors).toEqual([]);
  });

  it('accesibilidad (axe, todo impacto): la pantalla de la sede y sus diálogos, la página de ingreso, la puerta y la captura de un dispositivo', async () => {
    // The devices first (turning the mode off at the end closes their sessions).
    const joinPage = await openPage(browser, `${venueUrl}/#/unirse/K7M2-P9QX`);
    const joinTour = new A11yTour(joinPage.page, venueUrl);
    await joinPage.page.getByRole('heading', { level: 1, name: 'Unirse a la sede' }).waitFor();
    await joinTour.check('Unirse a la sede');

    const door = await joinDevice(browser, server, venueUrl, 'Mesa 1', { role: 'checkIn', encuentroId: detail.id });
    const doorTour = new A11yTour(door.page, venueUrl);
    await door.page.getByRole('heading', { level: 1, name: 'Registro de asistencia' }).waitFor();
    await door.page.getByLabel('Buscar por nombre, DNI o institución').waitFor();
    await door.page.getByTestId('device-identity').waitFor();
    await doorTour.check('Puerta de un dispositivo');
    await doorTour.dialog('Salir (diálogo)', door.page.getByRole('button', { name: 'Salir' }), '¿Salir de la sede?');

    const moderator = await joinDevice(browser, server, venueUrl, 'Moderación B', { role: 'moderator', encuentroId: detail.id, salaIds: [detail.salas[0]!.id] });
    const moderatorTour = new A11yTour(moderator.page, venueUrl);
    await moderator.page.goto(`${venueUrl}/#/encuentros/${detail.id}/captura/${detail.salas[0]!.id}`);
    await moderator.page.getByRole('heading', { level: 1, name: 'Captura de aportes' }).waitFor();
    await moderator.page.getByTestId('device-identity').waitFor();
    await moderatorTour.check('Captura de un moderador');

    // The organizer's screen, on, with Mesa 1 in its list.
    const { page } = await openPage(browser, `${server.url}/#/sede`);
    const tour = new A11yTour(page, server.url);
    await tour.screen('Modo sede (activo)', '#/sede', 'Modo sede', page.getByRole('table', { name: 'Dispositivos unidos a la sede' }));
    await page.getByRole('button', { name: 'Revocar la sesión de Mesa 1' }).waitFor();
    await tour.dialog('Invitar un dispositivo (diálogo)', page.getByRole('button', { name: 'Invitar un dispositivo' }), 'Invitar un dispositivo');
    await page.getByRole('button', { name: 'Invitar un dispositivo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invitar un dispositivo' });
    await dialog.getByLabel(/^Nombre/).fill('Proyector 2');
    await dialog.getByLabel(/^Rol/).selectOption({ label: 'Proyector' });
    await dialog.getByLabel(/^Encuentro/).selectOption({ value: String(detail.id) });
    await dialog.getByLabel(/^Sala/).selectOption({ index: 1 });
    await tour.check('Invitar un proyector (diálogo lleno)');
    await dialog.getByRole('button', { name: 'Crear la invitación' }).click();
    await page.getByRole('dialog', { name: 'Invitación para Proyector 2' }).getByRole('img').waitFor();
    await tour.check('Invitación creada (diálogo, con su QR)');
    await page.keyboard.press('Escape');
    await tour.dialog('Revocar (diálogo)', page.getByRole('button', { name: 'Revocar la sesión de Mesa 1' }), '¿Revocar la sesión de Mesa 1?');
    await page.getByRole('button', { name: 'Desactivar' }).click();
    const stop = page.getByRole('dialog', { name: '¿Desactivar el modo sede?' });
    await stop.waitFor();
    await tour.check('Desactivar (diálogo)');
    await stop.getByRole('button', { name: 'Desactivar' }).click();
    await page.getByRole('button', { name: 'Activar modo sede' }).waitFor();
    await tour.check('Modo sede (apagado)');
    expect([...joinTour.findings, ...doorTour.findings, ...moderatorTour.findings, ...tour.findings].join('\n')).toBe('');
  });
});

describe('modo sede: un jurado invitado califica solo como sí mismo', () => {
  let server: ServedApp;
  let browser: Browser;
  let scenario: JuryScenario;
  let venueUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    scenario = await createJuryScenario(apiClient(server.url), { entries: 2, jurors: 2, criteria: 2, jurorsPerEntry: 2 });
    venueUrl = await startVenue(server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('su inicio son las etapas de su edición; sus fichas, sin «No soy…»; la organización y las fichas de otro jurado lo devuelven a su inicio', async () => {
    const [me, other] = scenario.jurorIds;
    const { page, pageErrors } = await joinDevice(browser, server, venueUrl, 'Ana Quispe Mamani', { role: 'juror', editionId: scenario.editionId, jurorId: me! });
    await page.goto(`${venueUrl}/#/jurado`);
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
      await page.goto(`${venueUrl}/${hash}`);
      await eventually(() => new URL(page.url()).hash).toBe('#/calificar');
    }
    expect(tour.findings.join('\n')).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
