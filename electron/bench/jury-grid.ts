import { execute } from '../db/query';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServices } from '../services/registry';
import { startBuiltServe } from './built-serve';

/**
 * The scoring grid in Chromium with 1,000 entries × 12 criteria assigned to one juror:
 * - first render: navigation (hash change) → grid on screen, from the performance marks the
 *   grid sets (GridScreen: juryGrid:start / juryGrid:data / juryGrid:visible); the median of
 *   nine cold views, each in a fresh browser context (the first of them also meets a server
 *   that has not read the grid yet; every sample is printed), navigating SETTLE_MS after the
 *   app's first heading, and of nine more navigating at once (the hardest case); then cached views;
 * - one keystroke (Tab after typing a digit) → the next cell focused, measured in the page with
 *   performance.now(): keydown → focus of the next cell; also, without a target, keydown → the
 *   end of the keystroke's own work (React's re-render of the saving cell included) and → the
 *   next frame painted (see LISTEN_KEYS);
 * - the app's opening in each fresh context, without a target (see WATCH_OPENING).
 * Assumes `out/` is built (npm run bench builds first). Targets: ≤ 200 ms from navigation to
 * the grid on screen, p95 ≤ 16 ms from Tab to the next cell (one frame at 60 Hz).
 */
const ENTRIES = 1000;
const CRITERIA = 12;
const KEYSTROKES = 50;
const COLD_VIEWS = 9;
/**
 * How long after the app's first heading the juror navigates to the grid, in the main cold
 * views: a person looks at the screen and clicks, and the app's start (its first answers, the
 * chunks it preloads, V8's background compilation) goes on for a few hundred ms after that first
 * heading. The same number of cold views navigate at once instead, the hardest case, and both are printed.
 */
const SETTLE_MS = 1000;
const WARM_VIEWS = 4;
const TARGET_RENDER_MS = 200;
const TARGET_KEY_MS = 16;
const CHROMIUM = process.env.BPGE_CHROMIUM ?? '/usr/bin/chromium';
/** A folder: each cold view is also recorded as a Chromium trace there (grid-cold-N.json), to see where its time goes. */
const TRACE_DIR = process.env.BPGE_BENCH_TRACE;
/** Playwright's default trace categories, plus V8's compilation (lazy compiles show how much of a cold view is compiling JavaScript). */
const TRACE_CATEGORIES = [
  'devtools.timeline', 'v8.execute', 'v8', 'disabled-by-default-v8.compile', 'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame', 'toplevel', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler',
];
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// Page-side code as strings: the node tsconfig has no DOM types (as in tests/e2e/support/axe.ts).
/**
 * Navigates to the grid and resolves once the grid's 'visible' mark is set, from one script run
 * in the page: a PerformanceObserver waits for the mark, so the harness runs no code in the page
 * while the grid loads (Playwright's polling locators and predicates used to: a role query over
 * the page, and the first time in a context the compilation of Playwright's own injected script,
 * 30–60 ms of the page's main thread taken in the middle of the measured view).
 */
const OPEN_GRID = (hash: string) => `new Promise((resolve, reject) => {
  performance.clearMarks();
  performance.clearResourceTimings();
  const timeout = setTimeout(() => reject(new Error('la cuadrícula no apareció en 30 s')), 30000);
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('juryGrid:visible').length === 0) return;
    observer.disconnect();
    clearTimeout(timeout);
    resolve(true);
  });
  observer.observe({ type: 'mark' });
  window.navAt = performance.now();
  window.location.hash = ${JSON.stringify(hash)};
})`;

/**
 * Run before the app's own scripts: the time from the start of the page's navigation to the
 * first screen heading in the DOM (the app is open), stamped in the page rather than seen by
 * Playwright's polling, which waits up to half a second between looks.
 */
