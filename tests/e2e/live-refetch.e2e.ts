import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser';
import { api, capturePractice } from './support/encuentro';
import { eventually } from './support/eventually';
import { startServer, type ServedApp } from './support/server';

/**
 * One moderator typing 100 characters in 12 s (50 keystroke saves) while the door and the sala's
 * synthesis are open on other screens: the door re-reads nothing (it shows attendance, not
 * contributions), the synthesis shows the text live and re-reads its sources once the typing
 * pauses — not three requests per save on each screen, which forty devices on one Wi-Fi could
 * not carry.
 */
const SAVES = 50;
const SAVE_INTERVAL_MS = 240;

describe('un moderador escribe: las otras pantallas no vuelven a leer todo en cada guardado', () => {
  let server: ServedApp;
  let browser: Browser;
  let door: Page;
  let synthesis: Page;
  let encuentroId = 0;
  let practiceId = 0;
  let salaId = 0;
  let captureUrl = '';
  const call = <T>(method: string, input: unknown) => api<T>(server.url, method, input);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The contract methods a page calls, in order, from now on. */
  function record(page: Page): string[] {
    const methods: string[] = [];
    page.on('request', (request) => {
      const match = /\/api\/call\/([^?]+)/.exec(request.url());
      if (match?.[1]) methods.push(decodeURIComponent(match[1]));
    });
    return methods;
  }

  /** A contribution as the synthesis screen lists it among its sources. */
  const source = (shown: string) => synthesis.locator('.source-list li', { hasText: `${shown} (` });

  /**
   * Counts the door's and the synthesis' requests while `type` runs and until the synthesis shows
   * `finalText` and has re-read its sources after the pause; then a person registered elsewhere
   * must reach the door (it still follows what it shows, and every earlier event has reached it).
   */
  async function requestsWhile(type: () => Promise<void>, finalText: string, marker: string): Promise<{ door: string[]; synthesis: string[] }> {
    // Both screens have read what they show (nothing in flight) before counting starts.
    await door.waitForLoadState('networkidle');
    await synthesis.waitForLoadState('networkidle');
    const doorCalls = record(door);
    const synthesisCalls = record(synthesis);
    await type();
    await source(finalText).waitFor();
    await eventually(() => synthesisCalls.filter((m) => m === 'encuentro.contributions.list').length).toBeGreaterThanOrEqual(1);
    await synthesis.waitForLoadState('networkidle');
    const doorBefore = [...doorCalls];
    await call('encuentro.attendance.register', { encuentroId, fields: { fullName: marker, institutionType: 'ugel' } });
    await eventually(() => doorCalls.filter((m) => m === 'encuentro.attendance.list').length).toBeGreaterThanOrEqual(1);
    return { door: doorBefore, synthesis: [...synthesisCalls] };
  }

  it('la puerta no pide nada por los aportes; la síntesis, a lo más unas pocas lecturas', async () => {
    ({ encuentroId } = await call<{ encuentroId: number }>('encuentro.ensureDemo', {}));
    ({ practiceId, salaId, url: captureUrl } = await capturePractice(server.url, 'Práctica escrita en vivo'));
    const line = await call<{ id: number }>('encuentro.contributions.create', { practiceId, salaId, block: 'actions', level: 'ugel', text: 'Inicio' });
    ({ page: door } = await openPage(browser, `${server.url}/#/encuentros/${encuentroId}/asistencia`));
    ({ page: synthesis } = await openPage(browser, `${server.url}/#/encuentros/${encuentroId}/sintesis/${salaId}`));
    await door.getByLabel('Buscar por nombre, DNI o institución').waitFor();
    await source('Inicio').waitFor();

    let text = 'Inicio';
    const calls = await requestsWhile(
      async () => {
        for (let revision = 1; revision <= SAVES; revision++) {
          text += ' x';
          await call('encuentro.contributions.updateText', { id: line.id, text, revision });
          await new Promise((resolve) => setTimeout(resolve, SAVE_INTERVAL_MS));
        }
      },
      'Inicio' + ' x'.repeat(SAVES),
      'Persona Marcadora Prueba',
    );
    expect(calls.door).toEqual([]);
    expect(calls.synthesis.length, calls.synthesis.join(', ')).toBeLessThanOrEqual(4);
  });

  it('lo mismo cuando el moderador escribe en la pantalla de captura', async () => {
    await call('encuentro.contributions.create', { practiceId, salaId, block: 'actions', level: 'ugel', text: 'Segunda' });
    const { page: capture } = await openPage(browser, captureUrl);
    const line = capture.locator('li.capture-item:not(.capture-ghost) textarea').nth(1);
    await eventually(() => line.inputValue()).toBe('Segunda');
    await source('Segunda').waitFor();
    const captureCalls = record(capture);

    const typed = ' y capacitación a los equipos de UGEL en campo';
    const calls = await requestsWhile(
      async () => {
        await line.click();
        await capture.keyboard.press('End');
        await capture.keyboard.type(typed, { delay: SAVE_INTERVAL_MS });
      },
      `Segunda${typed}`,
      'Otra Persona Marcadora',
    );
    // The screen saved as the moderator typed (about one save per keystroke at this pace), and the others stayed quiet.
    expect(captureCalls.filter((m) => m === 'encuentro.contributions.updateText').length).toBeGreaterThanOrEqual(typed.length / 2);
    expect(calls.door).toEqual([]);
    expect(calls.synthesis.length, calls.synthesis.join(', ')).toBeLessThanOrEqual(4);
  });
});
