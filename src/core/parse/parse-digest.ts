import { ParseError } from '../errors.js';
import { SourceSchema } from '../paper.js';
import { parseArxivAtom } from './arxiv-atom.js';
import { parseArxivJsonl } from './arxiv-jsonl.js';
import { parseArxivKaggle } from './arxiv-kaggle.js';
import { parseArxivRss } from './arxiv-rss.js';
import { validIsoDay } from './dates.js';
import { decodeInput } from './decode.js';
import { detectFormat } from './detect-format.js';
import { parseHfApi } from './hf-api.js';
import { parseHfDigestText } from './hf-digest-text.js';
import type { Format, ParseDigest, ParseOptions, ParseResult } from './ports.js';
import { capWarnings, MAX_WARNINGS } from './warnings.js';

export { detectFormat, MAX_WARNINGS };

const PARSERS: Record<Format, (text: string, opts: ParseOptions) => ParseResult> = {
  'hf-digest-text': parseHfDigestText,
  'hf-api': parseHfApi,
  'arxiv-rss': parseArxivRss,
  'arxiv-atom': parseArxivAtom,
  'arxiv-jsonl': parseArxivJsonl,
  'arxiv-kaggle': parseArxivKaggle,
};

/**
 * Reads one digest in any supported format (detected from the content unless opts.format says).
 * Every failure is a ParseError with a one-line reason; the caller adds the file name.
 */
export const parseDigest: ParseDigest = (content, opts = {}) => {
  try {
    if (opts.format !== undefined && !SourceSchema.safeParse(opts.format).success) {
      throw new ParseError(`unknown format "${String(opts.format)}" (expected one of ${SourceSchema.options.join(', ')})`);
    }
    if (opts.date !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(opts.date) && validIsoDay(opts.date))) {
      throw new ParseError(`invalid date "${opts.date}" (expected YYYY-MM-DD)`);
    }
    const text = decodeInput(content);
    const format = opts.format ?? detectFormat(text, opts.fileName);
    return capResultWarnings(PARSERS[format](text, opts));
  } catch (err) {
    if (err instanceof ParseError) {
      throw /[\r\n]/.test(err.message) ? new ParseError(oneLine(err.message)) : err;
    }
    // A bug or a parser library's own exception: still one ParseError line, never another type.
    const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new ParseError(`could not be parsed (${oneLine(why).slice(0, 200)})`);
  }
};

function capResultWarnings(r: ParseResult): ParseResult {
  return r.warnings.length <= MAX_WARNINGS ? r : { ...r, warnings: capWarnings(r.warnings) };
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
