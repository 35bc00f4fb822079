import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { ParseFailure, type ParseLimits } from './parse-types';

const MB = 1024 * 1024;
/** zlib's smallest chunk size. */
const MIN_CHUNK = 64;

/**
 * Proves a ZIP is whole and harmless before the reader touches it, with yauzl, which reads the
 * central directory (streaming unzippers walk local headers instead: on a truncated file they
 * may never settle, and they trust whatever a header says). Two passes:
 *  1. the directory alone: End Of Central Directory present, declared sizes under the caps,
 *     sane compression ratios, xl/workbook.xml present — refuses an honest zip bomb without
 *     inflating a byte;
 *  2. inflate every entry once, in one native call capped at its declared size
 *     (`maxOutputLength`), so an entry that inflates beyond what it declared (a lying zip bomb)
 *     fails as soon as it passes it, and a corrupt deflate stream fails here rather than in the
 *     reader. Inflating this way costs a few ms per MB, far below XML parsing.
 * The inflated entries that `keep` asks for are returned, so the reader does not inflate them a
 * second time (see xlsx-reader.ts); the others are dropped as soon as they are checked.
 */
export async function checkZip(bytes: Buffer, fileName: string, limits: ParseLimits, keep: (name: string) => boolean = () => false): Promise<Map<string, Buffer>> {
  const file = fileName;
  let zip: yauzl.ZipFile;
  try {
    // decodeStrings: false, so that a dangerous entry name reaches listEntries, which names the
    // problem, instead of failing the listing like a cut file would.
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: false });
  } catch {
    // "end of central directory record signature not found" and friends: the file is cut or corrupt.
    throw new ParseFailure('import.error.truncated', { file });
  }
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw new ParseFailure('import.error.tooManyEntries', { file, count: zip.entryCount });
    }
    const listed = await listEntries(zip, file);
    let declaredBytes = 0;
    for (const entry of listed) {
      if (entry.isEncrypted()) throw new ParseFailure('import.error.encrypted', { file });
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new ParseFailure('import.error.unreadable', { file });
      declaredBytes += entry.uncompressedSize;
      if (declaredBytes > limits.maxUncompressedBytes) {
        throw new ParseFailure('import.error.zipBomb', { file, max: Math.round(limits.maxUncompressedBytes / MB) });
      }
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > limits.ratioAppliesAboveBytes && ratio > limits.maxCompressionRatio) {
        throw new ParseFailure('import.error.suspiciousCompression', { file });
      }
    }
    if (!listed.some((entry) => entry.fileName === 'xl/workbook.xml')) throw new ParseFailure('import.error.noWorkbook', { file });
    const kept = new Map<string, Buffer>();
    for (const entry of listed) {
      const wanted = keep(entry.fileName);
      const content = await inflateChecked(zip, entry, file, limits, wanted);
      if (wanted && content) kept.set(entry.fileName, content);
    }
    return kept;
  } finally {
    zip.close();
  }
}

function listEntries(zip: yauzl.ZipFile, file: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const found: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      // What yauzl does itself when it decodes names (backslashes read as "/", as Windows tools write them).
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileName as unknown as Buffer, entry.extraFields, false);
      if (yauzl.validateFileName(name) !== null) {
        // "../x", "/etc/x", "C:x": no spreadsheet program writes these; an archive that does was made to escape a folder.
        reject(new ParseFailure('import.error.unsafeEntryName', { file, entry: name.length > 80 ? `${name.slice(0, 80)}…` : name }));
        return;
      }
      entry.fileName = name;
      found.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(found));
    zip.on('error', () => reject(new ParseFailure('import.error.truncated', { file })));
    zip.readEntry();
  });
}

/** The entry's content, checked; null for a stored entry nobody wants (nothing to check there). */
function inflateChecked(zip: yauzl.ZipFile, entry: yauzl.Entry, file: string, limits: ParseLimits, wanted: boolean): Promise<Buffer | null> {
  // A stored (uncompressed) entry cannot hold more than its bytes.
  const stored = entry.compressionMethod !== 8;
  if (stored && !wanted) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    // decompress: false hands over the raw deflate bytes, which are checked in one sync call.
    zip.openReadStream(entry, { decompress: false }, (error, stream) => {
      if (error) return reject(new ParseFailure('import.error.truncated', { file }));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', () => reject(new ParseFailure('import.error.truncated', { file })));
      stream.on('end', () => {
        try {
          const raw = Buffer.concat(chunks);
          // One output chunk of the declared size: zlib's default 16 KB chunks cost a copy of
          // everything into the final buffer (a third of the inflation time of a large sheet).
          const size = Math.max(MIN_CHUNK, entry.uncompressedSize);
          const content = stored ? raw : zlib.inflateRawSync(raw, { maxOutputLength: size, chunkSize: size });
          if (content.length !== entry.uncompressedSize) return reject(new ParseFailure('import.error.truncated', { file }));
          resolve(content);
        } catch (cause) {
          const tooBig = (cause as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
          reject(
            tooBig
              ? new ParseFailure('import.error.zipBomb', { file, max: Math.round(limits.maxUncompressedBytes / MB) })
              : new ParseFailure('import.error.truncated', { file }),
          );
        }
      });
    });
  });
}
