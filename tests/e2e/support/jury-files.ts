import fs from 'node:fs';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

/** Every sheet's name and its cells' text, for checking an exported results workbook. */
export async function workbookText(file: string): Promise<{ sheets: string[]; text: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const parts: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      parts.push(values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))).join('\t'));
    });
  }
  return { sheets: workbook.worksheets.map((s) => s.name), text: parts.join('\n') };
}

/** The text of one entry of a zip file (a .docx is a zip): e.g. word/document.xml. */
export function zipEntryText(file: string, entryName: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(fs.readFileSync(file), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('zip ilegible'));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== entryName) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('sin flujo'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error(`${entryName} no está en ${file}`)));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
