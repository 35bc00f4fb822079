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
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t', '|'],
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

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8; UTF-16 when it has a BOM;
 * otherwise Windows-1252, which is what "CSV (delimitado por comas)" produces on Spanish Windows.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

