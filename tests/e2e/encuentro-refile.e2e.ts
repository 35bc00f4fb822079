import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, a11yViolations } from './support/axe';
import { launchBrowser, openPage } from './support/browser';
import { api, captureItems, capturePractice, startRestartableServer, typeFirstLine, type RestartableServer } from './support/encuentro';
import { eventually } from './support/eventually';

interface Item {
  id: number;
  text: string;
  level: string;
  axis: string;
  sources: { contributionId: number; text: string }[];
}
interface Synthesis {
  cells: { level: string; axis: string; items: Item[] }[];
}

/**
 * Fixing without retyping, from the keyboard: a capture line filed under the wrong block moves
 * with Alt+M; an emptied line disappears (and comes back with «Deshacer»); in the synthesis, a
 * merge proposes the row and column most sources share, a merged item's sources are edited in
 * place, and «Añadir en …» puts the caret in the new item.
 */
describe('corregir sin volver a escribir (captura y síntesis, con el teclado)', () => {
  let server: RestartableServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  let practiceId = 0;
  let salaId = 0;
  let url = '';
  let encuentroId = 0;
  const call = <T>(method: string, input: unknown) => api<T>(server.url, method, input);
  const focusedLabel = () => page.evaluate('document.activeElement && document.activeElement.getAttribute("aria-label")');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startRestartableServer({ demo: true }), launchBrowser()]);
    ({ practiceId, salaId, url } = await capturePractice(server.url, 'Práctica de la prueba de correcciones'));
    encuentroId = Number(/encuentros\/(\d+)/.exec(url)![1]);
    ({ page, pageErrors } = await openPage(browser, url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('mueve un aporte a otro bloque y nivel con Alt+M, y quita la línea vaciada (deshacible)', async () => {
    await typeFirstLine(page, 'Una acción del MINEDU escrita en limitantes');
    await page.keyboard.type('Una línea que se vaciará');
    await page.keyboard.press('Enter');
    await eventually(async () => (await captureItems(page)).map((i) => i.state)).toEqual(['saved', 'saved']);

    await page.getByRole('textbox', { name: 'Aporte 1 — UGEL — Factores que limitan' }).focus();
    await page.keyboard.press('Alt+m');
    const dialog = page.getByRole('dialog', { name: /^Mover «Una acción del MINEDU/ });
    await dialog.waitFor();
    await dialog.getByLabel('Bloque y nivel').selectOption({ label: 'Acciones para la sostenibilidad — MINEDU' });
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await eventually(() => focusedLabel()).toBe('Aporte 1 — MINEDU — Acciones para la sostenibilidad');
    const matrix = await call<{ blocks: { block: string; cells: { level: string; contributions: { text: string }[] }[] }[] }>('encuentro.matrix', { practiceId, salaId });
    const cell = (block: string, level: string) => matrix.blocks.find((b) => b.block === block)!.cells.find((c) => c.level === level)!.contributions.map((c) => c.text);
    expect(cell('actions', 'minedu')).toEqual(['Una acción del MINEDU escrita en limitantes']);
    expect(cell('limiting', 'ugel')).toEqual(['Una línea que se vaciará']);

    // Emptied and left: the line goes; the undo bar brings it back with its words.
    const emptied = page.getByRole('textbox', { name: 'Aporte 1 — UGEL — Factores que limitan' });
    await emptied.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Alt+ArrowDown');
    await eventually(() => page.getByRole('button', { name: 'Deshacer' }).count()).toBe(1);
    await eventually(async () => (await captureItems(page)).map((i) => i.text)).toEqual(['Una acción del MINEDU escrita en limitantes']);
    await eventually(() => call<{ text: string }[]>('encuentro.contributions.list', { encuentroId, salaId }).then((l) => l.map((c) => c.text))).toEqual([
      'Una acción del MINEDU escrita en limitantes',
    ]);
    await page.getByRole('button', { name: 'Deshacer' }).click();
    await eventually(async () => (await captureItems(page)).map((i) => `${i.text}|${i.state}`)).toEqual([
      'Una línea que se vaciará|saved',
      'Una acción del MINEDU escrita en limitantes|saved',
    ]);
    expect(pageErrors).toEqual([]);
  });

  it('en la síntesis: la fusión propone la fila y columna de la mayoría, las fuentes se editan, y «Añadir en …» lleva al nuevo elemento', async () => {
    const line = async (block: string, level: string, text: string) =>
      (await call<{ id: number }>('encuentro.contributions.create', { practiceId, salaId, block, level, text })).id;
    const condicion = await line('conditions', 'minedu', 'Condición del MINEDU');
    await line('actions', 'ugel', 'Acción UGEL uno');
    await line('actions', 'ugel', 'Acción UGEL dos');
    const extra = await line('enabling', 'ugel', 'Favorable que faltaba');

    await page.goto(`${server.url}/#/encuentros/${encuentroId}/sintesis/${salaId}`);
    await page.getByRole('heading', { level: 2, name: 'Aportes de la sala' }).waitFor();
    for (const text of ['Condición del MINEDU', 'Acción UGEL uno', 'Acción UGEL dos']) {
      const box = page.getByRole('checkbox', { name: new RegExp(`^${text} `) });
      await box.focus();
      await page.keyboard.press('Space');
    }
    await page.getByRole('button', { name: 'Fusionar en un elemento (3)' }).click();
    const merge = page.getByRole('dialog', { name: 'Fusionar 3 aportes' });
    await merge.waitFor();
    await expect(merge.getByLabel('Nivel').inputValue()).resolves.toBe('ugel');
    await expect(merge.getByLabel('Columna').inputValue()).resolves.toBe('sustainability');
    await merge.getByLabel('Redacción del elemento').fill('Fusión de tres');
    await merge.getByRole('button', { name: 'Fusionar', exact: true }).click();
    await merge.waitFor({ state: 'detached' });

    // Sources edited from the keyboard: drop the condition, add the missing line.
    const edit = page.getByRole('button', { name: 'Editar las fuentes de «Fusión de tres»' });
    await edit.focus();
    await page.keyboard.press('Enter');
    const sources = page.getByRole('dialog', { name: 'Fuentes de «Fusión de tres»' });
    await sources.waitFor();
    for (const text of ['Condición del MINEDU', 'Favorable que faltaba']) {
      await sources.getByRole('checkbox', { name: new RegExp(`^${text} `) }).focus();
      await page.keyboard.press('Space');
    }
    await sources.getByRole('button', { name: 'Guardar las fuentes (3)' }).click();
    await sources.waitFor({ state: 'detached' });
    const item = async () => (await call<Synthesis>('encuentro.synthesis.get', { salaId })).cells.flatMap((c) => c.items).find((i) => i.text === 'Fusión de tres')!;
    await eventually(async () => (await item()).sources.map((s) => s.text)).toEqual(['Favorable que faltaba', 'Acción UGEL uno', 'Acción UGEL dos']);
    expect((await item()).sources.map((s) => s.contributionId)).not.toContain(condicion);
    expect((await item()).sources.map((s) => s.contributionId)).toContain(extra);
    expect(await item()).toMatchObject({ level: 'ugel', axis: 'sustainability' });

    // «Añadir en …»: the caret goes into the new item, so typing writes it (Space adds nothing more).
    const add = page.getByRole('button', { name: 'Añadir en MINEDU — Réplica' });
    await add.focus();
    await page.keyboard.press('Enter');
    await eventually(() => focusedLabel()).toMatch(/— MINEDU — Réplica$/);
    await page.keyboard.type('Escrito en el nuevo elemento');
    await eventually(async () =>
      (await call<Synthesis>('encuentro.synthesis.get', { salaId })).cells.find((c) => c.level === 'minedu' && c.axis === 'replication')!.items.map((i) => i.text),
    ).toEqual(['Escrito en el nuevo elemento']);
    const violations = await a11yViolations(page);
    expect(violations, describeViolations('síntesis con fuentes', violations)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('↑ pasa al aporte anterior desde la primera línea visual de un aporte largo, y Ctrl+Z deshace una edición entera', async () => {
    await page.goto(url);
    await page.getByRole('textbox', { name: 'Nuevo aporte — DRE/GRE y GR — Factores que favorecen' }).focus();
    await page.keyboard.type('Corto');
    await page.keyboard.press('Enter');
    const long = 'Un aporte largo que ocupa varias líneas en su recuadro: ' + 'los especialistas de la UGEL visitan las instituciones educativas rurales cada mes, '.repeat(8);
    await page.keyboard.type(long);
    const second = page.getByRole('textbox', { name: 'Aporte 2 — DRE/GRE y GR — Factores que favorecen' });
    const caretAt = (position: number) => second.evaluate((el, p) => (el as unknown as { setSelectionRange(a: number, b: number): void }).setSelectionRange(p, p), position);

    // On the last visual line, ↑ stays in the item (it moves up a line inside it: the item wraps).
    await caretAt(long.length - 3);
    await page.keyboard.press('ArrowUp');
    await expect(focusedLabel()).resolves.toBe('Aporte 2 — DRE/GRE y GR — Factores que favorecen');
    // On the first visual line but not at its very start: ↑ goes to the previous item.
    await caretAt(8);
    await page.keyboard.press('ArrowUp');
    await eventually(() => focusedLabel()).toBe('Aporte 1 — DRE/GRE y GR — Factores que favorecen');

    // A pause, then a correction: Ctrl+Z takes the whole correction back, not its last letter.
    await second.focus();
    await page.keyboard.press('Control+End');
    await page.waitForTimeout(1700);
    await page.keyboard.type(' y una corrección');
    await page.keyboard.press('Control+z');
    await eventually(() => second.inputValue()).toBe(long);
    await page.keyboard.press('Control+y');
    await eventually(() => second.inputValue()).toBe(`${long} y una corrección`);
    expect(pageErrors).toEqual([]);
  });
});
