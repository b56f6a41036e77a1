// C0 controls but tab, LF and CR; DEL; C1 controls. Tab/LF/CR are white space, which cleanText
// already folds. None of the rest is text: a JSON `\u0000`, an XML `&#x1;` or a stray byte in a
// text digest would otherwise be stored inside a title or abstract.
// eslint-disable-next-line no-control-regex -- removing control characters is this regex's purpose
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const HAS_CONTROL = new RegExp(CONTROL.source);
// A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag:
// the pattern must see code units). String#toWellFormed does this but is not in our TS lib (ES2022).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const HAS_SURROGATE = /[\ud800-\udfff]/;

/**
 * A string as valid Unicode text: control characters removed, lone surrogates (a JSON `\ud800`,
 * which SQLite would store as invalid UTF-8 and every reader show as `���`) replaced by U+FFFD.
 * White space is folded again only where a removal may have left two spaces or an edge space.
 */
export function cleanUnicode(s: string): string {
  let out = HAS_SURROGATE.test(s) ? s.replace(LONE_SURROGATE, '\ufffd') : s;
  if (HAS_CONTROL.test(out)) out = out.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return out;
}

/**
 * Every string of a parsed paper (top-level fields and string lists) cleaned by cleanUnicode.
 * Run on each candidate before validation, so it holds for every format whatever path a field took.
 */
export function cleanPaperStrings(paper: unknown): unknown {
  if (typeof paper !== 'object' || paper === null || Array.isArray(paper)) return paper;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(paper)) {
    if (typeof v === 'string') out[k] = cleanUnicode(v);
    else if (Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'string' ? cleanUnicode(x) : x)).filter((x) => x !== '');
    else out[k] = v;
  }
  return out;
}
