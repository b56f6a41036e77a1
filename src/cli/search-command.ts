/**
 * `papers search` and `papers similar`.
 *
 *   papers search <topic...> [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--has-code] [--min-upvotes N]
 *                 [--source S] [--limit N] [--page N] [--json]
 *   papers search - --json      one query per stdin line, one JSON line out per query, each written
 *                               as soon as its line is read; flags on the command line apply to all
 *   papers similar <id> [--limit N] [--page N] [--json]
 *
 * JSON output: one object per query (per line with `-`):
 *
 *   {
 *     "query": "model merging",          // the text as given (for `similar`: "similar:<id>")
 *     "total": 12,                       // papers matched in all
 *     "page": 1, "limit": 5,
 *     "newestOnly": 20000,               // only for a broad topic ranked among the newest N papers
 *     "notice": "Nothing matched. …",    // only when there is something to tell instead of results
 *     "error": "…",                      // `-` only: that line's search failed (e.g. the database
 *                                        // could not be read); the next lines are still answered.
 *                                        // Lines are query text only: flags are checked before any
 *                                        // line is read, and a bad one exits 2 with usage
 *     "results": [
 *       {
 *         "rank": 1,                     // 1-based, across pages
 *         "id": "2410.02396",            // the paper id: arXiv id, or "title:<normalized-title>"
 *         "title": "Parameter Competition Balancing for Model Merging",
 *         "score": 7.92,                 // bm25, higher is better; comparable within one query only
 *         "url": "https://arxiv.org/abs/2410.02396",   // best link, may be absent
 *         "authors": ["…"], "links": ["https://github.com/…"],
 *         "digestDates": ["2024-10-04"], // ascending
 *         "upvotes": 12,                 // absent when no source knows
 *         "snippet": [{ "text": "…model " }, { "text": "merging", "hit": true }, { "text": " is…" }],
 *         "snippetText": "…model **merging** is…"   // the same with hits in **bold** markers
 *       }
 *     ]
 *   }
 */
import { createInterface } from 'node:readline';
import { bestLink, SourceSchema, type Source } from '../core/paper.js';
import type { SnippetPart } from '../core/reply.js';
import type { PaperSearch, SearchQuery, SearchResult } from '../core/search/ports.js';
import type { PaperStore } from '../core/store/ports.js';
import type { CliIo } from './io.js';
import { validDate } from './shared-options.js';

export interface SearchDeps {
  store: PaperStore;
  search: PaperSearch;
}

const SEARCH_USAGE =
  'usage: papers search <topic...> [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--has-code] [--min-upvotes N] [--source S] [--limit N] [--page N] [--json]\n' +
  '       papers search - --json   (one query per stdin line)';
const SIMILAR_USAGE = 'usage: papers similar <id> [--limit N] [--page N] [--json]';

class UsageError extends Error {}

interface Parsed {
  words: string[];
  json: boolean;
  filters: Omit<SearchQuery, 'text'>;
}

function intFlag(name: string, v: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (v === undefined || !/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new UsageError(`${name} needs a whole number${max < Number.MAX_SAFE_INTEGER ? ` from ${min} to ${max}` : ` ≥ ${min}`}`);
  }
  return Number(v);
}

// Date.parse takes 2025-02-30 (as March 2): a filter on a day that does not exist is a typo to report.
function dateFlag(name: string, v: string | undefined): string {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`${name} needs a date as YYYY-MM-DD`);
  if (!validDate(v)) throw new UsageError(`${name} ${v} is not a real date (no such day)`);
  return v;
}

function parseArgs(argv: string[], allowFilters: boolean): Parsed {
  const out: Parsed = { words: [], json: false, filters: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--json': out.json = true; break;
      case '--limit': out.filters.limit = intFlag('--limit', value(), 1, 25); break;
      case '--page': out.filters.page = intFlag('--page', value(), 1); break;
      case '--since':
      case '--until':
      case '--has-code':
      case '--min-upvotes':
      case '--source': {
        if (!allowFilters) throw new UsageError(`${flag} is not an option here`);
        if (flag === '--since') out.filters.since = dateFlag(flag, value());
        else if (flag === '--until') out.filters.until = dateFlag(flag, value());
        else if (flag === '--has-code') out.filters.hasCode = true;
        else if (flag === '--min-upvotes') out.filters.minUpvotes = intFlag(flag, value(), 0);
        else {
          const s = SourceSchema.safeParse(value());
          if (!s.success) throw new UsageError(`--source must be one of: ${SourceSchema.options.join(', ')}`);
          out.filters.source = s.data as Source;
        }
        break;
      }
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
        out.words.push(a);
    }
  }
  const { since, until } = out.filters;
  // Dates of one form compare as strings. Caught here, not as "Nothing matched", since no data could match.
  if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  return out;
}

