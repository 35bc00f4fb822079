import { Readable } from 'node:stream';
import WorkbookReader from 'exceljs/lib/stream/xlsx/workbook-reader.js';
import { RELS, SHARED_STRINGS, STYLES, WORKBOOK, WORKSHEET } from './workbook-parts';

/**
 * exceljs 4.4's streaming reader, fed from ZIP entries already inflated (and checked) by
 * zip-check.ts instead of its own unzipper, with two defects fixed, both found on this project:
 *
 * 1. It decodes every inflated chunk on its own (`TextDecoder.decode(chunk)` without
 *    `stream: true`), so a two-byte letter (á, ñ…) that straddles a chunk boundary turns into
 *    two U+FFFD. With Spanish text that hits roughly one cell per 16 KB of XML. Here each part
 *    is decoded whole, and handed over as string pieces that never split a character.
 * 2. Inline strings (<is>, what Apache POI and many exporters write instead of shared strings)
 *    are read, but (a) for rich text (<is><r><t>a</t></r><r><t>b</t></r></is>) only the last
 *    run survives, and (b) the text is entity-decoded twice (saxes, then utils.xmlDecode), so a
 *    literal "&lt;" typed in a cell comes out as "<". We rewrite each <is> into one plain <t>
 *    whose text is escaped once more, so exceljs' two decodings give back the cell's text.
 *
 * Reading from memory also spares a second inflation of every part, and the temporary file
 * exceljs writes for a worksheet stored before the shared strings (as exceljs itself writes them).
 *
 * The hooks are exceljs' internal per-part parsers (pinned version 4.4.0, which has been the
 * latest for years); tests/unit/import cover both defects so an upgrade that changes them fails loudly.
 */
interface ReaderInternals {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<unknown>;
}

const internals = WorkbookReader.prototype as unknown as ReaderInternals;

export class PartsWorkbookReader extends WorkbookReader {
  /** `parts`: inflated entries by name, in archive order; each is released once read. */
  constructor(
    private readonly parts: Map<string, Buffer>,
    options: ConstructorParameters<typeof WorkbookReader>[1],
  ) {
    super(Readable.from([]), options);
  }

  // exceljs' own parse() walks the archive; this one takes the parts in the order that needs no
  // spooling (relations, workbook, styles, shared strings), then the worksheets in the order
  // exceljs would emit them.
  override async *parse(): AsyncGenerator<{ eventType: string; value: unknown }> {
    const names = [...this.parts.keys()];
    const text = (name: string) => this.take(name);
    if (this.parts.has(RELS)) await internals._parseRels.call(this, stringStream(text(RELS)));
    if (this.parts.has(WORKBOOK)) await internals._parseWorkbook.call(this, stringStream(text(WORKBOOK)));
    if (this.parts.has(STYLES)) await internals._parseStyles.call(this, stringStream(text(STYLES)));
    if (this.parts.has(SHARED_STRINGS)) yield* internals._parseSharedStrings.call(this, stringStream(text(SHARED_STRINGS))) as AsyncGenerator<never>;
    for (const name of worksheetOrder(names, this.cachesSharedStrings())) {
      const sheetNo = WORKSHEET.exec(name)?.[1] ?? '';
      yield* internals._parseWorksheet.call(this, joinInlineRuns(pieces(text(name))), sheetNo) as Generator<never>;
    }
  }

  private take(name: string): string {
    const content = this.parts.get(name) ?? Buffer.alloc(0);
    this.parts.delete(name);
    return content.toString('utf8');
  }

  private cachesSharedStrings(): boolean {
    return (this as unknown as { options: Record<string, string> }).options.sharedStrings === 'cache';
  }
}

/**
 * exceljs parses a worksheet as it meets it only once it has the shared strings and the
 * workbook relations; one met earlier goes to a temporary file and is parsed at the end.
 * The sheets keep that order here, so reading from memory changes nothing the user sees.
 */
export function worksheetOrder(names: readonly string[], cachesSharedStrings: boolean): string[] {
  const met: string[] = [];
  const spooled: string[] = [];
  let rels = false;
  let sharedStrings = false;
  for (const name of names) {
    if (name === RELS) rels = true;
    else if (name === SHARED_STRINGS) sharedStrings = cachesSharedStrings;
    else if (WORKSHEET.test(name)) (rels && sharedStrings ? met : spooled).push(name);
  }
  return [...met, ...spooled];
}

const PIECE = 64 * 1024;

/**
 * A decoded part in pieces of about 64 KB: exceljs collects the XML events of a whole piece
 * before handing them on, so one piece per part would build millions of events at once.
 * A piece never ends between the two halves of a surrogate pair.
 */
export function* pieces(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + PIECE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield text.slice(start, end);
    start = end;
  }
}

function stringStream(text: string): Readable {
  return Readable.from(pieces(text));
}

/** Rewrites rich inline strings as plain ones; holds back an inline string split across chunks. */
export async function* joinInlineRuns(source: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of source) {
    // Most sheets have no inline strings: pass such chunks through untouched.
    if (pending === '' && !chunk.includes('<is>') && !/<(i(s)?)?$/.test(chunk)) {
      yield chunk;
      continue;
    }
    pending += chunk;
    const cut = safeCut(pending);
    if (cut > 0) {
      yield rewriteInlineStrings(pending.slice(0, cut));
      pending = pending.slice(cut);
    }
  }
  if (pending) yield rewriteInlineStrings(pending);
}

function safeCut(text: string): number {
  const open = text.lastIndexOf('<is>');
  if (open > text.lastIndexOf('</is>')) return open;
  // A tag cut in half at the end ("…<i" / "…</i") waits for the next chunk.
  const lastTag = text.lastIndexOf('<');
  return lastTag > text.lastIndexOf('>') ? lastTag : text.length;
}

const INLINE = /<is>([\s\S]*?)<\/is>/g;
const PHONETIC = /<rPh\b[\s\S]*?<\/rPh>|<phoneticPr\b[^>]*\/>/g;
const TEXT_RUN = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

export function rewriteInlineStrings(xml: string): string {
  if (!xml.includes('<is>')) return xml;
  return xml.replace(INLINE, (whole: string, inner: string) => {
    if (!inner.includes('&') && !/<r[\s>]/.test(inner)) return whole;
    const runs = [...inner.replace(PHONETIC, '').matchAll(TEXT_RUN)].map((m) => decodeEntities(m[1] ?? ''));
    const text = runs.join('').replace(/&/g, '&amp;');
    return `<is><t xml:space="preserve">${escapeXml(text)}</t></is>`;
  });
}

function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return NAMED[name] ?? whole;
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
