import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BROWSER_ARGS, CHROMIUM } from './browser';

/**
 * A Chromium that a test can kill as a crash does (SIGKILL, nothing flushed), with a profile
 * folder that outlives it so the next launch finds what the browser had made durable.
 * Playwright's own launchers do not expose the browser's process id, so the test starts
 * Chromium itself, in its own process group (the browser and its renderers die together), and
 * attaches over the DevTools protocol.
 */
export interface CrashableBrowser {
  browser: Browser;
  page: Page;
  pageErrors: string[];
  /** SIGKILL to the browser's process group; resolves once the browser process is gone. */
  crash(): Promise<void>;
  close(): Promise<void>;
}

const DEVTOOLS = /DevTools listening on (ws:\/\/\S+)/;

export async function launchCrashableBrowser(userDataDir: string, url: string): Promise<CrashableBrowser> {
  const child = spawn(
    CHROMIUM,
    [...BROWSER_ARGS, '--headless=new', `--user-data-dir=${userDataDir}`, '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', '--window-size=1366,768', '--lang=es-PE', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const wsEndpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start within 30 s:\n${output}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = DEVTOOLS.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (code ${code}):\n${output}`));
    });
  });
  const browser = await chromium.connectOverCDP(wsEndpoint);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  return {
    browser,
    page,
    pageErrors,
    crash: () => killGroup(child),
    close: async () => {
      await browser.close().catch(() => undefined);
      await killGroup(child);
    },
  };
}

function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
  return exited;
}
