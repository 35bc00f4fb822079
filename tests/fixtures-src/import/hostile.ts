import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { handMadeXlsx, inlineRow, ref, SHEET_CLOSE, SHEET_OPEN } from './zip';

/**
 * Broken and hostile files, generated in a second or two each. None is committed: they are
 * either huge when inflated or trivially rebuilt.
 */

/** The first 60 % of a good workbook: no End Of Central Directory (an interrupted download). */
export function truncated(good: Buffer): Buffer {
  return good.subarray(0, Math.floor(good.length * 0.6));
}

/** Random bytes that do not start with any known signature. */
export function randomJunk(size = 64 * 1024): Buffer {
  const bytes = randomBytes(size);
  bytes[0] = 0x00;
  return bytes;
}

/** A stream of `total` bytes of one repeated chunk, produced lazily. */
function repeated(chunk: string, total: number): Readable {
  const piece = Buffer.from(chunk.repeat(Math.max(1, Math.floor(65536 / chunk.length))));
  let left = total;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const next = left >= piece.length ? piece : piece.subarray(0, left);
      left -= next.length;
      this.push(next);
    },
  });
}

/** ~1.4 MB on disk, 300 MB inflated, honestly declared in the central directory. */
export function zipBomb(inflatedBytes = 300 * 1024 * 1024): Promise<Buffer> {
  return handMadeXlsx(repeated('0', inflatedBytes), 'Hoja1', 1);
}

/**
 * A zip bomb that lies: its sheet declares 1 KB in the central directory but inflates to
 * `inflatedBytes`. Only inflating it reveals the lie.
 */
export async function lyingZipBomb(inflatedBytes = 40 * 1024 * 1024): Promise<Buffer> {
  const sheet = 'xl/worksheets/sheet1.xml';
  const bytes = await handMadeXlsx(repeated('<row r="1"/>', inflatedBytes), 'Hoja1', 1);
  // Central directory headers: signature 0x02014b50; uncompressed size at +24, name length at +28, name at +46.
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.toString('utf8', at + 46, at + 46 + nameLength) === sheet) bytes.writeUInt32LE(1024, at + 24);
  }
  return bytes;
}

/** A sheet with `rows` rows of one numeric cell, streamed straight into the zip (exceljs would take minutes). */
export function manyRows(rows = 1_000_000): Promise<Buffer> {
  let next = 1;
  const stream = new Readable({
    read() {
      if (next === 1) this.push(SHEET_OPEN + inlineRow(1, ['Título', 'IGED']));
      if (next > rows) return void this.push(null);
      const end = Math.min(rows, next + 5000);
      let xml = '';
      for (let r = Math.max(2, next); r <= end; r++) xml += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
      next = end + 1;
      this.push(next > rows ? xml + SHEET_CLOSE : xml);
    },
  });
  return handMadeXlsx(stream, 'Hoja1', 1);
}

/**
 * One shared string of `chars` characters, referred to by `cells` cells (a header row, then
 * `columns` cells per row): the file stays small — the text is stored once and compresses —
 * but every reference expands to the whole text. With the defaults, the 737 KB file that
 * exhausted the app's memory when uploaded twice.
 */
export function sharedStringBomb(chars = 1024 * 1024, cells = 3_000, columns = 30): Promise<Buffer> {
  // Varied text, so it compresses as real text does rather than to nothing.
  const text = Array.from({ length: Math.ceil(chars / 10) }, (_, i) => (i * 7919).toString(36).padStart(9, 'x') + ' ').join('').slice(0, chars);
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${cells}" uniqueCount="1"><si><t>${text}</t></si></sst>`;
  let xml = SHEET_OPEN + inlineRow(1, Array.from({ length: columns }, (_, i) => `Columna ${i + 1}`));
  for (let done = 0, row = 2; done < cells; row++) {
    const here = Math.min(columns, cells - done);
    xml += `<row r="${row}">${Array.from({ length: here }, (_, c) => `<c r="${ref(c, row)}" t="s"><v>0</v></c>`).join('')}</row>`;
    done += here;
  }
  return handMadeXlsx(xml + SHEET_CLOSE, 'Hoja1', undefined, [{ name: 'xl/sharedStrings.xml', data: sst }]);
}