const WATCH_OPENING = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('main h1')) return;
    observer.disconnect();
    window.openedAt = performance.now();
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/** The view's figures, from navigation: total, drawing (data → visible), and the grid's read over HTTP. */
const READ_MARKS = `(() => {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  const read = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/scores.grid'));
  return {
    total: at('juryGrid:visible') - window.navAt,
    render: at('juryGrid:visible') - at('juryGrid:data'),
    service: read ? read.responseStart - read.requestStart : NaN,
    response: read ? read.responseEnd - window.navAt : NaN,
  };
})()`;

/** One view of the grid, in ms from navigation (service: the server's share of the read, over HTTP). */
interface View {
  total: number;
  render: number;
  service: number;
  response: number;
}

/**
 * Three times for each Tab, from its keydown (document, capture phase: before the app's handler):
 * - focus: the next cell's focusin (the issue's figure: the keystroke to the next focused cell);
 * - handled: the end of the keystroke's own work, seen from a keydown listener on the window in
 *   the bubbling phase, which runs after the app's handler (React listens at its root) and after
 *   the re-render React flushes in the microtasks that follow it;
 * - painted: the end of the next frame (a message posted from requestAnimationFrame is handled
 *   once that frame is painted), what the juror sees; it includes waiting for the frame.
 * Each keystroke keeps its own record, so a Tab pressed before the previous one's work is over is
 * still counted (one shared slot used to drop exactly the slow ones).
 */
const LISTEN_KEYS = `(() => {
  window.keyTimes = [];
  const open = [];
  let current = null;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const record = { t0: performance.now(), focus: NaN, handled: NaN };
    open.push(record);
    current = record;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        // A keystroke whose focus has not moved by now takes no later focus meant for another.
        const waiting = open.indexOf(record);
        if (waiting >= 0) open.splice(waiting, 1);
        window.keyTimes.push({ focus: record.focus - record.t0, handled: record.handled - record.t0, painted: performance.now() - record.t0 });
      };
      channel.port2.postMessage(null);
    });
  }, true);
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || !current) return;
    current.handled = performance.now();
    current = null;
  });
  document.addEventListener('focusin', () => {
    const record = open.shift();
    if (record) record.focus = performance.now();
  });
})()`;

