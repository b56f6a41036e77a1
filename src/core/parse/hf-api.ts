import { ParseError } from '../errors.js';
import { paperId, parseArxivId } from '../paper-id.js';
import { asRecord, cleanText, stringList } from './clean-text.js';
import { dateFromFileName, toIsoTimestamp, validIsoDay } from './dates.js';
import { JsonScanner, MAX_VALUES_PER_ENTRY } from './json-scan.js';
import { parseJson } from './parse-json.js';
import { extractLinks } from './links.js';
import type { ParseOptions, ParseResult } from './ports.js';
import { parsePythonLiteral } from './python-literal.js';
import { createPaperCollector, NO_TITLE } from './validate-papers.js';
import { trimAtWord } from '../tldr/sentences.js';

/** Hugging Face summaries are one sentence (at most ~350 characters in 1,219 of them); longer is cut. */
const AI_SUMMARY_MAX_CHARS = 600;

/**
 * The Hugging Face `GET /api/daily_papers` response: a JSON list of `{paper: {...}, ...}`.
 * Archive quirks read too: entries that are Python-repr strings, and the `{status, date, count, data}` wrapper.
 * The list is read one entry at a time (JsonScanner): memory follows the papers kept, not the entries
 * read, and an entry too large to be a paper is skipped without being built.
 */
export function parseHfApi(text: string, opts: ParseOptions): ParseResult {
  const warnings: string[] = [];
  const scan = new JsonScanner(text);
  scan.skipSpace();
  const first = scan.peek();
  // The list to walk (where its `[` is), and the wrapper's members other than the list.
  let listAt: number | undefined;
  let obj: Record<string, unknown> | undefined;
  if (first === 0x5b /* [ */) listAt = scan.pos;
  else if (first === 0x7b /* { */) {
    obj = {};
    const members = obj;
    scan.eachMember((key, span) => {
      if (key === 'data' && text.charCodeAt(span.start) === 0x5b) listAt = span.start;
      else if (span.values <= MAX_VALUES_PER_ENTRY && key !== '__proto__') members[key] = scan.parse(span, `key "${key.slice(0, 40)}"`);
    });
    scan.expectEnd();
  } else {
    const root = parseJson(text);
    if (typeof root !== 'object' || root === null) throw new ParseError('JSON is neither a list of Hugging Face daily papers nor a {data: [...]} wrapper');
    obj = asRecord(root);
  }
  const wrapperDate = listAt !== undefined && obj ? validIsoDay(typeof obj.date === 'string' ? obj.date : undefined) : undefined;
  const fallbackDate = validIsoDay(opts.date) ?? dateFromFileName(opts.fileName) ?? wrapperDate;
  const collect = createPaperCollector(warnings);
  let entries = 0;
  const read = (raw: unknown, where: string) => {
    let entry: unknown = raw;
    if (typeof raw === 'string') {
      try {
        entry = parsePythonLiteral(raw);
      } catch (err) {
        return collect.add({ where, problem: (err as Error).message });
      }
    }
    const e = asRecord(entry);
    const p = asRecord(e?.paper) ?? e;
    if (!e || !p) return collect.add({ where, problem: 'not a paper object' });
    // Before toPaper: links and ids cost ~3 µs an entry, most of a file of a million `{}`.
    if (!cleanText(p.title ?? e.title)) return collect.add({ where, problem: NO_TITLE });
    collect.add({ where, paper: toPaper(e, p, fallbackDate) });
  };
  if (listAt !== undefined) {
    scan.pos = listAt;
    scan.eachElement((span, i) => {
      entries++;
      const where = `entry ${i + 1}`;
      if (span.values > MAX_VALUES_PER_ENTRY) collect.add({ where, problem: `too large to be a paper (more than ${MAX_VALUES_PER_ENTRY} JSON values)` });
      else read(scan.parse(span, where), where);
    });
    if (first === 0x5b) scan.expectEnd();
    if (obj && typeof obj.count === 'number' && obj.count !== entries) {
      warnings.push(`wrapper says count ${obj.count} but data holds ${entries} entries`);
    }
  } else if (obj && (obj.paper || (obj.id && obj.title))) read(obj, 'entry 1');
  else throw new ParseError('JSON is neither a list of Hugging Face daily papers nor a {data: [...]} wrapper');
  const papers = collect.finish();
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
