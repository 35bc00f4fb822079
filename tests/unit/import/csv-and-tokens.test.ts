import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/services/import/file/csv-reader';
import { TokenStore } from '../../../electron/services/import/token-store';
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

describe('fichas de importación en memoria', () => {
  it('caducan y guardan como máximo las indicadas', () => {
    let now = 0;
    const store = new TokenStore<string>(1000, 2, () => now);
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
