import { parentPort, workerData } from 'node:worker_threads';
import { parseFile } from './file/parse-file';
import type { ParseRequest, RowSink } from './file/parse-types';
import { StringPacker } from './wire-strings';
import { READY, type WorkerMessage } from './worker-messages';

/**
 * Worker-thread entry (bundled to out/main/parse-worker.js). Parsing a workbook can take
 * seconds, a lot of memory, or — for a hostile file — forever: here it cannot freeze or crash
 * the main process, which enforces a timeout and heap limits and terminates us after one file.
 * A pre-started ("spare") worker loads the xlsx reader while it waits for its file.
 * Rows are posted in batches as they are read (see WorkerMessage), so the worker holds none of
 * them and the main side can work on the first ones while the rest are still being parsed.
 */
if ((workerData as { preload?: boolean } | null)?.preload) {
  void import('./file/xlsx-reader').then(() => parentPort?.postMessage(READY));
}

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

parentPort?.once('message', (request: ParseRequest) => {
  const packer = new StringPacker();
  const sink: RowSink = { sheet: (name) => post({ type: 'sheet', name }), rows: (rows) => post({ type: 'rows', ...packer.pack(rows) }) };
  void parseFile(request, sink).then((outcome) => post({ type: 'done', outcome }));
});
