import { MAX_UPLOAD_BYTES } from '../../../shared/contract/upload';
import type { ParseLimits } from './file/parse-types';

/** Knobs of the import pipeline; the defaults suit the desktop app, tests shorten the timeouts. */
export interface ImportOptions {
  /** Entries workbooks: a 20,000-row file parses in about 2 s here. */
  entriesTimeoutMs?: number;
  /** The ESCALE padrón (~150,000 school rows) takes much longer. */
  ugelsTimeoutMs?: number;
  /** V8 old-generation cap of the parser worker. */
  workerHeapMb?: number;
  maxConcurrentParses?: number;
  /**
   * Keep one idle parser worker started, with the xlsx reader loaded, so an import does not
   * wait for a worker to start (measured: the first import's inspect 0.4–0.9 s faster). Off by
   * default, so that tests do not start one per service instance; the desktop app, `serve` and
   * the benchmark turn it on.
   */
  prewarmWorker?: boolean;
  /** How long an inspected file waits for its preview/commit, and how many may wait at once. */
  tokenTtlMs?: number;
  maxTokens?: number;
}

export const IMPORT_DEFAULTS: Required<ImportOptions> = {
  entriesTimeoutMs: 15_000,
  ugelsTimeoutMs: 120_000,
  workerHeapMb: 512,
  maxConcurrentParses: 2,
  prewarmWorker: false,
  tokenTtlMs: 30 * 60_000,
  maxTokens: 6,
};

const MB = 1024 * 1024;

const COMMON_LIMITS = {
  maxFileBytes: MAX_UPLOAD_BYTES,
  maxUncompressedBytes: 200 * MB,
  // Deflate tops out near 1030:1; real sheets stay well under 200:1, zeros reach 1000:1.
  maxCompressionRatio: 500,
  ratioAppliesAboveBytes: 5 * MB,
  maxZipEntries: 2_000,
  maxColumns: 200,
  maxCellChars: 32_767,
  // A 20,000-row list with a 1,000-character summary per row stays well under it; one 1 MB text
  // referred to by 3,000 cells (a 737 KB file) would be 3,000 million.
  maxTextChars: 50_000_000,
};

/** Rows counted over the whole file, header area included (a few rows above the data). */
export const ENTRY_LIMITS: ParseLimits = { ...COMMON_LIMITS, maxRows: 20_000 + 10 };
export const UGEL_LIMITS: ParseLimits = { ...COMMON_LIMITS, maxRows: 400_000 + 10 };
