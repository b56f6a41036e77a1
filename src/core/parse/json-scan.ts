import { ParseError } from '../errors.js';
import { shortJsonError } from './parse-json.js';

/**
 * A JSON value this large (in values: objects, arrays, strings, numbers…) is not read as a whole: a
 * real paper entry holds a few hundred, and JSON.parse spends ~50 bytes per value, so this bounds one
 * entry's cost at ~5 MB however the input is shaped.
 */
export const MAX_VALUES_PER_ENTRY = 100_000;

/** Where one JSON value lies in the text, and how many values it holds (itself included). */
export interface Span {
  start: number;
  end: number;
  values: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

export function truncatedJson(why: string): ParseError {
  return new ParseError(`truncated JSON: input ends before the value is complete (${why})`);
}

function invalidJson(text: string, at: number, why?: string): ParseError {
  const got = at < text.length ? JSON.stringify(text.slice(at, at + 10)) : 'end of input';
  return new ParseError(`invalid JSON (${why ?? `unexpected ${got} at position ${at}`})`);
}

/**
 * A scanner that finds where JSON values begin and end without building them: strings are skipped
 * with indexOf, and only brackets, commas and quotes are looked at. It checks the structure it walks
 * (the top-level list, the wrapper's members); JSON.parse checks each value it is then given. This is
 * what lets a 50 MB list be read one entry at a time at JSON.parse's own speed: the streaming JSON
 * libraries tokenise every character in JavaScript and were 100× slower than JSON.parse here.
 */
export class JsonScanner {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    const t = this.text;
    let i = this.pos;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      i++;
    }
    this.pos = i;
  }

  /** The char code at pos (NaN at the end). */
  peek(): number {
    return this.text.charCodeAt(this.pos);
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** Consumes `code` (after white space) or throws: truncated at the end, invalid elsewhere. */
  expect(code: number, what: string): void {
    this.skipSpace();
    if (this.atEnd()) throw truncatedJson(`expected ${what}`);
    if (this.peek() !== code) throw invalidJson(this.text, this.pos);
    this.pos++;
  }

  /** The end of the string whose opening quote is at `from` (the index after its closing quote). */
  private stringEnd(from: number): number {
    const t = this.text;
    let i = from;
    for (;;) {
      i = t.indexOf('"', i + 1);
      if (i === -1) throw truncatedJson('a string is not closed');
      let backslashes = 0;
      while (t.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return i + 1;
    }
  }

  /** Skips one value (after white space) and says where it was. Brackets are counted, not matched: JSON.parse checks them. */
  value(): Span {
    this.skipSpace();
    const t = this.text;
    const start = this.pos;
    if (start >= t.length) throw truncatedJson('a value is missing');
    const c = t.charCodeAt(start);
    if (c === QUOTE) {
      this.pos = this.stringEnd(start);
      return { start, end: this.pos, values: 1 };
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      let depth = 0;
      let values = 0;
      for (let i = start; i < t.length; i++) {
        const d = t.charCodeAt(i);
        if (d === QUOTE) {
          i = this.stringEnd(i) - 1;
          values++;
        } else if (d === OPEN_BRACE || d === OPEN_BRACKET) {
          depth++;
          values++;
        } else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
          if (--depth === 0) {
            this.pos = i + 1;
            return { start, end: this.pos, values };
          }
        } else if (d === COMMA || d === COLON) values++;
      }
      throw truncatedJson('an object or list is not closed');
    }
    if (c === COMMA || c === COLON || c === CLOSE_BRACE || c === CLOSE_BRACKET) throw invalidJson(t, start);
    // A number, true, false or null: up to the next delimiter.
    let i = start;
    while (i < t.length) {
      const d = t.charCodeAt(i);
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d === 32 || d === 10 || d === 13 || d === 9) break;
      i++;
    }
    this.pos = i;
    return { start, end: i, values: 1 };
  }

  /** JSON.parse of one span, its error made a ParseError that says which `where`. */
  parse(span: Span, where: string): unknown {
    try {
      return JSON.parse(this.text.slice(span.start, span.end));
    } catch (err) {
      throw invalidJson(this.text, span.start, `${where}: ${shortJsonError(err)}`);
    }
  }

  /**
   * Walks the list whose `[` is at pos, calling `each` with every element's span; leaves pos after the `]`.
   * The caller decides whether to parse an element (it may be too large to).
   */
  eachElement(each: (span: Span, index: number) => void): void {
    this.expect(OPEN_BRACKET, '[');
    this.skipSpace();
    if (this.peek() === CLOSE_BRACKET) {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      each(this.value(), index);
      this.skipSpace();
      if (this.atEnd()) throw truncatedJson(`the list is not closed after entry ${index + 1}`);
      const c = this.peek();
      this.pos++;
      if (c === CLOSE_BRACKET) return;
      if (c !== COMMA) throw invalidJson(this.text, this.pos - 1);
    }
  }

  /** Walks the object whose `{` is at pos, calling `each` with every member's key and value span. */
  eachMember(each: (key: string, span: Span) => void): void {
    this.expect(OPEN_BRACE, '{');
    this.skipSpace();
    if (this.peek() === CLOSE_BRACE) {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.atEnd()) throw truncatedJson('a key is missing');
      if (this.peek() !== QUOTE) throw invalidJson(this.text, this.pos);
      const key = this.parse(this.value(), 'a key') as string;
      this.expect(COLON, ':');
      each(key, this.value());
      this.skipSpace();
      if (this.atEnd()) throw truncatedJson('the object is not closed');
      const c = this.peek();
      this.pos++;
      if (c === CLOSE_BRACE) return;
      if (c !== COMMA) throw invalidJson(this.text, this.pos - 1);
    }
  }

  /** After the root value only white space may follow. */
  expectEnd(): void {
    this.skipSpace();
    if (!this.atEnd()) throw invalidJson(this.text, this.pos, `unexpected data after the JSON value at position ${this.pos}`);
  }
}
