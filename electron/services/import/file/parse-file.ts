import { checkZip } from './zip-check';
import { readCsv } from './csv-reader';
import { ParseFailure, type ParseOutcome, type ParseRequest, type RowSink } from './parse-types';
import { SheetCollector } from './sheet-collector';
import { sniffFormat } from './sniff-format';
import { isWorkbookPart } from './workbook-parts';

const MB = 1024 * 1024;

/**
 * The whole parse of an uploaded file, as run inside the worker: caps, signature, ZIP checks,
 * then the reader. Never throws: a file problem comes back as a catalog key for the user.
 * With a sink, rows go there as they are read and the outcome's sheets are empty (see SheetCollector).
 */
export async function parseFile(request: ParseRequest, sink?: RowSink): Promise<ParseOutcome> {
  const file = request.fileName;
  const { limits } = request;
  try {
    const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
    if (bytes.length > limits.maxFileBytes) {
      throw new ParseFailure('import.error.tooLarge', { size: round1(bytes.length / MB), max: Math.round(limits.maxFileBytes / MB) });
    }
    const format = sniffFormat(bytes, file);
    if (request.xlsxOnly && format !== 'xlsx') throw new ParseFailure('import.error.notXlsx', { file });
    const collector = new SheetCollector(limits, request.projection, sink, file);
    if (format === 'xlsx') {
      const parts = await checkZip(bytes, file, limits, isWorkbookPart);
      // Loaded only now: a file refused by the checks above never loads the XML parser.
      const { readXlsx } = await import('./xlsx-reader');
      await readXlsx(bytes, collector, parts);
    } else {
      readCsv(bytes, sheetNameOf(file), collector);
    }
    collector.flush();
    if (collector.rowCount === 0) throw new ParseFailure('import.error.noRows', { file });
    return { ok: true, ...collector.result() };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, key: error.key, params: error.params };
    // Malformed XML, a broken ZIP stream…: the parser's own message is English and technical.
    return { ok: false, key: 'import.error.unreadable', params: { file } };
  }
}

function sheetNameOf(fileName: string): string {
  return fileName.replace(/\.[^.]*$/, '') || fileName;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
