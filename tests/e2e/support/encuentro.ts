import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { killServe, launchServe, relaunchServe, stopServe } from './serve-process';

/** Helpers for the Encuentro scenarios: a server that can be killed and restarted on the same database and port. */

const READY = /sirviendo en (http:\/\/\S+)/;

export interface RestartableServer {
  url: string;
  port: number;
  dbPath: string;
  dir: string;
  /** SIGKILL: no shutdown handler runs, as when the laptop loses power. */
  kill(): Promise<void>;
  /** Starts serve again on the same database and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function launch(dbPath: string, port: number, demo: boolean): Promise<{ child: ChildProcess; url: string }> {
  const { child, found } = await launchServe(['--db', dbPath, '--port', String(port), ...(demo ? ['--demo'] : [])], (output) => READY.exec(output)?.[1] ?? null);
  return { child, url: found };
}

export async function startRestartableServer(options: { demo?: boolean } = {}): Promise<RestartableServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpge-e2e-encuentro-'));
  const dbPath = path.join(dir, 'encuentro.db');
  let { child, url } = await launch(dbPath, 0, options.demo ?? false);
  const port = Number(new URL(url).port);
  const server: RestartableServer = {
    url,
    port,
    dbPath,
    dir,
    kill: () => killServe(child),
    restart: async () => {
      ({ child, url } = await relaunchServe(() => launch(dbPath, port, false)));
    },
    stop: async () => {
      await stopServe(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** Calls the contract from the test (same HTTP transport the page uses). */
export async function api<T>(baseUrl: string, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/api/call/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await response.json()) as { ok: boolean; result?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.result as T;
}


/** The visible text of word/document.xml: runs joined, paragraphs on their own lines. */
export function docxText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The save indicator of every item of the capture screen, with its text. */
export async function captureItems(page: Page): Promise<{ text: string; state: string }[]> {
  return page.$$eval('li.capture-item:not(.capture-ghost)', (items) =>
    items.map((li) => ({ text: (li.querySelector('textarea') as unknown as { value: string }).value, state: li.getAttribute('data-save-state') ?? '' })),
  );
}

/** Every contribution's text of one practice in one sala, by the service. */
export async function savedTexts(baseUrl: string, practiceId: number, salaId: number): Promise<string[]> {
  const matrix = await api<{ blocks: { cells: { contributions: { text: string }[] }[] }[] }>(baseUrl, 'encuentro.matrix', { practiceId, salaId });
  return matrix.blocks.flatMap((b) => b.cells.flatMap((c) => c.contributions.map((x) => x.text)));
}

/** A practice alone in a new sala of the demo Encuentro, and the address of its capture screen. */
export async function capturePractice(baseUrl: string, title: string): Promise<{ practiceId: number; salaId: number; url: string }> {
  const encuentroId = (await api<{ encuentroId: number }>(baseUrl, 'encuentro.ensureDemo', {})).encuentroId;
  const detail = await api<{ ejes: { id: number }[] }>(baseUrl, 'encuentro.get', { id: encuentroId });
  const ejeId = detail.ejes[0]!.id;
  const practiceId = (await api<{ id: number }>(baseUrl, 'encuentro.practices.create', { encuentroId, fields: { ejeId, title, igedName: 'UGEL Prueba', region: 'Cusco' } })).id;
  const salaId = (await api<{ id: number }>(baseUrl, 'encuentro.salas.create', { encuentroId, fields: { ejeId, name: `Sala: ${title}`, practiceIds: [practiceId] } })).id;
  return { practiceId, salaId, url: `${baseUrl}/#/encuentros/${encuentroId}/captura/${salaId}/${practiceId}` };
}

/** The keys of the capture journals the page's IndexedDB holds (evaluated as a string: no DOM types here). */
export function journalKeys(page: Page): Promise<string[]> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('bpge-captura', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('diario');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('diario', 'readonly').objectStore('diario').getAllKeys();
      request.onsuccess = () => { open.result.close(); resolve(request.result); };
      request.onerror = () => reject(request.error);
    };
  })`);
}

/** The capture screen opens with the focus on its first empty line: the moderator types a line there and presses Enter. */
export async function typeFirstLine(page: Page, text: string): Promise<void> {
  await page.locator('textarea:focus[aria-label="Nuevo aporte — UGEL — Factores que limitan"]').waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}
