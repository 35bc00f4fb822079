import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ARGS, CHROMIUM, screenshot } from './support/browser';
import { api, capturePractice, savedTexts } from './support/encuentro';
import { eventually } from './support/eventually';
import { apiClient, createJuryScenario, type JuryScenario } from './support/jury-setup';
import { startSedeHub, type SedeHub } from './support/sede-hub';
import { chromium } from 'playwright-core';

/**
 * One venue, as it runs on the day: the organizer's computer is the hub (`serve --sede`, the
 * venue listener on 127.0.0.2 standing in for the Wi-Fi), and each device is a browser context of
 * its own (its own cookie jar) that joins through the real join page with a real code. Two
 * moderators type at once in two salas, a projector per sala, the organizer's synthesis, a juror
 * scoring blind, a check-in desk; the desk is revoked halfway; the hub is killed and restarted.
 */

interface EncuentroDetail {
  id: number;
  salas: { id: number; name: string; practiceIds: number[] }[];
}
interface Person {
  id: number;
  fullName: string;
  checkedIn: boolean;
}

/** What a device received: every event its page's EventSource delivered, and every /api/call answer. */
interface Device {
  name: string;
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  responses: string[];
  events(): Promise<string[]>;
}

/**
 * Records, inside the page, the data of every event delivered to a listener the app registers on
 * an EventSource (a response listener cannot read a stream that never ends).
 */
const RECORD_EVENTS = `(() => {
  const seen = [];
  window.__sedeEvents = seen;
  const add = EventSource.prototype.addEventListener;
  EventSource.prototype.addEventListener = function (type, listener, options) {
    const wrapped = (event) => {
      seen.push(type + ' ' + (event.data ?? ''));
      return typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event);
    };
    return add.call(this, type, wrapped, options);
  };
})();`;

/** The HTTP status of a call made from the page, with the device's own cookie. */
function callStatus(page: Page, method: string, input: unknown): Promise<number> {
  return page.evaluate(
    `fetch('/api/call/${method}', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: ${JSON.stringify(JSON.stringify(input))} }).then((r) => r.status)`,
  );
}

const CLOSED = 'La organización cerró o revocó la sesión de este dispositivo.';

