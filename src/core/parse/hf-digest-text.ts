import { ParseError } from '../errors.js';
import { paperId } from '../paper-id.js';
import type { Paper } from '../paper.js';
import { classifyParagraph } from './classify-paragraph.js';
import { dateFromFileName, isoDay, nearestPastDay, validIsoDay } from './dates.js';
import { digestBlocks, type DateLine, type Paragraph } from './digest-paragraphs.js';
import { DigestShape } from './digest-prose.js';
import { extractLinks } from './links.js';
import type { ParseOptions, ParseResult } from './ports.js';
import { validatePapers, type Candidate } from './validate-papers.js';

/**
 * A day's digest is ~300 lines. Splitting costs ~100 bytes per line and block: 50 MB of one-word
 * paragraphs (17M lines) ran a 1 GB heap out of memory. Past this the text is refused unread.
 */
export const MAX_DIGEST_LINES = 200_000;

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && n <= MAX_DIGEST_LINES; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The Hugging Face Daily Papers page or email as copied: optional header lines, a date line (`Apr 22`),
 * then title paragraph / abstract paragraph pairs. A title with no abstract is kept, flagged
 * 'no-abstract', with a warning; text with no title before it is skipped with a warning.
 */
export function parseHfDigestText(text: string, opts: ParseOptions): ParseResult {
  const lines = countLines(text);
  if (lines > MAX_DIGEST_LINES) {
    throw new ParseError(`too many lines for a text digest (more than ${MAX_DIGEST_LINES}); split it into smaller files`);
  }
  const warnings: string[] = [];
  const candidates: Candidate[] = [];
  const dates = new DateResolver(opts, warnings);
  let digestDate = dates.fallback;
  let sawDate = false;
  let pending: Paragraph | undefined;

  let pairs = 0;
  const shape = new DigestShape();
  const emit = (title: Paragraph, abstract: string): void => {
    if (abstract) pairs++;
    if (!abstract) warnings.push(`line ${title.line}: title without an abstract, kept and flagged no-abstract: "${short(title.text)}"`);
    candidates.push({
      where: `line ${title.line}`,
      paper: {
        id: paperId(undefined, title.text),
        title: title.text,
        abstract,
        authors: [],
        links: extractLinks(abstract),
        keywords: [],
        categories: [],
        digestDate,
        source: 'hf-digest-text',
        flags: abstract ? [] : ['no-abstract'],
      } satisfies Paper,
    });
  };

  for (const block of digestBlocks(text)) {
    if (block.kind === 'date') {
      if (pending) emit(pending, '');
      pending = undefined;
      const day = dates.resolve(block);
      if (sawDate && day !== digestDate) warnings.push(`line ${block.line}: another date line, papers after it are dated ${day}`);
      if (!sawDate) dates.first = day;
      sawDate = true;
      digestDate = day;
      continue;
    }
    shape.paragraph(block.text);
    const sure = classifyParagraph(block.text);
    const kind = sure === 'unsure' ? (pending ? 'abstract' : 'title') : sure;
    if (kind === 'title') {
      if (pending) emit(pending, '');
      pending = block;
      continue;
    }
    shape.abstract(block.text);
    if (pending) {
      emit(pending, block.text);
      pending = undefined;
    } else {
      warnings.push(`line ${block.line}: text without a title before it, skipped: "${short(block.text)}"`);
    }
  }
  if (pending) emit(pending, '');

  // Titles alone (a CSV, a note, a list of words) are not a digest: at least one pair must be there.
  if (pairs === 0) {
    throw new ParseError('unrecognized format: no title/abstract paragraphs found (not a digest?)');
  }
  // Markdown, licences and documentation split into pairs too (a README read as 53 "papers").
  const refusal = shape.refusal();
  if (refusal) throw new ParseError(refusal);
  return { format: 'hf-digest-text', digestDate: dates.first ?? dates.fallback, papers: validatePapers(candidates, warnings), warnings };
}

/** Turns `Apr 22` into a full day: opts.date wins, else the latest such day not after the file-name date or now. */
class DateResolver {
  readonly fallback: string | undefined;
  first: string | undefined;
  private readonly explicit: string | undefined;
  private readonly reference: Date;

  constructor(opts: ParseOptions, private readonly warnings: string[]) {
    this.explicit = validIsoDay(opts.date);
    const fromName = dateFromFileName(opts.fileName);
    this.fallback = this.explicit ?? fromName;
    this.reference = fromName ? new Date(`${fromName}T23:59:59Z`) : (opts.now ?? new Date());
  }

  resolve(d: DateLine): string | undefined {
    const written = d.year !== undefined ? isoDay(d.year, d.month, d.day) : undefined;
    if (this.explicit) {
      const [, m, day] = this.explicit.split('-').map(Number);
      if (m !== d.month || day !== d.day) {
        this.warnings.push(`line ${d.line}: the date line says ${written ?? `${d.month}/${d.day}`} but the given date is ${this.explicit}; using ${this.explicit}`);
      }
      return this.explicit;
    }
    return written ?? nearestPastDay(d.month, d.day, this.reference);
  }
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
