import { ParseError } from '../errors.js';

/**
 * Reads a Python literal as printed by `repr()` (dict, list, tuple, str, int, float, True/False/None)
 * into plain JS values. Some HF archive files hold each paper as such a string. This is a small
 * recursive-descent reader, not an eval: anything else (names, calls, expressions) is a ParseError.
 */
export function parsePythonLiteral(source: string): unknown {
  const reader = new Reader(source);
  reader.skipSpace();
  const value = reader.value(0);
  reader.skipSpace();
  if (reader.pos < source.length) reader.fail('unexpected text after the value');
  return value;
}

const MAX_DEPTH = 200;

class Reader {
  pos = 0;
  constructor(private readonly s: string) {}

  fail(what: string): never {
    throw new ParseError(`bad Python literal at character ${this.pos}: ${what}`);
  }

  skipSpace(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail('nested too deeply');
    const c = this.s[this.pos];
    if (c === undefined) this.fail('unexpected end');
    if (c === '{') return this.dict(depth);
    if (c === '[') return this.sequence(']', depth);
    if (c === '(') return this.sequence(')', depth);
    if (c === "'" || c === '"') return this.string();
    // String prefixes: only plain and unicode literals keep their escapes as we read them.
    if ((c === 'u' || c === 'U') && (this.s[this.pos + 1] === "'" || this.s[this.pos + 1] === '"')) {
      this.pos++;
      return this.string();
    }
    if (c === '-' || c === '+' || (c >= '0' && c <= '9') || c === '.') return this.number();
    for (const [word, v] of KEYWORDS) {
      if (this.s.startsWith(word, this.pos) && !/[\w]/.test(this.s[this.pos + word.length] ?? '')) {
        this.pos += word.length;
        return v;
      }
    }
    this.fail(`unexpected ${JSON.stringify(c)}`);
  }

  dict(depth: number): Record<string, unknown> {
    this.pos++; // {
    const out: Record<string, unknown> = {};
    this.skipSpace();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      const key = this.value(depth + 1);
      if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean' && key !== null) {
        this.fail('dict key must be a string or number');
      }
      this.skipSpace();
      if (this.s[this.pos] !== ':') this.fail('expected ":" in dict');
      this.pos++;
      this.skipSpace();
      const v = this.value(depth + 1);
      // defineProperty: a key named "__proto__" must stay a plain key.
      Object.defineProperty(out, String(key), { value: v, enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      const sep = this.s[this.pos];
      if (sep === ',') {
        this.pos++;
        this.skipSpace();
        if (this.s[this.pos] === '}') {
          this.pos++;
          return out;
        }
      } else if (sep === '}') {
        this.pos++;
        return out;
      } else this.fail('expected "," or "}" in dict');
    }
  }

  sequence(close: string, depth: number): unknown[] {
    this.pos++;
    const out: unknown[] = [];
    for (;;) {
      this.skipSpace();
      if (this.s[this.pos] === close) {
        this.pos++;
        return out;
      }
      out.push(this.value(depth + 1));
      this.skipSpace();
      const sep = this.s[this.pos];
      if (sep === ',') this.pos++;
      else if (sep !== close) this.fail(`expected "," or "${close}"`);
    }
  }

  string(): string {
    const s = this.s;
    const quote = s[this.pos]!;
    const triple = s.startsWith(quote.repeat(3), this.pos);
    this.pos += triple ? 3 : 1;
    let out = '';
    let start = this.pos;
    for (;;) {
      if (this.pos >= s.length) this.fail('unterminated string');
      const c = s[this.pos]!;
      if (c === '\\') {
        out += s.slice(start, this.pos);
        out += this.escape();
        start = this.pos;
        continue;
      }
      if (c === quote && (!triple || s.startsWith(quote.repeat(3), this.pos))) {
        out += s.slice(start, this.pos);
        this.pos += triple ? 3 : 1;
        return out;
      }
      if (c === '\n' && !triple) this.fail('newline inside a string');
      this.pos++;
    }
  }

  /** Reads one backslash escape at pos and returns its text. */
  escape(): string {
    const s = this.s;
    const c = s[this.pos + 1];
    this.pos += 2;
    switch (c) {
      case undefined:
        return this.fail('unterminated string');
      case '\n':
        return '';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case 'a':
        return '\x07';
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        const m = /^[0-7]{1,3}/.exec(s.slice(this.pos - 1, this.pos + 2))!;
        this.pos += m[0].length - 1;
        return String.fromCodePoint(parseInt(m[0], 8));
      }
      case 'x':
        return this.hex(2);
      case 'u':
        return this.hex(4);
      case 'U':
        return this.hex(8);
      case '\\':
      case "'":
      case '"':
        return c;
      default:
        // Python keeps unknown escapes as written.
        return `\\${c}`;
    }
  }

  hex(digits: number): string {
    const h = this.s.slice(this.pos, this.pos + digits);
    if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(h)) this.fail('bad hex escape');
    const cp = parseInt(h, 16);
    if (cp > 0x10ffff) this.fail('code point out of range');
    this.pos += digits;
    return String.fromCodePoint(cp);
  }

  number(): number {
    const m = /^[+-]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.pos, this.pos + 64));
    if (!m) this.fail('bad number');
    this.pos += m[0].length;
    const n = Number(m[0].replace(/_/g, ''));
    if (!Number.isFinite(n)) this.fail('bad number');
    return n;
  }
}

const KEYWORDS: Array<[string, unknown]> = [
  ['True', true],
  ['False', false],
  ['None', null],
];
