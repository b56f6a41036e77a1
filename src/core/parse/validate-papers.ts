import { ParseError } from '../errors.js';
import { PaperSchema, type Paper } from '../paper.js';
import { cleanPaperStrings } from './clean-unicode.js';

/** A paper candidate plus where it came from, for the warning if it is refused; or an entry already found unreadable. */
export type Candidate = { where: string; paper: unknown } | { where: string; problem: string };

/**
 * Validates each candidate with PaperSchema, after cleanPaperStrings (the one boundary every format passes). A bad one is skipped with a warning naming where it was;
 * if there were candidates and none is good, the whole input is refused (one line, first reason).
 */
export function validatePapers(candidates: Candidate[], warnings: string[]): Paper[] {
  const papers: Paper[] = [];
  let firstProblem: string | undefined;
  for (const c of candidates) {
    if ('problem' in c) {
      const line = `${c.where}: skipped, ${c.problem}`;
      firstProblem ??= line;
      warnings.push(line);
      continue;
    }
    const r = PaperSchema.safeParse(cleanPaperStrings(c.paper));
    if (r.success) {
      papers.push(r.data);
      continue;
    }
    const issue = r.error.issues[0];
    const why = issue ? `${issue.path.join('.') || 'paper'}: ${issue.message}` : 'invalid paper';
    const line = `${c.where}: skipped, ${why}`;
    firstProblem ??= line;
    warnings.push(line);
  }
  if (candidates.length > 0 && papers.length === 0) throw new ParseError(`no valid paper (${firstProblem})`);
  return papers;
}
