import { parentPort, workerData } from 'node:worker_threads';
import { parseFile } from './file/parse-file';
import type { ParseOutcome, ParseRequest } from './file/parse-types';
import { READY } from './worker-messages';

/**
 * Worker-thread entry (bundled to out/main/parse-worker.js). Parsing a workbook can take
 * seconds, a lot of memory, or — for a hostile file — forever: here it cannot freeze or crash
 * the main process, which enforces a timeout and heap limits and terminates us after one file.
 * A pre-started ("spare") worker loads the xlsx reader while it waits for its file.
 */
if ((workerData as { preload?: boolean } | null)?.preload) {
  void import('./file/xlsx-reader').then(() => parentPort?.postMessage(READY));
}

parentPort?.once('message', (request: ParseRequest) => {
  void parseFile(request).then((outcome: ParseOutcome) => parentPort?.postMessage(outcome));
});
