import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors';
import { assertSafeXlsx } from './guards';
import { PARSE_LIMITS, type ParsedWorkbook, type ParseReply } from './parsed';

/** Name of the worker bundle next to the built main process (electron.vite.config.ts input). */
export const WORKER_BUNDLE = 'jury-parse-worker.js';

/**
 * Parses a juror workbook in a worker thread with a time limit. Built app: the bundled
 * jury-parse-worker.js. From sources (tests, tsx): the TypeScript worker through tsx's loader.
 */
export async function parseJurorWorkbook(data: Buffer): Promise<ParsedWorkbook> {
  await assertSafeXlsx(data);
  const worker = startWorker(data);
  const reply = await new Promise<ParseReply>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new AppError('jury.workbook.timeout'));
    }, PARSE_LIMITS.timeoutMs);
    worker.once('message', (message: ParseReply) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(new AppError('jury.workbook.parseFailed', { detail: error.message }));
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new AppError('jury.workbook.parseFailed', { detail: `exit ${code}` }));
    });
  });
  if (reply.ok) return reply.workbook;
  if (reply.code === 'tooManyRows') throw new AppError('jury.workbook.tooManyRows', { max: PARSE_LIMITS.maxRows });
  if (reply.code === 'encrypted') throw new AppError('jury.workbook.encrypted');
  throw new AppError('jury.workbook.notXlsx');
}

function startWorker(data: Buffer): Worker {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const options = { workerData: new Uint8Array(data), resourceLimits: { maxOldGenerationSizeMb: 512 } };
  for (const dir of [here, path.dirname(here)]) {
    const bundled = path.join(dir, WORKER_BUNDLE);
    if (fs.existsSync(bundled)) return new Worker(bundled, options);
  }
  const source = path.join(here, 'parse-worker.ts');
  if (!fs.existsSync(source)) throw new AppError('jury.workbook.parseFailed', { detail: WORKER_BUNDLE });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => m.tsImport(${JSON.stringify(pathToFileURL(source).href)}, ${JSON.stringify(pathToFileURL(source).href)}))`;
  return new Worker(code, { ...options, eval: true });
}
