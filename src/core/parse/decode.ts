import { ParseError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns raw bytes into text, refusing what is not a text digest at all: empty, binary (NUL bytes)
 * or not UTF-8. The BOM is dropped so that detection and the first title see clean text.
 */
export function decodeInput(content: Buffer | Uint8Array | string): string {
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    if (content.length === 0) throw new ParseError('empty input');
    // A NUL byte never occurs in a UTF-8 text digest; it is the cheapest sure sign of a binary file.
    if (content.indexOf(0) !== -1) throw new ParseError('binary file (contains NUL bytes), not a digest');
    try {
      text = utf8.decode(content);
    } catch {
      const at = firstBadUtf8Offset(content);
      throw new ParseError(at >= 0 ? `not valid UTF-8 text (first bad byte at offset ${at})` : 'not valid UTF-8 text');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.indexOf('\0') !== -1) throw new ParseError('binary file (contains NUL bytes), not a digest');
  if (text.trim() === '') throw new ParseError('empty input (only whitespace)');
  return text;
}

/** Where the UTF-8 first goes wrong, so the message can point at it (-1 if only a subtle rule is broken). */
function firstBadUtf8Offset(buf: Uint8Array): number {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b < 0x80) continue;
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (n === 0 || i + n >= buf.length) return i; // not a lead byte, or the text ends inside the character
    for (let k = 1; k <= n; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}
