import { ParseError } from "../errors.js";
function parsePythonLiteral(source) {
  const reader = new Reader(source);
  reader.skipSpace();
  const value = reader.value(0);
  reader.skipSpace();
  if (reader.pos < source.length) reader.fail("unexpected text after the value");
  return value;
}
const MAX_DEPTH = 200;
class Reader {
  constructor(s) {
    this.s = s;
  }
  s;
  pos = 0;
  fail(what) {
    throw new ParseError(`bad Python literal at character ${this.pos}: ${what}`);
  }
  skipSpace() {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }
  value(depth) {
    if (depth > MAX_DEPTH) this.fail("nested too deeply");
    const c = this.s[this.pos];
    if (c === void 0) this.fail("unexpected end");
    if (c === "{") return this.dict(depth);
    if (c === "[") return this.sequence("]", depth);
    if (c === "(") return this.sequence(")", depth);
    if (c === "'" || c === '"') return this.string();
    if ((c === "u" || c === "U") && (this.s[this.pos + 1] === "'" || this.s[this.pos + 1] === '"')) {
      this.pos++;
      return this.string();
    }
    if (c === "-" || c === "+" || c >= "0" && c <= "9" || c === ".") return this.number();
    for (const [word, v] of KEYWORDS) {
      if (this.s.startsWith(word, this.pos) && !/[\w]/.test(this.s[this.pos + word.length] ?? "")) {
        this.pos += word.length;
        return v;
      }
    }
    this.fail(`unexpected ${JSON.stringify(c)}`);
  }
  dict(depth) {
    this.pos++;
    const out = {};
    this.skipSpace();
    if (this.s[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (; ; ) {
      this.skipSpace();
      const key = this.value(depth + 1);
      if (typeof key !== "string" && typeof key !== "number" && typeof key !== "boolean" && key !== null) {
        this.fail("dict key must be a string or number");
      }
      this.skipSpace();
      if (this.s[this.pos] !== ":") this.fail('expected ":" in dict');
      this.pos++;
      this.skipSpace();
      const v = this.value(depth + 1);
      Object.defineProperty(out, String(key), { value: v, enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      const sep = this.s[this.pos];
      if (sep === ",") {
        this.pos++;
        this.skipSpace();
        if (this.s[this.pos] === "}") {
          this.pos++;
          return out;
        }
      } else if (sep === "}") {
        this.pos++;
        return out;
      } else this.fail('expected "," or "}" in dict');
    }
  }
  sequence(close, depth) {
    this.pos++;
    const out = [];
    for (; ; ) {
      this.skipSpace();
      if (this.s[this.pos] === close) {
        this.pos++;
        return out;
      }
      out.push(this.value(depth + 1));
      this.skipSpace();
      const sep = this.s[this.pos];
      if (sep === ",") this.pos++;
      else if (sep !== close) this.fail(`expected "," or "${close}"`);
    }
  }
  string() {
    const s = this.s;
    const quote = s[this.pos];
    const triple = s.startsWith(quote.repeat(3), this.pos);
    this.pos += triple ? 3 : 1;
    let out = "";
    let start = this.pos;
    for (; ; ) {
      if (this.pos >= s.length) this.fail("unterminated string");
      const c = s[this.pos];
      if (c === "\\") {
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
      if (c === "\n" && !triple) this.fail("newline inside a string");
      this.pos++;
    }
  }
  /** Reads one backslash escape at pos and returns its text. */
  escape() {
    const s = this.s;
    const c = s[this.pos + 1];
    this.pos += 2;
    switch (c) {
      case void 0:
        return this.fail("unterminated string");
      case "\n":
        return "";
      case "n":
        return "\n";
      case "t":
        return "	";
      case "r":
        return "\r";
      case "b":
        return "\b";
      case "f":
        return "\f";
      case "v":
        return "\v";
      case "a":
        return "\x07";
      case "0":
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7": {
        const m = /^[0-7]{1,3}/.exec(s.slice(this.pos - 1, this.pos + 2));
        this.pos += m[0].length - 1;
        return String.fromCodePoint(parseInt(m[0], 8));
      }
      case "x":
        return this.hex(2);
      case "u":
        return this.hex(4);
      case "U":
        return this.hex(8);
      case "\\":
      case "'":
      case '"':
        return c;
      default:
        return `\\${c}`;
    }
  }
  hex(digits) {
    const h = this.s.slice(this.pos, this.pos + digits);
    if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(h)) this.fail("bad hex escape");
    const cp = parseInt(h, 16);
    if (cp > 1114111) this.fail("code point out of range");
    this.pos += digits;
    return String.fromCodePoint(cp);
  }
  number() {
    const m = /^[+-]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.pos, this.pos + 64));
    if (!m) this.fail("bad number");
    this.pos += m[0].length;
    const n = Number(m[0].replace(/_/g, ""));
    if (!Number.isFinite(n)) this.fail("bad number");
    return n;
  }
}
const KEYWORDS = [
  ["True", true],
  ["False", false],
  ["None", null]
];
export {
  parsePythonLiteral
};
//# sourceMappingURL=python-literal.js.map
