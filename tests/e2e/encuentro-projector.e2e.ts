import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { api, startRestartableServer, type RestartableServer } from './support/encuentro';
import { eventually } from './support/eventually';

/**
 * The projector read from the back of the room, on a 1280×720 projector: however much the sala
 * captured, item text never goes below 28 px (1/26 of the height), no item is cut by the screen's
 * edge, and stepping through the pages shows every item exactly once. What the moderator types
 * appears on the wall, on the page that holds it.
 */
const VIEWPORT = { width: 1280, height: 720 };
const MIN_ITEM_PX = 28;

interface ShownItem {
  id: number;
  text: string;
  fontSize: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface ShownPage {
  indicator: string;
  items: ShownItem[];
  area: { top: number; bottom: number; left: number; right: number };
  headingSizes: number[];
}

// Runs in the page, as a string: the node tsconfig has no DOM types.
const READ_PAGE = `(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
  const size = (el) => parseFloat(getComputedStyle(el).fontSize);
  const area = document.querySelector('.projector-page');
  return {
    indicator: document.querySelector('[data-testid="projector-page"]')?.textContent ?? '',
    area: box(area),
    items: [...area.querySelectorAll('li')].map((li) => ({
      id: Number(li.dataset.contributionId ?? li.dataset.itemId),
      text: li.textContent,
      fontSize: size(li),
      ...box(li),
    })),
    headingSizes: [...area.querySelectorAll('h3, th')].map(size),
  };
})()`;

interface ShownLanes {
  indicator: boolean;
  fontSize: number;
  /** Each lane's headings and items, top to bottom, with their boxes. */
  lanes: { tag: string; text: string; top: number; bottom: number }[][];
  laneBottoms: number[];
}

// The lanes of the practice view as shown: which element ends each one.
const READ_LANES = `(() => {
  const lanes = [...document.querySelectorAll('.projector-page .projector-lane')];
  return {
    indicator: document.querySelector('[data-testid="projector-page"]') !== null,
    fontSize: parseFloat(getComputedStyle(document.querySelector('.projector-page li')).fontSize),
    lanes: lanes.map((lane) => [...lane.querySelectorAll('h3, li, .projector-none')].map((el) => {
      const r = el.getBoundingClientRect();
      return { tag: el.tagName.toLowerCase(), text: el.textContent, top: r.top, bottom: r.bottom };
    }).sort((a, b) => a.top - b.top)),
    laneBottoms: lanes.map((lane) => lane.getBoundingClientRect().bottom),
  };
})()`;

/** The lowest element of every lane is an item (or the "—" of an empty level), never a heading, and it is not cut by the lane's edge. */
function expectNoHeadingEndsALane(shown: ShownLanes): void {
  shown.lanes.forEach((lane, i) => {
    if (lane.length === 0) return;
    const last = lane[lane.length - 1]!;
    expect(last.tag, last.text).not.toBe('h3');
    expect(last.bottom, last.text).toBeLessThanOrEqual(shown.laneBottoms[i]! + 0.5);
  });
}

const readPage = async (projector: Page) => (await projector.evaluate(READ_PAGE)) as ShownPage;

function pageNumbers(indicator: string): { page: number; total: number } {
  const match = /Página (\d+) de (\d+)/.exec(indicator);
  if (!match) throw new Error(`Sin indicador de página: «${indicator}»`);
  return { page: Number(match[1]), total: Number(match[2]) };
}

/** Every item of the page is at least the minimum size and lies whole inside the screen and the page's area. */
function expectReadable(shown: ShownPage): void {
  expect(shown.items.length).toBeGreaterThan(0);
  for (const item of shown.items) {
    expect(item.fontSize, item.text).toBeGreaterThanOrEqual(MIN_ITEM_PX);
    expect(item.top, item.text).toBeGreaterThanOrEqual(Math.max(0, shown.area.top) - 0.5);
    expect(item.bottom, item.text).toBeLessThanOrEqual(Math.min(VIEWPORT.height, shown.area.bottom) + 0.5);
    expect(item.left, item.text).toBeGreaterThanOrEqual(0);
    expect(item.right, item.text).toBeLessThanOrEqual(VIEWPORT.width);
  }
  // Headings are at least as large as the items they head.
  for (const size of shown.headingSizes) expect(size).toBeGreaterThanOrEqual(shown.items[0]!.fontSize);
}

/**
 * Pauses the rotation and steps through every page with AvPág, checking each one; returns the
 * ids shown, page by page. Ends back on page 1 (the pages wrap around).
 */
async function stepThroughPages(projector: Page, name: string): Promise<number[][]> {
  const indicator = projector.getByTestId('projector-page');
  await indicator.waitFor();
  await projector.keyboard.press('p');
  await eventually(() => indicator.innerText()).toContain('en pausa');
  const { total } = pageNumbers(await indicator.innerText());
  const pages: number[][] = [];
  for (let n = 1; n <= total; n++) {
    if (n > 1) await projector.keyboard.press('PageDown');
    await eventually(async () => pageNumbers(await indicator.innerText()).page).toBe(n);
    const shown = await readPage(projector);
    expectReadable(shown);
    // The practice view's lanes (the synthesis has none): none ends with a heading.
    expectNoHeadingEndsALane((await projector.evaluate(READ_LANES)) as ShownLanes);
    pages.push(shown.items.map((i) => i.id));
    if (n <= 2) await screenshot(projector, `${name}-pagina-${n}`);
  }
  await projector.keyboard.press('PageDown');
  await eventually(async () => pageNumbers(await indicator.innerText()).page).toBe(1);
  return pages;
}

describe('Proyector legible desde el fondo de la sala (1280×720)', () => {
  let server: RestartableServer;
  let browser: Browser;
  let projector: Page;
  let pageErrors: string[];
  let encuentroId = 0;
  let salaId = 0;
  let practiceId = 0;
  const a11y: string[] = [];
  const check = async (p: Page, screen: string) => {
    const found = describeViolations(screen, await a11yViolations(p));
    if (found) a11y.push(found);
  };
  const contributionIds: number[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startRestartableServer({ demo: true }), launchBrowser()]);
    encuentroId = (await api<{ encuentroId: number }>(server.url, 'encuentro.ensureDemo', {})).encuentroId;
    const detail = await api<{ ejes: { id: number }[] }>(server.url, 'encuentro.get', { id: encuentroId });
    const ejeId = detail.ejes[0]!.id;
    practiceId = (await api<{ id: number }>(server.url, 'encuentro.practices.create', { encuentroId, fields: { ejeId, title: 'Redes de soporte pedagógico en la provincia', igedName: 'UGEL Canchis', region: 'Cusco', year: 2019 } })).id;
    salaId = (await api<{ id: number }>(server.url, 'encuentro.salas.create', { encuentroId, fields: { ejeId, name: 'Sala del proyector', practiceIds: [practiceId] } })).id;
    // Thirty contributions of real lengths (one to four lines) over the four levels of one block.
    const levels = ['ugel', 'ugel', 'dreGreGr', 'minedu', 'localActors'];
    const tails = ['', ' en coordinación con los directores', ' y con el acompañamiento de los especialistas de la DRE durante todo el año escolar', ' para sostener las visitas de monitoreo a las instituciones educativas rurales más alejadas de la sede de la UGEL, con movilidad propia'];
    for (let i = 1; i <= 30; i++) {
      const text = `Aporte ${i}: rotación del personal contratado${tails[i % tails.length]}`;
      const created = await api<{ id: number }>(server.url, 'encuentro.contributions.create', { practiceId, salaId, block: 'limiting', level: levels[i % levels.length], text });
      contributionIds.push(created.id);
    }
    ({ page: projector, pageErrors } = await openPage(browser, 'about:blank'));
    await projector.setViewportSize(VIEWPORT);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reparte 30 aportes en páginas: letra ≥ 28 px, nada recortado, cada aporte en una sola página', async () => {
    await projector.goto(`${server.url}/#/proyector/practica/${practiceId}/${salaId}`);
    await projector.getByRole('heading', { level: 1, name: /UGEL Canchis/ }).waitFor();
    const pages = await stepThroughPages(projector, 'proyector-30-aportes');
    expect(pages.length).toBeGreaterThan(1);
    const shown = pages.flat();
    expect([...shown].sort((a, b) => a - b)).toEqual([...contributionIds].sort((a, b) => a - b));
    // A level continued on the next lane or page says so.
    expect(await projector.getByRole('heading', { level: 3, name: /\(continúa\)/ }).count()).toBeGreaterThan(0);
    await check(projector, 'Proyector con 30 aportes');
  });

  it('pasa de página sola cada pocos segundos, y la pausa la detiene (P o Espacio)', async () => {
    const indicator = projector.getByTestId('projector-page');
    expect(await indicator.innerText()).toMatch(/^Página 1 de \d+ · en pausa$/);
    await projector.keyboard.press(' ');
    await eventually(() => indicator.innerText()).not.toContain('en pausa');
    // No timed assertion: only that, without a key, the wall reaches page 2 (12 s a page).
    await expect.poll(() => indicator.innerText(), { timeout: 40_000, interval: 250 }).toMatch(/^Página 2 de/);
    await projector.keyboard.press('p');
    await eventually(() => indicator.innerText()).toContain('en pausa');
    await projector.keyboard.press('PageUp');
    await eventually(() => indicator.innerText()).toMatch(/^Página 1 de/);
  });

  it('muestra en el proyector, en su página, el aporte que el moderador escribe', async () => {
    const indicator = projector.getByTestId('projector-page');
    expect(pageNumbers(await indicator.innerText()).page).toBe(1);
    // The last level sits on the last page: the projector, paused on page 1, must go there by itself.
    const { page: moderator } = await openPage(browser, `${server.url}/#/encuentros/${encuentroId}/captura/${salaId}/${practiceId}`);
    await moderator.getByRole('textbox', { name: 'Nuevo aporte — Actores locales — Factores que limitan' }).focus();
    const typed = 'Aporte escrito en vivo: convenios con la municipalidad provincial';
    await moderator.keyboard.type(typed);
    const item = projector.locator('.projector-page li', { hasText: typed });
    await eventually(() => item.count()).toBe(1);
    await eventually(async () => {
      const { page, total } = pageNumbers(await indicator.innerText());
      return page === total && page > 1;
    }).toBe(true);
    const shown = await readPage(projector);
    expectReadable(shown);
    expect(shown.items.map((i) => i.text)).toContain(typed);
    await screenshot(projector, 'proyector-aporte-en-vivo');
    await moderator.close();
  });

  it('la síntesis completa de la sala de demostración más larga se lee en páginas', async () => {
    const detail = await api<{ salas: { id: number; name: string }[] }>(server.url, 'encuentro.get', { id: encuentroId });
    const demo = await Promise.all(
      detail.salas.filter((s) => s.id !== salaId).map(async (s) => ({ sala: s, synthesis: await api<{ cells: { items: { id: number }[] }[] }>(server.url, 'encuentro.synthesis.get', { salaId: s.id }) })),
    );
    const longest = demo.sort((a, b) => b.synthesis.cells.flatMap((c) => c.items).length - a.synthesis.cells.flatMap((c) => c.items).length)[0]!;
    const itemIds = longest.synthesis.cells.flatMap((c) => c.items.map((i) => i.id));
    expect(itemIds.length).toBeGreaterThan(20);

    await projector.goto(`${server.url}/#/proyector/sala/${longest.sala.id}`);
    await projector.getByRole('heading', { level: 1, name: longest.sala.name }).waitFor();
    await projector.getByRole('region', { name: 'Síntesis de la sala' }).getByRole('table').waitFor();
    const pages = await stepThroughPages(projector, 'proyector-sintesis-demo');
    expect(pages.flat().sort((a, b) => a - b)).toEqual([...itemIds].sort((a, b) => a - b));
    await check(projector, 'Proyector de síntesis (demo)');
  });

  it('muestra en su página el punto que se añade a la síntesis', async () => {
    // A sala of our own (the demo's syntheses are final): enough items for several pages.
    const axes = ['sustainability', 'replication'];
    const levels = ['ugel', 'dreGr', 'minedu', 'otherActors'];
    for (let i = 0; i < 24; i++)
      await api(server.url, 'encuentro.synthesis.createItem', { salaId, level: levels[i % 4], axis: axes[i % 2], text: `Punto ${i + 1} de la síntesis: fortalecer el acompañamiento pedagógico en las redes educativas rurales` });
    await projector.goto(`${server.url}/#/proyector/sala/${salaId}`);
    const indicator = projector.getByTestId('projector-page');
    await indicator.waitFor();
    await projector.keyboard.press('p');
    await eventually(() => indicator.innerText()).toMatch(/^Página 1 de \d+ · en pausa$/);
    const { total } = pageNumbers(await indicator.innerText());
    expect(total).toBeGreaterThan(1);

    const text = 'Punto nuevo: alianzas con los gobiernos locales para la movilidad';
    await api(server.url, 'encuentro.synthesis.createItem', { salaId, level: 'otherActors', axis: 'replication', text });
    await eventually(() => projector.locator('.projector-page li', { hasText: text }).count()).toBe(1);
    expect(pageNumbers(await indicator.innerText()).page).toBeGreaterThan(1);
    expectReadable(await readPage(projector));
    await screenshot(projector, 'proyector-sintesis-en-vivo');
  });

  it('a 1920×1080 (16:9) un bloque de 7 aportes reales cabe en una página, en dos columnas, con letra mayor que la mínima; ningún título cierra una columna', async () => {
    const detail = await api<{ ejes: { id: number }[] }>(server.url, 'encuentro.get', { id: encuentroId });
    const ejeId = detail.ejes[0]!.id;
    const seven = (await api<{ id: number }>(server.url, 'encuentro.practices.create', { encuentroId, fields: { ejeId, title: 'KUKA: Entrega de materiales educativos', igedName: 'UGEL Nauta', region: 'Loreto', year: 2018 } })).id;
    const sala = (await api<{ id: number }>(server.url, 'encuentro.salas.create', { encuentroId, fields: { ejeId, name: 'Sala de siete aportes', practiceIds: [seven] } })).id;
    // Lines as the 2017 report's matrices hold them (seed: informe-encuentro.txt), one to three lines each.
    const lines: [string, string][] = [
      ['ugel', 'Apoyo económico para realizar las pasantías (convenios GORE-DRE).'],
      ['ugel', 'Falta de iniciativa para la implementación a nivel regional.'],
      ['ugel', 'Capacitación sobre el app al personal correspondiente.'],
      ['dreGreGr', 'Institucionalizar la propuesta KUKA a nivel regional con presupuesto e insumos asignados.'],
      ['dreGreGr', 'Voluntad por parte de director de DRE a continuar con el proyecto.'],
      ['minedu', 'Marco normativo debe tener la contextualización por región, el enfoque territorial.'],
      ['localActors', 'Aplicar con otras U.E. de la región Loreto (otras provincias).'],
    ];
    for (const [level, text] of lines) await api(server.url, 'encuentro.contributions.create', { practiceId: seven, salaId: sala, block: 'limiting', level, text });

    const { page: wide } = await openPage(browser, 'about:blank');
    const layoutAt = async (viewport: { width: number; height: number }) => {
      await wide.setViewportSize(viewport);
      await wide.goto(`${server.url}/#/proyector/practica/${seven}/${sala}`);
      await wide.getByRole('heading', { level: 1, name: /UGEL Nauta/ }).waitFor();
      await eventually(async () => (await wide.locator('.projector-page li').count()) > 0).toBe(true);
      return (await wide.evaluate(READ_LANES)) as ShownLanes;
    };
    const shown = await layoutAt({ width: 1920, height: 1080 });
    await screenshot(wide, 'proyector-7-aportes-1920x1080');
    expect(shown.indicator).toBe(false);
    expect(shown.lanes.flat().filter((e) => e.tag === 'li')).toHaveLength(lines.length);
    expect(shown.lanes.filter((lane) => lane.length > 0)).toHaveLength(2);
    expect(shown.fontSize).toBeGreaterThan(Math.round(1080 / 26));
    expectNoHeadingEndsALane(shown);
    // 4:3 (narrower lanes): as before, paged if need be, never below the minimum, no page or lane ending with a heading.
    let narrow = await layoutAt({ width: 1440, height: 1080 });
    const seen = narrow.lanes.flat().filter((e) => e.tag === 'li').length;
    let total = seen;
    if (narrow.indicator) {
      const indicator = wide.getByTestId('projector-page');
      await wide.keyboard.press('p');
      await eventually(() => indicator.innerText()).toContain('en pausa');
      const pages = pageNumbers(await indicator.innerText()).total;
      for (let n = 1; n <= pages; n++) {
        if (n > 1) {
          await wide.keyboard.press('PageDown');
          await eventually(async () => pageNumbers(await indicator.innerText()).page).toBe(n);
          narrow = (await wide.evaluate(READ_LANES)) as ShownLanes;
          total += narrow.lanes.flat().filter((e) => e.tag === 'li').length;
        }
        expect(narrow.fontSize).toBeGreaterThanOrEqual(Math.round(1080 / 26));
        expectNoHeadingEndsALane(narrow);
      }
    } else {
      expect(narrow.fontSize).toBeGreaterThanOrEqual(Math.round(1080 / 26));
      expectNoHeadingEndsALane(narrow);
    }
    expect(total).toBe(lines.length);
    await wide.close();
  });

  it('no tiene fallas de accesibilidad, de ningún grado, ni errores en la página', () => {
    expect(a11y.join('\n')).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
