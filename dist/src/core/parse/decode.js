import { ParseError } from "../errors.js";
const utf8 = new TextDecoder("utf-8", { fatal: true });
function decodeInput(content) {
  let text;
  if (typeof content === "string") {
    text = content;
  } else {
    if (content.length === 0) throw new ParseError("empty input");
    if (content.indexOf(0) !== -1) throw new ParseError("binary file (contains NUL bytes), not a digest");
    try {
      text = utf8.decode(content);
    } catch {
      const at = firstBadUtf8Offset(content);
      throw new ParseError(at >= 0 ? `not valid UTF-8 text (first bad byte at offset ${at})` : "not valid UTF-8 text");
    }
  }
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  if (text.indexOf("\0") !== -1) throw new ParseError("binary file (contains NUL bytes), not a digest");
  if (text.trim() === "") throw new ParseError("empty input (only whitespace)");
  return text;
}
function firstBadUtf8Offset(buf) {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b < 128) continue;
    const n = b >= 194 && b <= 223 ? 1 : b >= 224 && b <= 239 ? 2 : b >= 240 && b <= 244 ? 3 : 0;
    if (n === 0 || i + n >= buf.length) return i;
    for (let k = 1; k <= n; k++) if ((buf[i + k] & 192) !== 128) return i;
    i += n;
  }
  return -1;
}
export {
  decodeInput
};
//# sourceMappingURL=decode.js.map
