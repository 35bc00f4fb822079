import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/services/import/file/csv-reader';
import { parseFile } from '../../../electron/services/import/file/parse-file';
import { ENTRY_LIMITS } from '../../../electron/services/import/options';
import { TokenStore } from '../../../electron/services/token-store';
import { utf8WithBom, windows1252 } from '../../fixtures-src/import/workbooks';

describe('decodificación de CSV', () => {
  const text = 'Región;Título\r\nÁncash;“Gestión” – año 2024\r\n';
  it('UTF-8 con BOM', () => expect(decodeText(utf8WithBom(text))).toBe(text));
  it('UTF-8 sin BOM', () => expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text));
  it('Windows-1252 cuando los bytes no son UTF-8 válido', () => expect(decodeText(windows1252(text))).toBe(text));
  it('UTF-16 con BOM («Texto Unicode» de Excel)', () =>
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text));
  const utf16be = (value: string) => Buffer.from(value, 'utf16le').swap16();
  it('UTF-16 big-endian con BOM', () => expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]))).toBe(text));
  it('UTF-16 sin BOM, en cualquier orden de bytes', () => {
    expect(decodeText(Buffer.from(text, 'utf16le'))).toBe(text);
    expect(decodeText(utf16be(text))).toBe(text);
  });
});

describe('separador de un CSV', () => {
  async function firstRows(text: string) {
    const outcome = await parseFile({ fileName: 'lista.csv', bytes: Buffer.from(text, 'utf8'), limits: ENTRY_LIMITS });
    if (!outcome.ok) throw new Error(outcome.key);
    return outcome.sheets[0]?.rows.map((row) => row.cells);
  }

  // Two-column files of a few rows, each delimiter Excel and LibreOffice write (Spanish Excel: ";").
  const cases: [string, string, string[][]][] = [
    ['punto y coma', 'Nombres y apellidos;DNI\r\nAna Quispe;01234567\r\n', [['Nombres y apellidos', 'DNI'], ['Ana Quispe', '01234567']]],
    ['punto y coma con filas vacías y comillas', 'Título;IGED\r\n\r\nPráctica;"DRE Puno, sede central"\r\n\r\n', [['Título', 'IGED'], ['Práctica', 'DRE Puno, sede central']]],
    ['coma', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['tabulación', 'a\tb c\r\nd\te f\r\n', [['a', 'b c'], ['d', 'e f']]],
  ];
  for (const [name, text, rows] of cases) {
    it(`${name}: dos columnas aunque el archivo tenga pocas filas`, async () => expect(await firstRows(text)).toEqual(rows));
  }
});

describe('fichas de importación en memoria', () => {
  it('caducan y guardan como máximo las indicadas', () => {
    let now = 0;
    const store = new TokenStore<string>(1000, 2, 'import.error.tokenExpired', () => now);
    const a = store.put('a');
    const b = store.put('b');
    const c = store.put('c');
    expect(store.size).toBe(2);
    expect(() => store.get(a)).toThrow(/caducó/);
    now = 900;
    expect(store.get(b)).toBe('b'); // still in use: its lifetime starts again
    now = 1500;
    expect(store.get(b)).toBe('b');
    expect(() => store.get(c)).toThrow(/caducó/);
  });
});
