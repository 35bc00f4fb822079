import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { ParsedSheet, ParseOutcome, ParseRequest, RowSink } from './file/parse-types';
import { StringUnpacker } from './wire-strings';
import { READY, type WorkerMessage } from './worker-messages';

export interface ParserOptions {
  heapMb: number;
  maxConcurrent: number;
  /** Keep one idle worker with the parsers loaded, so an import does not wait for it to start. */
  prewarm: boolean;
}

export type ParsedFile = Extract<ParseOutcome, { ok: true }>;

/**
 * Parses files in worker threads, so a slow or hostile file can neither block nor crash the
 * main process: V8 heap limits on the worker, a timeout enforced from here with terminate(),
 * and one file per worker (a worker that saw a hostile file is never reused).
 */
export class FileParser {
  private static readonly live = new Set<FileParser>();
  private running = 0;
  private spare: Worker | null = null;
  private spareReady: Promise<void> = Promise.resolve();
  private refill: NodeJS.Timeout | null = null;

  constructor(private readonly options: ParserOptions) {
    if (options.prewarm) {
      FileParser.live.add(this);
      this.refillSpare();
    }
  }

  /** Resolves once every prewarming parser's spare has its parsers loaded (for the benchmark). */
  static async allWarm(): Promise<void> {
    await Promise.all([...FileParser.live].map((parser) => parser.spareReady));
  }

  /**
   * Resolves with the parsed file or rejects with the AppError the user should see. `watch`
   * sees each sheet and batch of rows as it arrives, while the rest of the file is still being
   * read (the parsed file has them all anyway); what it did must be thrown away if the parse
   * fails. Should it throw, the parse is stopped and rejects with its error.
   */
  async parse(request: ParseRequest, timeoutMs: number, watch?: RowSink): Promise<ParsedFile> {
    if (this.running >= this.options.maxConcurrent) throw new AppError('import.error.busy');
    this.running += 1;
    try {
      const outcome = await this.run(request, timeoutMs, watch);
      if (!outcome.ok) throw new AppError(outcome.key, outcome.params);
      return outcome;
    } finally {
      this.running -= 1;
      if (this.options.prewarm) this.refillLater();
    }
  }

  /**
   * The next spare is for the next file, which is seconds away at best: starting it at once
   * (a worker and its reader take CPU and memory to start) would compete with the preview and commit
   * the user is waiting for right now.
   */
  private refillLater(): void {
    if (this.refill) clearTimeout(this.refill);
    this.refill = setTimeout(() => {
      this.refill = null;
      this.refillSpare();
    }, SPARE_REFILL_DELAY_MS);
    this.refill.unref();
  }

  private run(request: ParseRequest, timeoutMs: number, watch: RowSink | undefined): Promise<ParseOutcome> {
    const file = request.fileName;
    const worker = this.spare ?? this.startWorker(false);
    this.spare = null;
    worker.ref();
    // The worker gets its own copy of the bytes, transferred (not cloned) to it.
    const bytes = new Uint8Array(request.bytes);
    return new Promise<ParseOutcome>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        fn();
      };
      const timer = setTimeout(
        () => finish(() => reject(new AppError('import.error.timeout', { file, seconds: Math.max(1, Math.round(timeoutMs / 1000)) }))),
        timeoutMs,
      );
      // The worker keeps no rows: they arrive here in batches, before its final outcome.
      const sheets: ParsedSheet[] = [];
      const strings = new StringUnpacker();
      worker.on('message', (message: WorkerMessage) => {
        if (message === READY || settled) return;
        try {
          if (message.type === 'sheet') {
            sheets.push({ name: message.name, rows: [] });
            watch?.sheet(message.name);
          } else if (message.type === 'rows') {
            const batch = strings.unpack(message);
            const rows = sheets[sheets.length - 1]?.rows;
            for (const row of batch) rows?.push(row);
            watch?.rows(batch);
          } else {
            const { outcome } = message;
            finish(() => resolve(outcome.ok ? { ...outcome, sheets: [...sheets, ...outcome.sheets] } : outcome));
          }
        } catch (error) {
          finish(() => reject(error instanceof Error ? error : new Error(String(error))));
        }
      });
      worker.once('error', (error: Error & { code?: string }) =>
        finish(() =>
          reject(new AppError(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'import.error.outOfMemory' : 'import.error.unreadable', { file })),
        ),
      );
      worker.once('exit', () => finish(() => reject(new AppError('import.error.unreadable', { file }))));
      worker.postMessage({ ...request, bytes }, [bytes.buffer]);
    });
  }

  private refillSpare(): void {
    if (this.spare) return;
    const spare = this.startWorker(true);
    // An idle spare must not keep the process alive, and one that dies is simply replaced later.
    spare.unref();
    spare.once('error', () => undefined);
    spare.once('exit', () => {
      if (this.spare === spare) this.spare = null;
    });
    // `once`: a lasting 'message' listener would keep the idle worker (and the process) alive.
    this.spareReady = new Promise((resolve) => {
      spare.once('message', () => resolve());
      spare.once('exit', () => resolve());
    });
    this.spare = spare;
  }

  private startWorker(preload: boolean): Worker {
    const options = {
      workerData: { preload },
      // The worker keeps no rows (they are posted as read), so almost nothing outlives a young
      // generation: a small one costs no time and keeps the process's peak memory down.
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    };
    const here = import.meta.url;
    if (here.endsWith('.ts')) {
      const entry = new URL('./parse-worker.ts', here).href;
      const code = `import(${JSON.stringify(tsxEsmApi(here))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
      return new Worker(code, { ...options, eval: true });
    }
    const candidates = [`./${WORKER_FILE}`, `../${WORKER_FILE}`].map((relative) => new URL(relative, here));
    return new Worker(candidates.find((url) => fs.existsSync(url)) ?? WORKER_FILE, options);
  }
}

const WORKER_FILE = 'parse-worker.js';
const SPARE_REFILL_DELAY_MS = 5_000;

/*
 * Where the worker's code is. Bundled (out/main): its own entry beside main.js, while this code
 * may sit in out/main/chunks/, so both places are tried. From TypeScript sources (vitest) the
 * worker is started on the .ts file through tsx's ESM register API: on Node 20 `--import tsx`
 * in a worker's execArgv does not reach the worker's entry module. The API's file is located
 * through tsx's own exports map, since a bare specifier in an eval'd worker resolves from the cwd.
 */
function tsxEsmApi(from: string): string {
  const require = createRequire(from);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  const relative = exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs';
  return pathToFileURL(path.join(path.dirname(manifest), relative)).href;
}