/** `**hit**` markers, as in the chat adapters' markdown. */
export function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => (p.hit ? `**${p.text}**` : p.text)).join('').replace(/\s+/g, ' ');
}

function toJson(query: string, r: SearchResult) {
  return {
    query,
    total: r.total,
    page: r.page,
    limit: r.limit,
    ...(r.newestOnly ? { newestOnly: r.newestOnly } : {}),
    ...(r.notice ? { notice: r.notice } : {}),
    results: r.hits.map((h, i) => ({
      rank: (r.page - 1) * r.limit + i + 1,
      id: h.paper.id,
      title: h.paper.title,
      score: h.score,
      url: bestLink(h.paper),
      authors: h.paper.authors,
      links: h.paper.links,
      digestDates: h.paper.digestDates,
      upvotes: h.paper.upvotes,
      snippet: h.snippet,
      snippetText: snippetText(h.snippet),
    })),
  };
}

function toText(r: SearchResult, nextHint: string): string {
  if (!r.hits.length) return `${r.notice ?? 'Nothing matched.'}\n`;
  const lines: string[] = [];
  r.hits.forEach((h, i) => {
    const p = h.paper;
    const meta = [p.id, p.digestDates[p.digestDates.length - 1], p.upvotes !== undefined ? `${p.upvotes} upvotes` : undefined, bestLink(p)]
      .filter(Boolean)
      .join(' · ');
    lines.push(`${(r.page - 1) * r.limit + i + 1}. ${p.title}`, `   ${meta}`);
    if (h.snippet.length) lines.push(`   ${snippetText(h.snippet)}`);
    lines.push('');
  });
  const first = (r.page - 1) * r.limit + 1;
  const last = first + r.hits.length - 1;
  const among = r.newestOnly ? ` among the newest ${r.newestOnly.toLocaleString('en-US')} papers (add words to search them all)` : '';
  lines.push(`Showing ${first}–${last} of ${r.total}${among}.${last < r.total ? ` Next: ${nextHint} --page ${r.page + 1}` : ''}`);
  return `${lines.join('\n')}\n`;
}

const write = (s: NodeJS.WritableStream, text: string) => new Promise<void>((res) => (s.write(text) ? res() : s.once('drain', res)));

function fail(io: CliIo, err: unknown, usage: string): number {
  if (err instanceof UsageError) {
    io.stderr.write(`papers: ${err.message}\n${usage}\n`);
    return 2;
  }
  io.stderr.write(`papers: ${(err as Error)?.message ?? String(err)}\n`);
  return 1;
}

export async function searchCommand(argv: string[], io: CliIo, deps: SearchDeps): Promise<number> {
  let args: Parsed;
  try {
    args = parseArgs(argv, true);
  } catch (err) {
    return fail(io, err, SEARCH_USAGE);
  }
  if (args.words.length === 1 && args.words[0] === '-') {
    const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
    for await (const line of rl) {
      let out: object;
      try {
        out = toJson(line, await deps.search.search({ ...args.filters, text: line }));
      } catch (err) {
        out = { query: line, error: (err as Error)?.message ?? String(err), results: [] };
      }
      await write(io.stdout, `${args.json ? JSON.stringify(out) : JSON.stringify(out, null, 2)}\n`);
    }
    return 0;
  }
  if (!args.words.length) {
    io.stderr.write(`papers: say what to search for\n${SEARCH_USAGE}\n`);
    return 2;
  }
  const text = args.words.join(' ');
  try {
    const r = await deps.search.search({ ...args.filters, text });
    const hint = `papers search ${args.words.map((w) => (/\s|"/.test(w) ? JSON.stringify(w) : w)).join(' ')}`;
    await write(io.stdout, args.json ? `${JSON.stringify(toJson(text, r))}\n` : toText(r, hint));
    return 0;
  } catch (err) {
    return fail(io, err, SEARCH_USAGE);
  }
}

export async function similarCommand(argv: string[], io: CliIo, deps: SearchDeps): Promise<number> {
  let args: Parsed;
  try {
    args = parseArgs(argv, false);
    if (args.words.length !== 1) throw new UsageError('give exactly one paper id');
  } catch (err) {
    return fail(io, err, SIMILAR_USAGE);
  }
  const id = args.words[0]!;
  try {
    const r = await deps.search.similar(id, { limit: args.filters.limit, page: args.filters.page });
    await write(io.stdout, args.json ? `${JSON.stringify(toJson(`similar:${id}`, r))}\n` : toText(r, `papers similar ${id}`));
    return r.notice && !r.hits.length && r.notice.startsWith('No paper') ? 1 : 0;
  } catch (err) {
    return fail(io, err, SIMILAR_USAGE);
  }
}
