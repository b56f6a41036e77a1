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
      throw new ParseError(`not valid UTF-8 text (first bad byte near offset ${firstBadUtf8Offset(content)})`);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.indexOf('\0') !== -1) throw new ParseError('binary file (contains NUL bytes), not a digest');
  if (text.trim() === '') throw new ParseError('empty input (only whitespace)');
  return text;
}

/** Where the UTF-8 first goes wrong, so the message can point at it. */
function firstBadUtf8Offset(buf: Uint8Array): number {
  let lo = 0;
  let hi = buf.length;
  // Binary search on the longest prefix that decodes (a cut inside a character counts as bad, so allow 3 spare bytes).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (decodesUpTo(buf, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function decodesUpTo(buf: Uint8Array, end: number): boolean {
  for (let cut = end; cut >= Math.max(0, end - 3); cut--) {
    try {
      utf8.decode(buf.subarray(0, cut));
      return cut >= end - 3;
    } catch {
      /* try a shorter cut: the prefix may end inside a multi-byte character */
    }
  }
  return false;
}
