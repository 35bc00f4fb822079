import { isoTextDate, serialDate } from './cell-value';
import { ENTRY_LIMITS } from '../options';
import { ParseFailure, type CellValue } from './parse-types';
import { isBlank, type SheetCollector } from './sheet-collector';
import { isWorkbookPart } from './workbook-parts';
import { parseSheetXml, partText, readDateStyles, readSharedStrings, readWorkbookInfo, TextCollector, type XmlHandlers } from './xlsx-parts';
import { checkZip } from './zip-check';

/**
 * Reads every sheet of an .xlsx into the collector, one row at a time, from the parts
 * checkZip inflated and kept (isWorkbookPart); without them the file is checked here first.
 *
 * This is our own SpreadsheetML reader over saxes rather than exceljs' streaming
 * WorkbookReader, which the app used before. Measured on the 10,000-row benchmark file
 * (`npm run bench -- --only import`), exceljs took ≈ 0.85 s to hand over rows, of which the
 * XML parsing itself is ≈ 0.25 s: the rest built a Row, Cell, style and value object per
 * cell that the import threw away. Reading the parts directly also removes two exceljs
 * defects the app had to patch around (tests/unit/import/xlsx-reader.test.ts):
 *  - it decoded each inflated chunk on its own, turning a letter such as "á" split across two
 *    chunks into two U+FFFD; here each part is decoded whole;
 *  - rich inline strings (<is><r><t>…) kept only their last run, and inline and formula text
 *    was entity-decoded twice ("&lt;" typed in a cell came out as "<").
 * And it reads what exceljs dropped: the result of a formula that gives an error (#DIV/0!
 * stays an error to flag instead of an empty cell), dates computed by a formula, t="d" dates.
 *
 * What a cell becomes (what the user sees in Excel): text as typed; numbers as numbers;
 * dates (a number in a date format, see readDateStyles) as yyyy-mm-dd[ HH:MM]; booleans;
 * Excel errors as { error: '#N/A' }; formulas as their cached result (we never evaluate);
 * hyperlinks as their text.
 */
export async function readXlsx(bytes: Buffer, collector: SheetCollector, parts?: Map<string, Buffer>): Promise<void> {
  const entries = parts ?? (await checkZip(bytes, 'libro.xlsx', ENTRY_LIMITS, isWorkbookPart));
  const workbook = readWorkbookInfo(entries);
  const context: SheetContext = {
    strings: readSharedStrings(entries),
    dateStyles: readDateStyles(entries),
    date1904: workbook.date1904,
    maxColumns: collector.maxColumns,
  };
  for (const sheet of workbook.sheets) {
    const xml = partText(entries.get(sheet.part));
    // Each part's bytes are let go once decoded, and only one sheet's decoded XML exists at a time.
    entries.delete(sheet.part);
    collector.startSheet(sheet.name);
    parseSheetXml(xml, new WorksheetHandlers(sheet.name, context, collector));
  }
}

interface SheetContext {
  strings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  maxColumns: number;
}

/** What is being read inside a <c>: its value (<v>) or an inline string (<is>). */
type Reading = 'nothing' | 'value' | 'inline';

/** The <sheetData> of one worksheet, row by row: <row r> → <c r t s> → <v> | <is>. */
class WorksheetHandlers implements XmlHandlers {
  private rowNumber = 0;
  private cells: CellValue[] = [];
  private column = -1;
  private type = '';
  private style = 0;
  private raw = '';
  private hasValue = false;
  private hasInline = false;
  private reading: Reading = 'nothing';
  private readonly inline = new TextCollector();

  constructor(
    private readonly sheet: string,
    private readonly context: SheetContext,
    private readonly collector: SheetCollector,
  ) {}

  open(name: string, attributes: Record<string, string>): void {
    switch (name) {
      case 'row':
        // r is optional: a row without it follows the previous one.
        this.rowNumber = positiveInteger(attributes.r) ?? this.rowNumber + 1;
        this.cells = [];
        this.column = -1;
        return;
      case 'c': {
        // r is optional too (and may be malformed): then the cell follows the previous one.
        const column = attributes.r ? columnIndex(attributes.r) : -1;
        this.column = column >= 0 ? column : this.column + 1;
        this.type = attributes.t ?? 'n';
        this.style = attributes.s ? Number.parseInt(attributes.s, 10) : 0;
        this.raw = '';
        this.hasValue = false;
        this.hasInline = false;
        return;
      }
      case 'v':
        this.reading = 'value';
        this.hasValue = true;
        return;
      case 'is':
        this.reading = 'inline';
        this.hasInline = true;
        this.inline.start();
        return;
      default:
        if (this.reading === 'inline') this.inline.open(name);
    }
  }

  text(text: string): void {
    if (this.reading === 'value') this.raw += text;
    else if (this.reading === 'inline') this.inline.add(text);
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 'is':
        this.reading = 'nothing';
        return;
      case 'c':
        this.store(this.value());
        return;
      case 'row':
        this.collector.addRow(this.rowNumber, this.cells);
        return;
      default:
        if (this.reading === 'inline') this.inline.close(name);
    }
  }

  private value(): CellValue {
    const raw = this.raw;
    if (this.hasInline) return this.inline.end();
    if (!this.hasValue) return null;
    switch (this.type) {
      case 's':
        return this.context.strings[Number.parseInt(raw, 10)] ?? null;
      case 'str':
      case 'inlineStr':
        return raw;
      case 'b':
        return Number(raw) !== 0;
      case 'e':
        return { error: raw.trim() };
      case 'd':
        return isoTextDate(raw.trim()) ?? raw;
      default: {
        if (raw.trim() === '') return null;
        const number = Number(raw);
        if (!Number.isFinite(number)) return null;
        return this.context.dateStyles[this.style] ? serialDate(number, this.context.date1904) : number;
      }
    }
  }

  /** Cells may come in any order and with gaps; the row is dense and 0-based. */
  private store(value: CellValue): void {
    const column = this.column;
    if (column >= this.context.maxColumns || column < 0) {
      // Never allocate up to a hostile r="XFD1": a filled cell beyond the cap refuses the file.
      if (!isBlank(value)) throw new ParseFailure('import.error.tooManyColumns', { sheet: this.sheet, max: this.context.maxColumns });
      return;
    }
    const cells = this.cells;
    while (cells.length < column) cells.push(null);
    cells[column] = value;
  }
}

function positiveInteger(text: string | undefined): number | undefined {
  const value = text ? Number.parseInt(text, 10) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** "C12" → 2 (0-based), -1 without letters; letters beyond XFD (16,384 columns) give a column past any cap. */
export function columnIndex(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i) | 0x20; // lower-case
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
    if (column > 16_384) return Number.MAX_SAFE_INTEGER;
  }
  return column - 1;
}
