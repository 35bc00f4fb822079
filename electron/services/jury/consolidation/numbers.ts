/**
 * Reads SQLite's group_concat of numbers ("12,4,3.5,…") one number at a time. A single string
 * crosses from SQLite to JS far faster than one row per number, and reading it in place puts
 * each number where it belongs without an intermediate array (JSON.parse would build one).
 * Plain integers are accumulated digit by digit (exact below 2^53); any other token (3.5, -1,
 * 1.0e+20) goes through Number, which reads it exactly as JSON.parse does. NULL (no rows) is
 * an empty list. A token ends at ',', ':' or ';' (nested lists: "entry:score,score;entry:…"),
 * and `separator` tells which ended the last one read.
 */
export class NumberReader {
  private pos = 0;
  private readonly text: string;
  /** The character code that ended the last token read; NaN at the end of the text. */
  separator = NaN;

  constructor(text: string | null) {
    this.text = text ?? '';
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** Steps over the next character when it is `code` (a marker before a token). */
  skip(code: number): boolean {
    if (this.text.charCodeAt(this.pos) !== code) return false;
    this.pos += 1;
    return true;
  }

  next(): number {
    const { text } = this;
    const start = this.pos;
    let end = start;
    let value = 0;
    let plain = true;
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end);
      if (c === COMMA || c === COLON || c === SEMICOLON) break;
      if (c >= ZERO && c <= NINE) value = value * 10 + (c - ZERO);
      else plain = false;
    }
    this.separator = text.charCodeAt(end);
    this.pos = end + 1;
    return plain && end > start ? value : Number(text.slice(start, end));
  }
}

export const COMMA = 44;
const COLON = 58;
const SEMICOLON = 59;
const ZERO = 48;
const NINE = 57;