describe('la sede con varios dispositivos: salas, roles, revocación y caída del centro', () => {
  let hub: SedeHub;
  let browser: Browser;
  let detail: EncuentroDetail;
  let salaAPractice: { salaId: number; practiceId: number };
  let salaBPractice: { salaId: number; practiceId: number };
  let scenario: JuryScenario;
  let organizer: { page: Page; pageErrors: string[] };
  const devices: Device[] = [];
  const local = <T>(method: string, input: unknown) => api<T>(hub.localUrl, method, input);

  async function newContext(): Promise<BrowserContext> {
    return browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'es-PE' });
  }

  function track(page: Page): string[] {
    const errors: string[] = [];
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => errors.push(error.message));
    return errors;
  }

  /** A new device that opens the join address with `code` and presses «Unirme». */
  async function join(name: string, code: string): Promise<Device> {
    const context = await newContext();
    await context.addInitScript(RECORD_EVENTS);
    const page = await context.newPage();
    const pageErrors = track(page);
    const responses: string[] = [];
    page.on('response', (response) => {
      if (!response.url().includes('/api/call/')) return;
      void response.text().then(
        (body) => responses.push(body),
        () => undefined,
      );
    });
    await page.goto(`${hub.venueUrl}/#/unirse/${code}`);
    await page.getByRole('heading', { level: 1, name: 'Unirse a la sede' }).waitFor();
    await page.getByRole('button', { name: 'Unirme' }).click();
    await eventually(() => new URL(page.url()).hash.startsWith('#/unirse')).toBe(false);
    const device: Device = { name, context, page, pageErrors, responses, events: () => page.evaluate('window.__sedeEvents ?? []') };
    devices.push(device);
    return device;
  }

  async function invite(name: string, scope: unknown): Promise<string> {
    return (await local<{ code: string }>('sede.invitations.create', { name, scope, validMinutes: 120 })).code;
  }

  /** The moderator's capture screen opens with the focus on its first empty line: type a line there, Enter. */
  async function typeLine(page: Page, text: string): Promise<void> {
    await page.locator('textarea:focus[aria-label="Nuevo aporte — UGEL — Factores que limitan"]').waitFor();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startSedeHub({ demo: true }), chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS })]);
    const { encuentroId } = await local<{ encuentroId: number }>('encuentro.ensureDemo', {});
    // Two salas of our own: the demo's syntheses are final, and a final synthesis hides the sala's lines.
    salaAPractice = await capturePractice(hub.localUrl, 'Práctica de la sala A');
    salaBPractice = await capturePractice(hub.localUrl, 'Práctica de la sala B');
    detail = await local<EncuentroDetail>('encuentro.get', { id: encuentroId });
    scenario = await createJuryScenario(apiClient(hub.localUrl), { entries: 2, jurors: 2, criteria: 2, jurorsPerEntry: 2 });
    await local('encuentro.attendance.register', { encuentroId, fields: { fullName: 'Rosa Llegada Temprano', institutionType: 'ugel' } });
    await local('encuentro.attendance.register', { encuentroId, fields: { fullName: 'Julio Llegada Tarde', institutionType: 'ugel' } });
    const context = await newContext();
    const page = await context.newPage();
    organizer = { page, pageErrors: track(page) };
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('cada dispositivo entra con su código y ve solo lo suyo; la revocación corta a uno solo; tras SIGKILL todo lo confirmado sigue y las sesiones también', async () => {
    const { salaId: idA, practiceId: practiceA } = salaAPractice;
    const { salaId: idB, practiceId: practiceB } = salaBPractice;
    const salaA = { id: idA };
    const salaB = { id: idB };
    const [me, otherJuror] = scenario.jurorIds as [number, number];

    // The organizer, on its own computer (loopback), invites the check-in desk from the sede screen.
    await organizer.page.goto(`${hub.localUrl}/#/sede`);
    await organizer.page.getByRole('heading', { level: 1, name: 'Modo sede' }).waitFor();
    await organizer.page.getByRole('button', { name: 'Invitar un dispositivo' }).click();
    const dialog = organizer.page.getByRole('dialog', { name: 'Invitar un dispositivo' });
    await dialog.getByLabel(/^Rol/).selectOption({ label: 'Registro (puerta)' });
    await dialog.getByLabel(/^Nombre/).fill('Mesa de la puerta');
    await dialog.getByLabel(/^Encuentro/).selectOption({ value: String(detail.id) });
    await dialog.getByRole('button', { name: 'Crear la invitación' }).click();
    const created = organizer.page.getByRole('dialog', { name: 'Invitación para Mesa de la puerta' });
    const deskCode = (await created.getByTestId('invitation-code').textContent())!;
    expect(await created.getByTestId('invitation-url').textContent()).toBe(`${hub.venueUrl}/#/unirse/${deskCode}`);
    await created.getByRole('button', { name: 'Listo' }).click();

    // The rest through the API, as the organizer.
    const moderatorA = await join('moderador A', await invite('Moderación sala A', { role: 'moderator', encuentroId: detail.id, salaIds: [salaA.id] }));
    const moderatorB = await join('moderador B', await invite('Moderación sala B', { role: 'moderator', encuentroId: detail.id, salaIds: [salaB.id] }));
    const projectorA = await join('proyector A', await invite('Proyector sala A', { role: 'projector', encuentroId: detail.id, salaId: salaA.id, practiceId: practiceA }));
    const projectorB = await join('proyector B', await invite('Proyector sala B', { role: 'projector', encuentroId: detail.id, salaId: salaB.id, practiceId: practiceB }));
    const juror = await join('juror', await invite('Ana en su tableta', { role: 'juror', editionId: scenario.editionId, jurorId: me }));
    const desk = await join('puerta', deskCode);

    // Each shell: its own home.
    await desk.page.getByRole('heading', { level: 1, name: 'Registro de asistencia' }).waitFor();
    await juror.page.getByRole('heading', { level: 1, name: /^Calificación — / }).waitFor();
    for (const projector of [projectorA, projectorB]) await projector.page.locator('body.projector-body').waitFor();
    await moderatorA.page.goto(`${hub.venueUrl}/#/encuentros/${detail.id}/captura/${salaA.id}/${practiceA}`);
    await moderatorB.page.goto(`${hub.venueUrl}/#/encuentros/${detail.id}/captura/${salaB.id}/${practiceB}`);

    // The organizer's synthesis of each sala, on the loopback listener, in two tabs.
    const synthesisA = organizer.page;
    await synthesisA.goto(`${hub.localUrl}/#/encuentros/${detail.id}/sintesis/${salaA.id}`);
    const synthesisB = await organizer.page.context().newPage();
    const synthesisBErrors = track(synthesisB);
    await synthesisB.goto(`${hub.localUrl}/#/encuentros/${detail.id}/sintesis/${salaB.id}`);
    for (const page of [synthesisA, synthesisB]) await page.getByRole('heading', { level: 1, name: 'Síntesis para la plenaria' }).waitFor();

    // Two moderators type at once, each in its sala.
    const linesA = ['Sala A: la UGEL acompaña a las redes rurales', 'Sala A: faltan especialistas de inicial'];
    const linesB = ['Sala B: convenios con la municipalidad', 'Sala B: internet intermitente en la sede'];
    await Promise.all([
      (async () => {
        for (const line of linesA) await typeLine(moderatorA.page, line);
      })(),
      (async () => {
        for (const line of linesB) await typeLine(moderatorB.page, line);
      })(),
    ]);
    await eventually(() => savedTexts(hub.localUrl, practiceA, salaA.id)).toEqual(expect.arrayContaining(linesA));
    await eventually(() => savedTexts(hub.localUrl, practiceB, salaB.id)).toEqual(expect.arrayContaining(linesB));

    // Each projector shows its sala's lines live; the organizer's synthesis screens both.
    for (const line of linesA) {
      await eventually(() => projectorA.page.getByText(line).count()).toBeGreaterThan(0);
      await eventually(() => synthesisA.getByText(line).count()).toBeGreaterThan(0);
    }
    for (const line of linesB) {
      await eventually(() => projectorB.page.getByText(line).count()).toBeGreaterThan(0);
      await eventually(() => synthesisB.getByText(line).count()).toBeGreaterThan(0);
    }
    await screenshot(projectorA.page, 'sede-venue-projector-a');
    await screenshot(moderatorB.page, 'sede-venue-moderator-b');
    await screenshot(synthesisB, 'sede-venue-synthesis-b');
    // A hub started with the demo on a new database has an intact audit log.
    expect(await local<{ ok: boolean }>('audit.verify', {})).toMatchObject({ ok: true });
    expect(await synthesisB.getByText('El registro de auditoría fue alterado fuera de la aplicación.').count()).toBe(0);

    // The juror scores blind in their own ficha, while the other juror scores from elsewhere.
    await juror.page.getByRole('navigation', { name: /^Etapas de/ }).getByRole('link').first().click();
    await juror.page.getByRole('heading', { level: 1, name: /^Fichas de / }).waitFor();
    await juror.page.getByRole('link', { name: 'Continuar calificando' }).click();
    await juror.page.getByText('Oculto (modo ciego)').first().waitFor();
    const scores = juror.page.getByRole('textbox', { name: 'Puntaje' });
    await scores.nth(0).focus();
    await juror.page.keyboard.type('3');
    await juror.page.keyboard.press('Enter');
    const assigned = await local<{ entryId: number }[]>('assignments.list', { stageId: scenario.stageId, jurorId: otherJuror });
    await local('scores.set', { stageId: scenario.stageId, jurorId: otherJuror, entryId: assigned[0]!.entryId, criterionId: scenario.criterionIds[0], value: 2 });
    const myScores = async () =>
      (await local<{ rows: { values: (number | null)[] }[] }>('scores.grid', { stageId: scenario.stageId, jurorId: me })).rows.flatMap((row) => row.values).filter((v) => v === 3).length;
    await eventually(myScores).toBe(1);
    await screenshot(juror.page, 'sede-venue-juror');

    // The desk checks someone in.
    const search = desk.page.getByLabel('Buscar por nombre, DNI o institución');
    await search.fill('Rosa Llegada Temprano');
    await eventually(() => desk.page.getByRole('option', { name: /Rosa Llegada Temprano/ }).count()).toBe(1);
    await search.press('Enter');
    await desk.page.getByText('Asistencia registrada: Rosa Llegada Temprano.', { exact: true }).waitFor();
    await screenshot(desk.page, 'sede-venue-desk');

    // Revocation halfway: the organizer revokes the desk from the sede screen.
    await organizer.page.goto(`${hub.localUrl}/#/sede`);
    await organizer.page.getByRole('button', { name: 'Revocar la sesión de Mesa de la puerta' }).click();
    await organizer.page.getByRole('dialog', { name: '¿Revocar la sesión de Mesa de la puerta?' }).getByRole('button', { name: 'Revocar' }).click();
    await desk.page.getByText(CLOSED).waitFor();
    await desk.page.getByRole('heading', { level: 1, name: 'Unirse a la sede' }).waitFor();
    const refused = (page: Page) => callStatus(page, 'encuentro.attendance.list', { encuentroId: detail.id, query: 'Julio' });
    expect(await refused(desk.page)).toBe(401);
    await screenshot(desk.page, 'sede-venue-revoked');

    // The others go on.
    const afterRevoke = ['Sala A: después de la revocación', 'Sala B: después de la revocación'];
    await Promise.all([typeLine(moderatorA.page, afterRevoke[0]!), typeLine(moderatorB.page, afterRevoke[1]!)]);
    await eventually(() => savedTexts(hub.localUrl, practiceA, salaA.id)).toContain(afterRevoke[0]);
    await eventually(() => savedTexts(hub.localUrl, practiceB, salaB.id)).toContain(afterRevoke[1]);
    await eventually(() => projectorA.page.getByText(afterRevoke[0]!).count()).toBeGreaterThan(0);
    await eventually(() => projectorB.page.getByText(afterRevoke[1]!).count()).toBeGreaterThan(0);

    // Nothing crossed salas or roles: in what each device was sent, and in what it shows.
    const allA = [...linesA, afterRevoke[0]!];
    const allB = [...linesB, afterRevoke[1]!];
    const received = async (device: Device) => [...device.responses, ...(await device.events())].join('\n');
    // A moderator reads the whole Encuentro (its role says so), but its screen shows only its sala…
    for (const [device, foreign] of [
      [moderatorA, allB],
      [moderatorB, allA],
    ] as const) {
      for (const line of foreign) expect(await device.page.getByText(line).count(), `${device.name} muestra «${line}»`).toBe(0);
    }
    // …and it cannot write in the other one: its call is refused and the line stays.
    const lineB = (await local<{ blocks: { cells: { contributions: { id: number; text: string }[] }[] }[] }>('encuentro.matrix', { practiceId: practiceB, salaId: salaB.id })).blocks
      .flatMap((b) => b.cells.flatMap((c) => c.contributions))
      .find((c) => c.text === linesB[0])!;
    expect(await callStatus(moderatorA.page, 'encuentro.contributions.delete', { id: lineB.id })).toBe(403);
    expect(await savedTexts(hub.localUrl, practiceB, salaB.id)).toContain(linesB[0]);
    // The projectors, the juror and the desk were never even sent another sala's or another role's text.
    for (const [device, foreign] of [
      [projectorA, allB],
      [projectorB, allA],
      [juror, [...allA, ...allB]],
      [desk, [...allA, ...allB]],
    ] as const) {
      const text = await received(device);
      for (const line of foreign) expect(text.includes(line), `${device.name} recibió «${line}»`).toBe(false);
      for (const line of foreign) expect(await device.page.getByText(line).count(), `${device.name} muestra «${line}»`).toBe(0);
    }
    // Each projector did get its own sala's lines through its stream or its reads.
    expect((await received(projectorA)).includes(linesA[0]!)).toBe(true);
    // The juror never got another juror's scores, nor the juror's name in a score.
    const jurorReceived = await received(juror);
    expect(new RegExp(`"jurorId":${me}\\b`).test(jurorReceived)).toBe(true);
    expect(new RegExp(`"jurorId":${otherJuror}\\b`).test(jurorReceived), 'el jurado recibió datos de otro jurado').toBe(false);

    // The hub loses power, and comes back on the same database with the same flags and ports.
    await hub.kill();
    await hub.restart();

    // Everything acknowledged before the kill is there, by the API…
    expect(await savedTexts(hub.localUrl, practiceA, salaA.id)).toEqual(expect.arrayContaining(allA));
    expect(await savedTexts(hub.localUrl, practiceB, salaB.id)).toEqual(expect.arrayContaining(allB));
    expect(await myScores()).toBe(1);
    const people = await local<Person[]>('encuentro.attendance.list', { encuentroId: detail.id, query: 'Rosa Llegada Temprano' });
    expect(people[0]?.checkedIn).toBe(true);
    const revoked = (await local<{ name: string; revokedAt: string | null }[]>('sede.devices.list', {})).find((d) => d.name === 'Mesa de la puerta');
    expect(revoked?.revokedAt).not.toBeNull();

    // …and on the screens, reloaded: the sessions survived, no new code needed.
    await projectorA.page.reload();
    for (const line of allA) await eventually(() => projectorA.page.getByText(line).count()).toBeGreaterThan(0);
    expect(await projectorA.page.getByText(allB[0]!).count()).toBe(0);
    await synthesisB.reload();
    for (const line of allB) await eventually(() => synthesisB.getByText(line).count()).toBeGreaterThan(0);
    await organizer.page.reload();
    await organizer.page.getByRole('table', { name: 'Dispositivos unidos a la sede' }).getByText(/^Revocado/).waitFor();

    // The moderators go on where they were: their next lines are saved.
    const afterRestart = ['Sala A: después del reinicio', 'Sala B: después del reinicio'];
    await moderatorA.page.reload();
    await moderatorB.page.reload();
    await Promise.all([typeLine(moderatorA.page, afterRestart[0]!), typeLine(moderatorB.page, afterRestart[1]!)]);
    await eventually(() => savedTexts(hub.localUrl, practiceA, salaA.id)).toContain(afterRestart[0]);
    await eventually(() => savedTexts(hub.localUrl, practiceB, salaB.id)).toContain(afterRestart[1]);
    await eventually(() => projectorB.page.getByText(afterRestart[1]!).count()).toBeGreaterThan(0);
    expect(await projectorB.page.getByText(afterRestart[0]!).count()).toBe(0);

    // The revoked desk stays out.
    await desk.page.goto(`${hub.venueUrl}/#/encuentros/${detail.id}/asistencia`);
    await desk.page.getByRole('heading', { level: 1, name: 'Unirse a la sede' }).waitFor();
    await screenshot(desk.page, 'sede-venue-revoked-after-restart');
    expect(await desk.page.getByRole('heading', { name: 'Registro de asistencia' }).count()).toBe(0);
    expect(await desk.page.getByText('Rosa Llegada Temprano').count()).toBe(0);
    expect(await refused(desk.page)).toBe(401);

    for (const device of devices) expect(device.pageErrors, device.name).toEqual([]);
    expect(organizer.pageErrors).toEqual([]);
    expect(synthesisBErrors).toEqual([]);
  }, 600_000);
});
