import { Readable } from 'node:stream';
import yazl from 'yazl';

export interface ZipPart {
  name: string;
  /** Text or bytes; a stream for parts too big to hold in memory. */
  data: string | Buffer | Readable;
  /** zlib level; 1 deflates hundreds of MB of filler in a fraction of a second. */
  level?: number;
}

/** Zips parts with yazl (deflate), in the given order. */
export function zip(parts: ZipPart[]): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const part of parts) {
    const options = part.level === undefined ? {} : { compressionLevel: part.level };
    if (part.data instanceof Readable) file.addReadStream(part.data, part.name, options);
    else file.addBuffer(typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data, part.name, options);
  }
  file.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    file.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    file.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    file.outputStream.on('error', reject);
  });
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`;

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>`;

function workbookXml(sheetName: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets>
</workbook>`;
}

export const SHEET_OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
export const SHEET_CLOSE = `</sheetData></worksheet>`;

/** A minimal one-sheet .xlsx around hand-written sheet XML (no styles; `extra` parts such as shared strings). */
export function handMadeXlsx(sheetXml: string | Readable, sheetName = 'Hoja1', level?: number, extra: ZipPart[] = []): Promise<Buffer> {
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: workbookXml(sheetName) },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    ...extra,
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, ...(level === undefined ? {} : { level }) },
  ]);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A cell reference such as "C12" from 0-based column and 1-based row. */
export function ref(column: number, row: number): string {
  let n = column + 1;
  let name = '';
  while (n > 0) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    n = Math.floor((n - 1) / 26);
  }
  return `${name}${row}`;
}

/** <row> of inline-string cells (t="inlineStr"), what Apache POI and many exporters write. */
export function inlineRow(row: number, values: string[]): string {
  const cells = values.map((value, column) => `<c r="${ref(column, row)}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`);
  return `<row r="${row}">${cells.join('')}</row>`;
}
