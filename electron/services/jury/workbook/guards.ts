import yauzl from 'yauzl';
import { AppError } from '../../../../shared/errors';
import { PARSE_LIMITS } from './parsed';

/*
 * Hostile-file checks before a workbook reaches the parser. The entries import
 * (electron/services/import/) was still a placeholder when this was written; once it has its
 * own guards, these should be replaced by imports from there (same checks, same limits idea).
 */

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// Password-protected .xlsx files are OLE compound documents, not ZIPs.
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export async function assertSafeXlsx(data: Buffer): Promise<void> {
  if (data.length > PARSE_LIMITS.maxFileBytes) {
    throw new AppError('jury.workbook.tooLarge', { size: Math.round(data.length / 1024 / 102.4) / 10, max: PARSE_LIMITS.maxFileBytes / 1024 / 1024 });
  }
  if (data.subarray(0, 8).equals(OLE_SIGNATURE)) throw new AppError('jury.workbook.encrypted');
  if (data.length < 4 || !data.subarray(0, 4).equals(ZIP_SIGNATURE)) throw new AppError('jury.workbook.notXlsx');
  const total = await uncompressedSize(data).catch(() => {
    throw new AppError('jury.workbook.notXlsx');
  });
  if (total > PARSE_LIMITS.maxUncompressedBytes) throw new AppError('jury.workbook.zipBomb', { max: PARSE_LIMITS.maxUncompressedBytes / 1024 / 1024 });
}

/** Sum of the declared uncompressed sizes in the ZIP's central directory (read without inflating). */
function uncompressedSize(data: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('zip'));
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        zip.readEntry();
      });
      zip.on('end', () => resolve(total));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
