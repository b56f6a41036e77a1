import { ParseError } from '../errors.js';
import { PaperSchema, type Paper } from '../paper.js';
import { cleanPaperStrings } from './clean-unicode.js';
import { boundedWarnings } from './warnings.js';

/** A paper candidate plus where it came from, for the warning if it is refused; or an entry already found unreadable. */
export type Candidate = { where: string; paper: unknown } | { where: string; problem: string };

/** Why an entry without a title is skipped; parsers may say it before building the paper. */
export const NO_TITLE = 'title: missing';

/**
 * No real input comes near this (a day's HF list holds ~50 papers, a 50 MB Kaggle slice ~50,000);
 * past it, an input of tiny made-up papers would cost ~400 bytes of memory for every ~15 bytes read.
 */
export const MAX_PAPERS_PER_INPUT = 200_000;

/**
 * Validates candidates one at a time with PaperSchema (after cleanPaperStrings, the one boundary
 * every format passes), so a parser can hand them over as it reads and keep none of its own. A bad
 * one is skipped and counted; only the first warnings are kept as text. `finish()` returns the good
 * papers, or refuses the whole input (one line, first reason) if there were candidates and none is good.
 */
export function createPaperCollector(warnings: string[]) {
  const papers: Paper[] = [];
  const skipped = boundedWarnings(warnings);
  let seen = 0;
  let firstProblem: string | undefined;
  const skip = (line: string) => {
    firstProblem ??= line;
    skipped.push(line);
  };
  return {
    add(c: Candidate): void {
      seen++;
      if ('problem' in c) return skip(`${c.where}: skipped, ${c.problem}`);
      // The common bad entry ({} or one without a title) is refused without building zod's error:
      // that cost ~25 µs an entry, 40 s for a 3 MB file of a million `{}`.
      const title = (c.paper as { title?: unknown } | null)?.title;
      if (typeof title !== 'string' || title === '') return skip(`${c.where}: skipped, ${NO_TITLE}`);
      if (papers.length >= MAX_PAPERS_PER_INPUT) {
        throw new ParseError(`more than ${MAX_PAPERS_PER_INPUT} papers in one input (stopped at ${c.where}); split it into smaller files`);
      }
      const r = PaperSchema.safeParse(cleanPaperStrings(c.paper));
      if (r.success) {
        papers.push(r.data);
        return;
      }
      const issue = r.error.issues[0];
      skip(`${c.where}: skipped, ${issue ? `${issue.path.join('.') || 'paper'}: ${issue.message}` : 'invalid paper'}`);
    },
    finish(): Paper[] {
      skipped.close();
      if (seen > 0 && papers.length === 0) throw new ParseError(`no valid paper (${firstProblem})`);
      return papers;
    },
  };
}

/** createPaperCollector over a list already in memory. */
export function validatePapers(candidates: Iterable<Candidate>, warnings: string[]): Paper[] {
  const collect = createPaperCollector(warnings);
  for (const c of candidates) collect.add(c);
  return collect.finish();
}