/** One inline-string cell of `chars` characters (150 MB by default) in a file of a few hundred KB. */
export function hugeCell(chars = 150 * 1024 * 1024): Promise<Buffer> {
  const head = `${SHEET_OPEN}${inlineRow(1, ['Título', 'IGED'])}<row r="2"><c r="A2" t="inlineStr"><is><t>`;
  const tail = `</t></is></c></row>${SHEET_CLOSE}`;
  async function* parts() {
    yield head;
    for await (const chunk of repeated('a', chars)) yield chunk as Buffer;
    yield tail;
  }
  return handMadeXlsx(Readable.from(parts()), 'Hoja1', 1);
}

/**
 * A workbook with one more entry whose name leaves the archive's folder ("../evil.xml", or an
 * absolute "/xl/evi.xml"): yazl refuses to write such names, so a harmless name of the same
 * length is written and then overwritten in the local header and in the central directory.
 */
export async function unsafeEntryName(name = '../evil.xml'): Promise<Buffer> {
  const placeholder = 'xl/evil.xml';
  if (name.length !== placeholder.length) throw new Error('el nombre debe tener 11 caracteres');
  const bytes = await handMadeXlsx(SHEET_OPEN + inlineRow(1, ['Título', 'IGED']) + inlineRow(2, ['Práctica', 'DRE Puno']) + SHEET_CLOSE, 'Hoja1', undefined, [
    { name: placeholder, data: '<x/>' },
  ]);
  for (let at = bytes.indexOf(placeholder); at >= 0; at = bytes.indexOf(placeholder, at + 1)) bytes.write(name, at, 'latin1');
  return bytes;
}

/** One header row and one data row with `columns` filled cells. */
export function manyColumns(columns = 250): Promise<Buffer> {
  const values = Array.from({ length: columns }, (_, i) => `v${i}`);
  return handMadeXlsx(SHEET_OPEN + inlineRow(1, values.map((_, i) => `Columna ${i}`)) + inlineRow(2, values) + SHEET_CLOSE);
}

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/**
 * What Excel saves when a workbook is encrypted with a password: not a ZIP but an OLE2
 * Compound File with the streams "EncryptionInfo" and "EncryptedPackage". No tool here can
 * produce one offline, so we build a minimal, structurally valid CFB (v3, 512-byte sectors:
 * header, one FAT sector, one directory sector) with those two (empty) streams.
 * `streams` lets the same builder produce an old-style .xls ("Workbook").
 */
export function compoundFile(streams: string[] = ['EncryptionInfo', 'EncryptedPackage']): Buffer {
  const sector = 512;
  const file = Buffer.alloc(sector * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x003e, 24); // minor version
  file.writeUInt16LE(0x0003, 26); // major version 3
  file.writeUInt16LE(0xfffe, 28); // little-endian
  file.writeUInt16LE(9, 30); // 2^9 = 512-byte sectors
  file.writeUInt16LE(6, 32); // 64-byte mini sectors
  file.writeUInt32LE(1, 44); // one FAT sector
  file.writeUInt32LE(1, 48); // directory starts at sector 1
  file.writeUInt32LE(0x1000, 56); // mini stream cutoff
  file.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  file.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  file.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) file.writeUInt32LE(FREESECT, 76 + i * 4);

  const fat = sector; // sector 0
  for (let i = 0; i < sector / 4; i++) file.writeUInt32LE(FREESECT, fat + i * 4);
  file.writeUInt32LE(FATSECT, fat);
  file.writeUInt32LE(ENDOFCHAIN, fat + 4);

  const directory = sector * 2; // sector 1
  const entry = (index: number, name: string, type: number, right: number, child: number) => {
    const at = directory + index * 128;
    file.write(name, at, 'utf16le');
    file.writeUInt16LE((name.length + 1) * 2, at + 64);
    file.writeUInt8(type, at + 66);
    file.writeUInt8(1, at + 67); // black
    file.writeUInt32LE(NOSTREAM, at + 68); // left sibling
    file.writeUInt32LE(right, at + 72);
    file.writeUInt32LE(child, at + 76);
    file.writeUInt32LE(ENDOFCHAIN, at + 116); // empty stream
  };
  entry(0, 'Root Entry', 5, NOSTREAM, streams.length > 0 ? 1 : NOSTREAM);
  streams.forEach((name, i) => entry(i + 1, name, 2, i + 1 < streams.length ? i + 2 : NOSTREAM, NOSTREAM));
  for (let i = streams.length + 1; i < 4; i++) {
    const at = directory + i * 128;
    file.writeUInt32LE(NOSTREAM, at + 68);
    file.writeUInt32LE(NOSTREAM, at + 72);
    file.writeUInt32LE(NOSTREAM, at + 76);
  }
  return file;
}
