import { AppError } from '../../../shared/errors';
import type { ParseLimits, Projection, RowSink } from './file/parse-types';
import { IMPORT_DEFAULTS } from './options';
import { FileParser, type ParsedFile } from './run-parse';

/**
 * The one way the app reads a spreadsheet somebody hands it — the entries and UGEL padrón
 * imports, the Encuentro attendance roster, the jurors' offline workbooks — so a hostile or
 * broken file meets the same guards everywhere:
 *  - here, on the main side: an empty file and one over the size cap are refused before a
 *    worker is started or a byte is copied to it;
 *  - in the worker (parse-worker.ts → file/parse-file.ts): the signature sniff (random bytes,
 *    password-protected and old .xls files), the ZIP checks (truncated archives, zip bombs,
 *    lying entry sizes: file/zip-check.ts), the row and column caps while reading;
 *  - around the worker (run-parse.ts): its heap limit and the timeout, after which it is killed.
 * Every refusal is an AppError with a Spanish `import.error.*` message naming the file; nothing
 * here touches the database, so a refused file leaves it as it was.
 */

/** What a caller reads, and within which caps. */
export interface UploadKind {
  limits: ParseLimits;
  timeoutMs: number;
  /** Refuse CSV (and anything else that is not a ZIP workbook), e.g. for files the app exported itself. */
  xlsxOnly?: boolean;
  /** Keep only these columns (see Projection); otherwise every non-empty row of every sheet. */
  projection?: Projection;
}

export interface Upload {
  fileName: string;
  dataBase64: string;
}

const MB = 1024 * 1024;

/**
 * Resolves with the file's rows or rejects with the AppError the user should see. A `watch`
 * sink sees each batch of rows as the worker reads them (the entries import validates while
 * the file is still being read).
 */
export async function readUpload(parser: FileParser, upload: Upload, kind: UploadKind, watch?: RowSink): Promise<ParsedFile> {
  const { fileName } = upload;
  const bytes = Buffer.from(upload.dataBase64, 'base64');
  if (bytes.length === 0) throw new AppError('import.error.empty', { file: fileName });
  const max = kind.limits.maxFileBytes;
  if (bytes.length > max) throw new AppError('import.error.tooLarge', { size: Math.round((bytes.length / MB) * 10) / 10, max: Math.round(max / MB) });
  return parser.parse(
    { fileName, bytes, limits: kind.limits, ...(kind.xlsxOnly ? { xlsxOnly: true } : {}), ...(kind.projection ? { projection: kind.projection } : {}) },
    kind.timeoutMs,
    watch,
  );
}

let shared: FileParser | null = null;

/**
 * The worker pool of the services that read a file now and then (attendance rosters, juror
 * workbooks): one for the process, so together they never parse more files at once than the
 * import's own pool allows. Created on first use; it keeps no worker alive while idle.
 */
export function sharedParser(): FileParser {
  shared ??= new FileParser({ heapMb: IMPORT_DEFAULTS.workerHeapMb, maxConcurrent: IMPORT_DEFAULTS.maxConcurrentParses, prewarm: false });
  return shared;
}
