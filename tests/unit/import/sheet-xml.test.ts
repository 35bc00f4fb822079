import { describe, expect, it } from 'vitest';
import { parseSheetXml, parseXml, plainRows, type XmlHandlers } from '../../../electron/services/import/file/xlsx-parts';

/** Every handler call, in order, as text; an error ends the record. */
function record(parse: (xml: string, handlers: XmlHandlers) => void, xml: string): string[] {
  const calls: string[] = [];
  const handlers: XmlHandlers = {
    open: (name, attributes) => calls.push(`<${name} ${JSON.stringify(Object.entries(attributes))}`),
    text: (text) => calls.push(`"${text}`),
    close: (name) => calls.push(`</${name}`),
  };
  try {
    parse(xml, handlers);
  } catch {
    calls.push('ERROR');
  }
  return calls;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>';
const TAIL = '</sheetData><pageMargins left="0.7"/></worksheet>';
const EXCEL_ROW = (r: number) => `<row r="${r}" spans="1:3" x14ac:dyDescent="0.25"><c r="A${r}" t="s"><v>${r}</v></c><c r="B${r}" s="1"><v>4390${r}.5</v></c><c r="C${r}" s="2"/></row>`;

const CASES: Record<string, string> = {
  excel: HEAD + EXCEL_ROW(1) + EXCEL_ROW(2) + '<row r="3" ht="20" customHeight="1"/>' + EXCEL_ROW(4) + TAIL,
  'filas bonitas': `${HEAD}\n  ${EXCEL_ROW(1)}\n  ${EXCEL_ROW(2)}\n\t${TAIL}`,
  'cr entre filas': `${HEAD}\r\n${EXCEL_ROW(1)}\r\n${EXCEL_ROW(2)}\r\n${TAIL}`,
  'fórmulas y cadenas en línea entre filas simples':
    HEAD + EXCEL_ROW(1) + '<row r="2"><c r="A2" t="str"><f>"&lt;"&amp;"b"</f><v>&lt;b</v></c></row>' + EXCEL_ROW(3) +
    '<row r="4"><c r="A4" t="inlineStr"><is><r><t xml:space="preserve">a </t></r><r><t>b</t></r></is></c></row>' + EXCEL_ROW(5) + TAIL,
  'celdas vacías y sin r': `${HEAD}<row><c><v>1</v></c><c></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c><c><v></v></c></row><row r="7" /><row r="8"><c r="B8" /></row>${TAIL}`,
  'comentario e instrucción entre filas': `${HEAD}${EXCEL_ROW(1)}<!-- nota --><?pi x?>${EXCEL_ROW(2)}<![CDATA[ texto ]]>${EXCEL_ROW(3)}${TAIL}`,
  'fila dentro de otra parte': `${HEAD}${EXCEL_ROW(1)}${TAIL.replace('<pageMargins', '<extLst><row r="9"><c r="A9"><v>9</v></c></row></extLst><pageMargins')}`,
  'sheetData en un comentario': `<worksheet><!-- <sheetData> -->${EXCEL_ROW(1)}<sheetData>${EXCEL_ROW(2)}</sheetData></worksheet>`,
  'sheetData con prefijo': `<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
  'sin sheetData': `<worksheet>${EXCEL_ROW(1)}</worksheet>`,
  'valores con > y espacios': `${HEAD}<row r="1"><c r="A1" t="str"><v> a > b </v></c></row>${TAIL}`,
  'atributos habituales en otro orden o con otros': `${HEAD}<row r="1"><c r="A1" t="s" s="2"><v>1</v></c><c s="2" r="B1"><v>2</v></c><c r="C1" s="1" t="n" cm="1"><v>3</v></c><c r="D1" t="s"><v>4</v></c><c r="E1" s=""/></row>${TAIL}`,
  'XML 1.1': `<?xml version="1.1"?><worksheet><sheetData><row r="1"><c r="A1" t="str"><v>a\u0085b\u2028c</v></c></row></sheetData></worksheet>`,
  'atributos con comillas simples o espacios raros': `${HEAD}<row r='1'><c r="A1"><v>1</v></c></row><row r="2" ><c r = "A2"><v>2</v></c></row><row r="3"\t\nspans="1:1"><c r="A3"\n/></row>${TAIL}`,
  // Refused by saxes; must be refused here too.
  'atributo repetido': `${HEAD}${EXCEL_ROW(1)}<row r="2"><c r="A2" r="B2"><v>1</v></c></row>${TAIL}`,
  'fila repetida r': `${HEAD}<row r="1" r="1"><c r="A1"><v>1</v></c></row>${TAIL}`,
  'carácter prohibido en un valor': `${HEAD}${EXCEL_ROW(1)}<row r="2"><c r="A2" t="str"><v>a\u0001b</v></c></row>${TAIL}`,
  'carácter prohibido en un atributo': `${HEAD}<row r="1" x="\u0002"><c r="A1"><v>1</v></c></row>${TAIL}`,
  ']]> en un valor': `${HEAD}<row r="1"><c r="A1" t="str"><v>a]]>b</v></c></row>${TAIL}`,
  'celda sin cerrar': `${HEAD}${EXCEL_ROW(1)}<row r="2"><c r="A2"><v>1</v></row>${TAIL}`,
  'sin cierre del documento': HEAD + EXCEL_ROW(1),
  'basura tras la raíz': `${HEAD}${EXCEL_ROW(1)}${TAIL}<otra/>`,
  'atributos sin espacio': `${HEAD}<row r="1"><c r="A1"t="s"><v>1</v></c></row>${TAIL}`,
  'entidad de un DTD': `<!DOCTYPE w [<!ENTITY b "bbbb">]><worksheet><sheetData>${EXCEL_ROW(1)}<row r="2"><c r="A2" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`,
};

const MALFORMED = new Set(['atributo repetido', 'fila repetida r', 'carácter prohibido en un valor', 'carácter prohibido en un atributo', ']]> en un valor', 'celda sin cerrar', 'sin cierre del documento', 'basura tras la raíz', 'atributos sin espacio', 'entidad de un DTD']);

describe('lectura de una hoja: filas simples sin saxes, todo lo demás con saxes', () => {
  for (const [name, xml] of Object.entries(CASES)) {
    it(`da las mismas llamadas que saxes: ${name}`, () => {
      const expected = record(parseXml, xml);
      const actual = record(parseSheetXml, xml);
      // A well-formed sheet is read to its end by both: were both to throw, the records
      // would still be equal and prove nothing.
      if (!MALFORMED.has(name)) {
        expect(expected).not.toContain('ERROR');
        expect(actual).not.toContain('ERROR');
        expect(actual.at(-1)).toMatch(/^<\/(\w+:)?worksheet$/);
      }
      expect(actual).toEqual(expected);
    });
  }

  it('las hojas mal formadas siguen rechazándose', () => {
    for (const name of MALFORMED) {
      expect(record(parseSheetXml, CASES[name] ?? '').at(-1), name).toBe('ERROR');
    }
  });

  it('lee sin saxes las filas como las escribe Excel', () => {
    const xml = CASES.excel ?? '';
    const start = xml.indexOf('<sheetData>') + '<sheetData>'.length;
    expect(plainRows(xml, start, { open: () => undefined })).toBe(xml.indexOf('</sheetData>'));
  });
});