export async function benchJuryGrid(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-bench-grid-'));
  const dbPath = path.join(dir, 'grid.db');
  let server: { url: string; child: ChildProcess } | null = null;
  let browser: Browser | null = null;
  try {
    console.log(`Cuadrícula de calificación: ${ENTRIES} postulaciones × ${CRITERIA} criterios para un jurado…`);
    const target = await seed(dbPath);
    server = await startBuiltServe(dbPath);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const gridHash = `#/calificar/${target.stageId}/${target.jurorId}/cuadricula`;
    const listHash = `#/calificar/${target.stageId}/${target.jurorId}`;
    const firstCell = `BP-0001, Criterio 1 (0 a 4)`;
    const openGrid = async (page: Page) => {
      await page.evaluate(OPEN_GRID(gridHash));
      const view = (await page.evaluate(READ_MARKS)) as View;
      // The grid on screen is the one expected: its first cell, named for the juror's screen reader.
      await page.getByRole('textbox', { name: firstCell }).waitFor();
      return view;
    };
    // Cold first views: each in a fresh browser context (no HTTP cache, no query cache), the app
    // opened on another screen first, as a juror arrives at the grid. One sample is too noisy
    // on a shared machine to judge against the target, so several are taken and all printed.
    const cold: View[] = [];
    const coldAtOnce: View[] = [];
    const opens: number[] = [];
    let page: Page | null = null;
    // Alternated, so that both sets meet the same moments of a shared machine.
    for (let i = 0; i < COLD_VIEWS * 2; i++) {
      const settled = i % 2 === 0;
      await page?.context().close();
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'es-PE' });
      await context.addInitScript(WATCH_OPENING);
      page = await context.newPage();
      await page.goto(`${server.url}/#/ediciones`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      opens.push((await page.evaluate('window.openedAt')) as number);
      if (settled) await page.waitForTimeout(SETTLE_MS);
      if (TRACE_DIR) await browser.startTracing(page, { path: path.join(TRACE_DIR, `grid-cold-${i}.json`), categories: TRACE_CATEGORIES });
      (settled ? cold : coldAtOnce).push(await openGrid(page));
      if (TRACE_DIR) await browser.stopTracing();
    }
    if (!page) throw new Error('sin página');
    // Later views of the same page: the grid's data is cached.
    const warm: View[] = [];
    for (let i = 0; i < WARM_VIEWS; i++) {
      await page.evaluate(`window.location.hash = ${JSON.stringify(listHash)};`);
      await page.getByRole('link', { name: 'Vista de cuadrícula' }).waitFor();
      warm.push(await openGrid(page));
    }

    // Keystrokes: a digit, then Tab to the next cell, measured inside the page.
    await page.evaluate(LISTEN_KEYS);
    await page.getByRole('textbox', { name: firstCell }).focus();
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.keyboard.type(String(i % 5));
      await page.keyboard.press('Tab');
      // waitForFunction gets a function, not a string: the app's CSP forbids eval, which a
      // string predicate needs once it has to be polled.
      // The next key only once this one's work is over (as a typist's next key, tens of ms later):
      // otherwise queued input runs first and its time would be counted against this keystroke.
      await page.waitForFunction((count) => (globalThis as unknown as { keyTimes: unknown[] }).keyTimes.length >= count, i + 1);
    }
    await page.waitForTimeout(300);
    const keys = ((await page.evaluate('window.keyTimes')) as KeyTimes[]).filter((k) => Number.isFinite(k.focus));
    const saved = await page.getByText('guardado', { exact: true }).count();
    print(cold, coldAtOnce, warm, keys, saved, opens);
  } finally {
    await browser?.close();
    if (server) await stop(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The structure through the services, the 1,000 entries and their assignments in one SQL transaction. */
async function seed(dbPath: string): Promise<{ stageId: number; jurorId: number }> {
  const services = await createServices({ dbPath, demo: 'never', log: () => undefined, backupIntervalMinutes: 24 * 60 });
  try {
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await services.call(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.result as T;
    };
    const edition = await call<{ id: number }>('editions.create', { year: 2024, name: 'Bench cuadrícula', lema: '' });
    const category = await call<{ id: number }>('categories.create', { editionId: edition.id, fields: { name: 'Eje único' } });
    for (let c = 0; c < CRITERIA; c++) {
      await call('criteria.create', { editionId: edition.id, fields: { name: `Criterio ${c + 1}`, weight: 1, scaleMin: 0, scaleMax: 4, scaleStep: 1 } });
    }
    const stage = await call<{ id: number }>('stages.create', { editionId: edition.id, fields: { name: 'Evaluación' } });
    const juror = await call<{ id: number }>('jurors.create', { editionId: edition.id, fields: { name: 'Jurado de prueba' } });
    const db = services.context.db();
    const now = new Date().toISOString();
    db.transaction(() => {
      for (let e = 0; e < ENTRIES; e++) {
        const title = `Práctica ${e + 1}`;
        const id = Number(execute(
          db,
          `INSERT INTO entry (edition_id, code, region, title, title_key, category_id, created_at, updated_at) VALUES (?, ?, 'Cusco', ?, ?, ?, ?, ?)`,
          edition.id, `BP-${String(e + 1).padStart(4, '0')}`, title, title.toLowerCase(), category.id, now, now,
        ).lastInsertRowid);
        execute(db, `INSERT INTO assignment (stage_id, juror_id, entry_id, source, created_at) VALUES (?, ?, ?, 'manual', ?)`, stage.id, juror.id, id, now);
        execute(db, `INSERT INTO score_sheet (stage_id, juror_id, entry_id, updated_at) VALUES (?, ?, ?, ?)`, stage.id, juror.id, id, now);
      }
    })();
    return { stageId: stage.id, jurorId: juror.id };
  } finally {
    services.close();
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

/** One Tab's times from its keydown, in ms (see LISTEN_KEYS). */
interface KeyTimes {
  focus: number;
  handled: number;
  painted: number;
}

function print(cold: View[], coldAtOnce: View[], warm: View[], keys: KeyTimes[], saved: number, opens: number[]): void {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const verdict = (v: number, target: number) => (v <= target ? 'CUMPLE' : 'NO CUMPLE');
  const warmTotal = quantile(warm.map((r) => r.total), 0.5);
  // Each figure gets its own verdict: the first view includes fetching all cells, later ones don't.
  const coldFigures = (views: View[], label: string) => {
    const total = quantile(views.map((r) => r.total), 0.5);
    console.log(
      `  ${label}, mediana de ${views.length} en frío: ${ms(total)} (medianas de sus partes: datos recibidos a los ${ms(quantile(views.map((r) => r.response), 0.5))}, de ello petición → respuesta del servidor ${ms(quantile(views.map((r) => r.service), 0.5))}; dibujo ${ms(quantile(views.map((r) => r.render), 0.5))}) (meta ≤ ${TARGET_RENDER_MS} ms) ${verdict(total, TARGET_RENDER_MS)}`,
    );
    console.log(`    cada vista, total / servidor / datos recibidos / dibujo: ${views.map((r) => `${r.total.toFixed(0)}/${r.service.toFixed(0)}/${r.response.toFixed(0)}/${r.render.toFixed(0)}`).join(', ')} ms`);
  };
  console.log(`  primera vista: navegación → cuadrícula visible, con la carga de ${ENTRIES * CRITERIA} celdas; cada vista en un contexto nuevo (sin caché), la primera con el servidor aún sin leer la cuadrícula`);
  coldFigures(cold, `con la aplicación ya abierta (se navega ${SETTLE_MS / 1000} s después de su primer título, como quien mira la pantalla y hace clic)`);
  coldFigures(coldAtOnce, 'navegando en cuanto aparece el primer título (el caso más exigente: la aplicación aún termina de arrancar)');
  // The app's own opening (navigation → the first screen's heading, stamped in the page): not a
  // target, printed so that a change that moves work from the grid to the app's start shows its cost.
  console.log(`  apertura de la aplicación en un contexto nuevo (navegación → título de la primera pantalla en la página), mediana de ${opens.length}: ${ms(quantile(opens, 0.5))}`);
  console.log(`  vistas siguientes (datos en caché), mediana de ${warm.length}: ${ms(warmTotal)} (meta ≤ ${TARGET_RENDER_MS} ms) ${verdict(warmTotal, TARGET_RENDER_MS)}`);
  const focus = keys.map((k) => k.focus);
  const handled = keys.map((k) => k.handled);
  const painted = keys.map((k) => k.painted);
  console.log(
    `  tecla Tab → celda siguiente enfocada (${keys.length} teclas): p50 ${ms(quantile(focus, 0.5))}, p95 ${ms(quantile(focus, 0.95))} (meta ≤ ${TARGET_KEY_MS} ms) ${verdict(quantile(focus, 0.95), TARGET_KEY_MS)}`,
  );
  // Not targets of the issue: what the keystroke costs in all, to see where a slow one goes.
  console.log(`    fin del trabajo de la tecla (manejador y re-render de React): p50 ${ms(quantile(handled, 0.5))}, p95 ${ms(quantile(handled, 0.95))}`);
  console.log(`    siguiente cuadro pintado (lo que ve el jurado, con la espera del cuadro): p50 ${ms(quantile(painted, 0.5))}, p95 ${ms(quantile(painted, 0.95))}`);
  console.log(`  celdas que ya dicen «guardado» al terminar: ${saved} de ${KEYSTROKES}`);
  console.log(`  (Chromium ${CHROMIUM}, node ${process.version}, ${os.cpus().length} núcleos, carga ${os.loadavg()[0]?.toFixed(1)})`);
}
