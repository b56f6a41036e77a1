import { ParseError } from '../errors.js';
import { paperId, parseArxivId } from '../paper-id.js';
import { asRecord, cleanText, stringList } from './clean-text.js';
import { dateFromFileName, toIsoTimestamp, validIsoDay } from './dates.js';
import { parseJson } from './parse-json.js';
import { extractLinks } from './links.js';
import type { ParseOptions, ParseResult } from './ports.js';
import { parsePythonLiteral } from './python-literal.js';
import { validatePapers, type Candidate } from './validate-papers.js';
import { trimAtWord } from '../tldr/sentences.js';

/** Hugging Face summaries are one sentence (at most ~350 characters in 1,219 of them); longer is cut. */
const AI_SUMMARY_MAX_CHARS = 600;

/**
 * The Hugging Face `GET /api/daily_papers` response: a JSON list of `{paper: {...}, ...}`.
 * Archive quirks read too: entries that are Python-repr strings, and the `{status, date, count, data}` wrapper.
 */
export function parseHfApi(text: string, opts: ParseOptions): ParseResult {
  const warnings: string[] = [];
  const root = parseJson(text);
  let entries: unknown[];
  let wrapperDate: string | undefined;
  const obj = asRecord(root);
  if (Array.isArray(root)) entries = root;
  else if (obj && Array.isArray(obj.data)) {
    entries = obj.data;
    wrapperDate = validIsoDay(typeof obj.date === 'string' ? obj.date : undefined);
    if (typeof obj.count === 'number' && obj.count !== entries.length) {
      warnings.push(`wrapper says count ${obj.count} but data holds ${entries.length} entries`);
    }
  } else if (obj && (obj.paper || (obj.id && obj.title))) entries = [obj];
  else throw new ParseError('JSON is neither a list of Hugging Face daily papers nor a {data: [...]} wrapper');

  const fallbackDate = validIsoDay(opts.date) ?? dateFromFileName(opts.fileName) ?? wrapperDate;
  const candidates: Candidate[] = [];
  entries.forEach((raw, i) => {
    const where = `entry ${i + 1}`;
    let entry: unknown = raw;
    if (typeof raw === 'string') {
      try {
        entry = parsePythonLiteral(raw);
      } catch (err) {
        candidates.push({ where, problem: (err as Error).message });
        return;
      }
    }
    const e = asRecord(entry);
    const p = asRecord(e?.paper) ?? e;
    if (!e || !p) {
      candidates.push({ where, problem: 'not a paper object' });
      return;
    }
    candidates.push({ where, paper: toPaper(e, p, fallbackDate) });
  });
  const papers = validatePapers(candidates, warnings);
  return { format: 'hf-api', digestDate: fallbackDate ?? mostCommon(papers.map((p) => p.digestDate)), papers, warnings };
}

function toPaper(e: Record<string, unknown>, p: Record<string, unknown>, fallbackDate: string | undefined): unknown {
  const arxivId = parseArxivId(typeof p.id === 'string' ? p.id : undefined);
  const title = cleanText(p.title ?? e.title);
  const abstract = cleanText(p.summary ?? e.summary);
  const authors = Array.isArray(p.authors)
    ? p.authors.map((a) => cleanText(asRecord(a)?.name ?? a)).filter(Boolean)
    : [];
  const upvotes = typeof p.upvotes === 'number' && Number.isInteger(p.upvotes) && p.upvotes >= 0 ? p.upvotes : undefined;
  const repo = typeof p.githubRepo === 'string' ? p.githubRepo : undefined;
  const page = typeof p.projectPage === 'string' ? p.projectPage : undefined;
  return {
    id: paperId(arxivId, title),
    arxivId,
    title,
    abstract,
    authors,
    links: extractLinks(abstract, [repo, page]),
    keywords: stringList(p.ai_keywords),
    categories: [],
    upvotes,
    publishedAt: toIsoTimestamp(p.publishedAt),
    // Older API answers have no submittedOnDailyAt; the entry's own publishedAt is its day on the page.
    digestDate:
      validIsoDay(typeof p.submittedOnDailyAt === 'string' ? p.submittedOnDailyAt : undefined) ??
      fallbackDate ??
      validIsoDay(typeof e.publishedAt === 'string' && e !== p ? e.publishedAt : undefined),
    source: 'hf-api',
    flags: abstract ? [] : ['no-abstract'],
    // Bounded: a card shows one line, and a hostile API answer must not bloat every row.
    aiSummary: trimAtWord(cleanText(p.ai_summary), AI_SUMMARY_MAX_CHARS) || undefined,
  };
}

function mostCommon(values: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  for (const v of values) {
    if (!v) continue;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (!best || n > counts.get(best)!) best = v;
  }
  return best;
}
