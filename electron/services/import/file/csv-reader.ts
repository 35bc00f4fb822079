import Papa from 'papaparse';
import type { SheetCollector } from './sheet-collector';
import { decodeWindows1252 } from './windows-1252';

/**
 * CSV with papaparse, which handles quoting and guesses the delimiter: Excel writes ","
 * or, on Spanish-language Windows, ";" (the comma is the decimal separator there); TAB for
 * "Texto Unicode". Each record is a row, numbered as Excel would number it.
 */
export function readCsv(bytes: Buffer, sheetName: string, collector: SheetCollector): void {
  const text = decodeText(bytes);
  collector.startSheet(sheetName);
  let row = 0;
  let failure: unknown = null;
  // The delimiter is guessed apart, over the first rows that are not empty: papaparse's guess
  // wants more than 1.99 fields per row on average and counts the empty row after the last line
  // break, so a two-column file ("Nombres;DNI") of a few rows was read as one column.
  const { delimiter } = Papa.parse<string[]>(text, { delimitersToGuess: DELIMITERS, skipEmptyLines: 'greedy', preview: GUESS_ROWS }).meta;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      row += 1;
      try {
        collector.addRow(row, result.data);
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
}

const DELIMITERS = [',', ';', '\t', '|'];
const GUESS_ROWS = 20;

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8; UTF-16 in either byte order, with
 * or without BOM (see utf16Of); otherwise Windows-1252, which is what "CSV (delimitado por
 * comas)" produces on Spanish Windows.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const utf16 = utf16Of(bytes);
  if (utf16) return new TextDecoder(utf16.encoding).decode(bytes.subarray(utf16.bom ? 2 : 0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}


/** Code units looked at to recognise UTF-16 without a BOM. */
const UTF16_SAMPLE_BYTES = 4096;

/**
 * Whether the bytes are UTF-16 text, and in which byte order. With a BOM (Excel's «Texto
 * Unicode» writes FF FE) that says it. Without one — some exporters and LibreOffice's
 * «Unicode (UTF-16)» options — the zero bytes tell: text in Spanish is nearly all code units below
 * U+0100, whose high byte is zero, so zeros fill one byte of most pairs (the first in big-endian,
 * the second in little-endian) and next to none of the other. Random or binary data has its
 * rare zeros on both sides, and UTF-8 or Windows-1252 text has none.
 */
export function utf16Of(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SAMPLE_BYTES) / 2);
  if (pairs === 0) return null;
  let first = 0;
  let second = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) first += 1;
    if (bytes[i + 1] === 0) second += 1;
  }
  const plenty = pairs * 0.3;
  const few = Math.max(1, pairs * 0.02);
  if (first >= plenty && second <= few) return { encoding: 'utf-16be', bom: false };
  if (second >= plenty && first <= few) return { encoding: 'utf-16le', bom: false };
  return null;
}
