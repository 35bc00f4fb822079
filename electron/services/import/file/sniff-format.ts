import { utf16Of } from './csv-reader';
import { ParseFailure } from './parse-types';

export type FileFormat = 'xlsx' | 'csv';

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY_ARCHIVE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** OLE2 / Compound File Binary: old .xls files and password-protected .xlsx files. */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Office stores an encrypted workbook as a CFB stream with this (UTF-16LE) name. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

const TEXT_EXTENSIONS = new Set(['csv', 'txt', 'tsv']);
const EXCEL_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xltx', 'xltm']);

/**
 * Decides how to read a file from its first bytes, not from its name: a renamed file
 * must not reach a parser that was not made for it. Throws the Spanish reason otherwise.
 */
export function sniffFormat(bytes: Buffer, fileName: string): FileFormat {
  const file = fileName;
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (bytes.length === 0) throw new ParseFailure('import.error.empty', { file });
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) return 'xlsx';
  if (startsWith(bytes, ZIP_EMPTY_ARCHIVE)) throw new ParseFailure('import.error.noWorkbook', { file });
  if (startsWith(bytes, CFB_SIGNATURE)) {
    if (bytes.includes(ENCRYPTED_PACKAGE)) throw new ParseFailure('import.error.encrypted', { file });
    throw new ParseFailure('import.error.legacyXls', { file });
  }
  if (EXCEL_EXTENSIONS.has(extension)) throw new ParseFailure('import.error.notXlsx', { file });
  if (TEXT_EXTENSIONS.has(extension)) {
    if (looksBinary(bytes)) throw new ParseFailure('import.error.notText', { file });
    return 'csv';
  }
  throw new ParseFailure('import.error.unsupportedFormat', { file });
}

function startsWith(bytes: Buffer, signature: Buffer): boolean {
  return bytes.length >= signature.length && bytes.subarray(0, signature.length).equals(signature);
}

/** NUL bytes never occur in UTF-8 or Windows-1252 text; UTF-16 text, full of them, is recognised apart. */
function looksBinary(bytes: Buffer): boolean {
  if (utf16Of(bytes)) return false;
  return bytes.subarray(0, 64 * 1024).includes(0);
}
