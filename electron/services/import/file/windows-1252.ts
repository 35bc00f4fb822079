/**
 * Windows-1252 decoding. Node 20's `new TextDecoder('windows-1252')` decodes as ISO-8859-1
 * (measured here: 0x93 → U+0093, not “), losing exactly the characters Excel's Spanish CSVs
 * use — “ ” ‘ ’ – — € … — so bytes 0x80–0x9F are mapped by this table; the rest of
 * Windows-1252 equals Latin-1. Bytes the code page leaves undefined keep their Latin-1 value.
 */
const HIGH_CONTROL_RANGE =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (char) => HIGH_CONTROL_RANGE[char.charCodeAt(0) - 0x80] ?? char);
}
