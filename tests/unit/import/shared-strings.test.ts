import { describe, expect, it } from 'vitest';
import { plainSharedStrings, readSharedStrings, SAXES_ITEMS_AT_MOST } from '../../../electron/services/import/file/xlsx-parts';

const SST = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">';
const read = (xml: string) => readSharedStrings(new Map([['xl/sharedStrings.xml', Buffer.from(xml, 'utf8')]]));

describe('cadenas compartidas (lectura directa de los elementos <si><t> simples)', () => {
  it('da lo mismo que saxes con elementos simples, enriquecidos, fonéticos, entidades, saltos CR y espacios entre elementos', () => {
    const xml =
      `${SST}<si><t>Áncash</t></si><si><t xml:space="preserve"> con espacios </t></si><si><t></t></si>\n  ` +
      `<si><r><t xml:space="preserve">Nombre </t></r><r><rPr><b/></rPr><t>completo</t></r><rPh sb="0" eb="1"><t>ナマエ</t></rPh></si>` +
      `<si><t>A &amp; B &lt;c&gt; &#233;</t></si><si><t>línea\r\notra\rfin</t></si><si><t><![CDATA[a < b]]></t></si><si><t>3 > 2 😀</t></si><si><t>fin</t></si></sst>`;
    const expected = ['Áncash', ' con espacios ', '', 'Nombre completo', 'A & B <c> é', 'línea\notra\nfin', 'a < b', '3 > 2 😀', 'fin'];
    expect(plainSharedStrings(xml)).toEqual(expected);
    expect(read(xml)).toEqual(expected);
  });

  it('deja a saxes lo que no puede asegurar: otra raíz, prefijos, elementos dentro de un comentario', () => {
    for (const [xml, expected] of [
      ['<foo><si><t>a</t></si></foo>', ['a']],
      ['<x:sst xmlns:x="urn:x"><x:si><x:t>a</x:t></x:si></x:sst>', ['a']],
      ['<sst><!-- <si><t>oculto</t></si> --></sst>', []],
      ['<sst><si><t>a</t></si><!-- <si><t>b</t></si> --><si><t>c</t></si></sst>', ['a', 'c']],
      ['<sst><si><t>a</t></si><wrap><si><t>b</t></si></wrap></sst>', ['a', 'b']],
      // Cut at its first "</si>", this item is not one complete element.
      ['<sst><si><t><![CDATA[</si>]]></t></si></sst>', ['</si>']],
    ] as const) {
      expect(plainSharedStrings(xml), xml).toBeNull();
      expect(read(xml), xml).toEqual(expected);
    }
  });

  it('rechaza como saxes un XML mal formado, aunque sus elementos sean simples', () => {
    for (const xml of [
      '<sst/><si><t>a</t></si>',
      '<sst><si><t>a</t></si></sst><otro/>',
      '<sst><si><t>a</t></si>',
      `<sst><si><t>control \u0001</t></si></sst>`,
      '<sst><si><t>a ]]> b</t></si></sst>',
      '<!DOCTYPE sst [<!ENTITY b "bbbb">]><sst><si><t>&b;</t></si></sst>',
      '<sst><si><t>a</t></si><si><t>b</si></sst>',
    ]) {
      expect(plainSharedStrings(xml), xml).toBeNull();
      expect(() => read(xml), xml).toThrow();
    }
    // Decoded UTF-8 never holds a lone surrogate, but the text check does not count on that.
    expect(plainSharedStrings('<sst><si><t>\uD800</t></si></sst>')).toBeNull();
  });

  it('con muchos elementos enriquecidos deja la parte entera a saxes (un analizador por elemento costaría más), con el mismo resultado', () => {
    const rich = (i: number) => `<si><r><rPr><b/></rPr><t>Negrita ${i}</t></r><r><t xml:space="preserve"> y normal</t></r></si>`;
    const items = (count: number) => Array.from({ length: count }, (_, i) => (i % 2 ? rich(i) : `<si><t>Texto ${i}</t></si>`)).join('');
    const few = `${SST}${items(SAXES_ITEMS_AT_MOST * 2)}</sst>`;
    const many = `${SST}${items(SAXES_ITEMS_AT_MOST * 2 + 2)}</sst>`;
    expect(plainSharedStrings(few)).toHaveLength(SAXES_ITEMS_AT_MOST * 2);
    expect(plainSharedStrings(many)).toBeNull();
    const expected = Array.from({ length: SAXES_ITEMS_AT_MOST * 2 + 2 }, (_, i) => (i % 2 ? `Negrita ${i} y normal` : `Texto ${i}`));
    expect(read(many)).toEqual(expected);
  });
});
