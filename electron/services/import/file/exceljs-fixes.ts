import { StringDecoder } from 'node:string_decoder';
import { Transform, type Readable } from 'node:stream';
import WorkbookReader from 'exceljs/lib/stream/xlsx/workbook-reader.js';

/**
 * exceljs 4.4's streaming reader, with two defects fixed, both found on this project:
 *
 * 1. It decodes every inflated chunk on its own (`TextDecoder.decode(chunk)` without
 *    `stream: true`), so a two-byte letter (á, ñ…) that straddles a chunk boundary turns into
 *    two U+FFFD. With Spanish text that hits roughly one cell per 16 KB of XML. We hand it
 *    strings decoded by a StringDecoder, which carries partial characters over.
 * 2. Inline strings (<is>, what Apache POI and many exporters write instead of shared strings)
 *    are read, but (a) for rich text (<is><r><t>a</t></r><r><t>b</t></r></is>) only the last
 *    run survives, and (b) the text is entity-decoded twice (saxes, then utils.xmlDecode), so a
 *    literal "&lt;" typed in a cell comes out as "<". We rewrite each <is> into one plain <t>
 *    whose text is escaped once more, so exceljs' two decodings give back the cell's text.
 *
 * The hooks are exceljs' internal per-part parsers (pinned version 4.4.0, which has been the
 * latest for years); tests/unit/import cover both defects so an upgrade that changes them fails loudly.
 */
interface ReaderInternals {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

const original = WorkbookReader.prototype as unknown as ReaderInternals;

export class FixedWorkbookReader extends WorkbookReader implements ReaderInternals {
  _parseRels(entry: Readable): Promise<void> {
    return original._parseRels.call(this, decodeStream(entry));
  }

  _parseWorkbook(entry: Readable): Promise<void> {
    return original._parseWorkbook.call(this, decodeStream(entry));
  }

  // Styles and shared strings are only read when cached; otherwise exceljs drains the entry
  // itself, and a second, unread pipe would stall it.
  _parseStyles(entry: Readable): Promise<void> {
    return original._parseStyles.call(this, this.caches('styles') ? decodeStream(entry) : entry);
  }

  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown> {
    return original._parseSharedStrings.call(this, this.caches('sharedStrings') ? decodeStream(entry) : entry);
  }

  private caches(part: 'styles' | 'sharedStrings'): boolean {
    return (this as unknown as { options: Record<string, string> }).options[part] === 'cache';
  }

  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown> {
    return original._parseWorksheet.call(this, joinInlineRuns(decodeChunks(iterator)), sheetNo);
  }
}

/** A ZIP entry stream re-emitted as correctly decoded strings (exceljs passes strings through). */
function decodeStream(entry: Readable): Readable {
  const decoder = new StringDecoder('utf8');
  const out = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      const text = decoder.write(chunk);
      done(null, text || undefined);
    },
    flush(done) {
      const rest = decoder.end();
      done(null, rest || undefined);
    },
  });
  entry.on('error', (error) => out.destroy(error));
  return entry.pipe(out);
}

export async function* decodeChunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Rewrites rich inline strings as plain ones; holds back an inline string split across chunks. */
export async function* joinInlineRuns(source: AsyncIterable<string>): AsyncGenerator<string> {
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
