/**
 * Collapses every run of whitespace (hard wraps of arXiv abstracts, tabs, CR) into one space and
 * trims: the same paper from two sources then has the same title and abstract text.
 */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  // Most text is already clean; a plain scan first avoids rebuilding every string (this runs on every field).
  return needsCleaning(value) ? value.replace(/\s+/g, ' ').trim() : value;
}

// Whitespace other than a plain space, or two spaces in a row: a single regex scan, faster than a JS loop.
const INNER_MESS = /[^\S ]| {2}/;

/** Leading/trailing whitespace, or whitespace inside that is not single spaces. */
function needsCleaning(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  return isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1)) || INNER_MESS.test(s);
}

/** The characters JavaScript's \s matches. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A list of strings from an unknown value: non-strings and empty strings dropped. */
export function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) {
    const s = cleanText(v);
    if (s) out.push(s);
  }
  return out;
}

/** A plain object from an unknown value, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
