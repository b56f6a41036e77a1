import { ParseError } from "../errors.js";
import { SourceSchema } from "../paper.js";
import { parseArxivAtom } from "./arxiv-atom.js";
import { parseArxivJsonl } from "./arxiv-jsonl.js";
import { parseArxivKaggle } from "./arxiv-kaggle.js";
import { parseArxivRss } from "./arxiv-rss.js";
import { validIsoDay } from "./dates.js";
import { decodeInput } from "./decode.js";
import { detectFormat } from "./detect-format.js";
import { parseHfApi } from "./hf-api.js";
import { parseHfDigestText } from "./hf-digest-text.js";
const PARSERS = {
  "hf-digest-text": parseHfDigestText,
  "hf-api": parseHfApi,
  "arxiv-rss": parseArxivRss,
  "arxiv-atom": parseArxivAtom,
  "arxiv-jsonl": parseArxivJsonl,
  "arxiv-kaggle": parseArxivKaggle
};
const parseDigest = (content, opts = {}) => {
  try {
    if (opts.format !== void 0 && !SourceSchema.safeParse(opts.format).success) {
      throw new ParseError(`unknown format "${String(opts.format)}" (expected one of ${SourceSchema.options.join(", ")})`);
    }
    if (opts.date !== void 0 && !(/^\d{4}-\d{2}-\d{2}$/.test(opts.date) && validIsoDay(opts.date))) {
      throw new ParseError(`invalid date "${opts.date}" (expected YYYY-MM-DD)`);
    }
    const text = decodeInput(content);
    const format = opts.format ?? detectFormat(text, opts.fileName);
    return capWarnings(PARSERS[format](text, opts));
  } catch (err) {
    if (err instanceof ParseError) {
      throw /[\r\n]/.test(err.message) ? new ParseError(oneLine(err.message)) : err;
    }
    const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new ParseError(`could not be parsed (${oneLine(why).slice(0, 200)})`);
  }
};
const MAX_WARNINGS = 50;
function capWarnings(r) {
  if (r.warnings.length <= MAX_WARNINGS) return r;
  const more = r.warnings.length - MAX_WARNINGS;
  return { ...r, warnings: [...r.warnings.slice(0, MAX_WARNINGS), `... and ${more} more warning${more === 1 ? "" : "s"}`] };
}
function oneLine(s) {
  return s.replace(/\s+/g, " ").trim();
}
export {
  MAX_WARNINGS,
  detectFormat,
  parseDigest
};
//# sourceMappingURL=parse-digest.js.map
