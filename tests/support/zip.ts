import fs from 'node:fs';
import yauzl from 'yauzl';

/**
 * The text of one entry of a ZIP file — a .docx or .xlsx is one — read with yauzl, e.g.
 * word/document.xml. `source` is the file's bytes or its path.
 */
export function zipEntryText(source: Buffer | string, entryName: string): Promise<string> {
  const where = typeof source === 'string' ? source : 'el archivo';
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(typeof source === 'string' ? fs.readFileSync(source) : source, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('zip ilegible'));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== entryName) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error(`${entryName} is not in ${where}`)));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
