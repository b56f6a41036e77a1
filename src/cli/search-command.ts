/**
 * `papers search` and `papers similar`.
 *
 *   papers search <topic...> [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--has-code] [--min-upvotes N]
 *                 [--source S] [--limit N] [--page N] [--all] [--json]
 *   papers search - --json      one query per stdin line, one JSON line out per query, each written
 *                               as soon as its line is read; flags on the command line apply to all
 *   papers similar <id> [--limit N] [--page N] [--all] [--json]
 *
 * JSON output: one object per query (per line with `-`):
 *
 *   {
 *     "query": "model merging",          // the text as given (for `similar`: "similar:<id>")
 *     "total": 12,                       // papers matched in all
 *     "page": 1, "limit": 5,
 *     "newestOnly": 20000,               // only for a broad topic ranked among the newest N papers
 *     "newestRanked": 10000,             // only when just the newest N of the matches were ranked
 *                                        // (papers with every word are ranked wherever they are);
 *                                        // neither appears with --all, which ranks every match
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
import { parseArgs as parseArgv } from 'node:util';
import { searchCommand as searchDeclaration } from '../../commands/search.js';
import { similarCommand as similarDeclaration } from '../../commands/similar.js';
import { validateArgs } from '../../commands/validate.js';
import { UserError } from '../core/errors.js';
import { bestLink, type Source } from '../core/paper.js';
import type { SnippetPart } from '../core/reply.js';
import type { PaperSearch, SearchQuery, SearchResult } from '../core/search/ports.js';
import type { PaperStore } from '../core/store/ports.js';
import { thousands } from '../core/thousands.js';
import type { CliIo } from './io.js';

export interface SearchDeps {
  store: PaperStore;
  search: PaperSearch;
}

const SEARCH_USAGE =
  'usage: papers search <topic...> [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--has-code] [--min-upvotes N] [--source S] [--limit N] [--page N] [--all] [--json]\n' +
  '       papers search - --json   (one query per stdin line)';
const SIMILAR_USAGE = 'usage: papers similar <id> [--limit N] [--page N] [--all] [--json]';

class UsageError extends Error {}

interface Parsed {
  words: string[];
  json: boolean;
  filters: Omit<SearchQuery, 'text'>;
}

const PAGING = { json: { type: 'boolean' }, limit: { type: 'string' }, page: { type: 'string' }, all: { type: 'boolean' } } as const;
const FILTERS = { since: { type: 'string' }, until: { type: 'string' }, 'has-code': { type: 'boolean' }, 'min-upvotes': { type: 'string' }, source: { type: 'string' } } as const;

/** "12" → 12 for the schema's number fields; anything else is left as typed, for the schema to name. */
const num = (v: string | undefined) => (v !== undefined && /^-?\d+$/.test(v) ? Number(v) : v);

/**
 * The flags, read by node:util parseArgs and checked by the chat command's own zod schema
 * (commands/search.ts, commands/similar.ts): the CLI and the chat take the same limits, dates and
 * sources, and say the same thing about a bad one.
 */
function parseFlags(argv: string[], allowFilters: boolean): Parsed {
  let parsed;
  try {
    parsed = parseArgv({ args: argv, options: allowFilters ? { ...PAGING, ...FILTERS } : PAGING, allowPositionals: true, strict: true });
  } catch (err) {
    // node's own wording ("Unknown option '--bogus'. To specify a positional …"): its first sentence.
    throw new UsageError(((err as Error).message.split('. ')[0] ?? '').replace(/^Unknown option/, 'unknown option'));
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const words = parsed.positionals;
  const raw: Record<string, unknown> = allowFilters
    ? { topic: words.join(' '), since: v.since, until: v.until, hasCode: v['has-code'], minUpvotes: num(v['min-upvotes'] as string | undefined), source: v.source, limit: num(v.limit as string | undefined), page: num(v.page as string | undefined), all: v.all }
    : { id: words.join(' '), limit: num(v.limit as string | undefined), page: num(v.page as string | undefined), all: v.all };
  for (const k of Object.keys(raw)) if (raw[k] === undefined) delete raw[k];
  let a: Record<string, unknown>;
  try {
    a = validateArgs(allowFilters ? searchDeclaration : similarDeclaration, raw, 'text');
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    throw new UsageError(err.message.replace(/\.$/, ''));
  }
  const since = a.since as string | undefined;
  const until = a.until as string | undefined;
  // Dates of one form compare as strings. Caught here, not as "Nothing matched", since no data could match.
  if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  const filters: Omit<SearchQuery, 'text'> = { limit: a.limit as number, page: a.page as number, everyMatch: (a.all as boolean) || undefined };
  if (allowFilters) Object.assign(filters, { since, until, hasCode: (a.hasCode as boolean) || undefined, minUpvotes: a.minUpvotes as number | undefined, source: a.source as Source | undefined });
  for (const k of Object.keys(filters) as Array<keyof typeof filters>) if (filters[k] === undefined) delete filters[k];
  return { words, json: Boolean(v.json), filters };
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
    ...(r.newestRanked ? { newestRanked: r.newestRanked } : {}),
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

function toText(r: SearchResult, next: string): string {
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
  const among = r.newestOnly
    ? ` among the newest ${thousands(r.newestOnly)} papers (--all ranks every match)`
    : r.newestRanked
      ? `; the newest ${thousands(r.newestRanked)} ranked (--all ranks every match)`
      : '';
  lines.push(`Showing ${thousands(first)}–${thousands(last)} of ${thousands(r.total)}${among}.${last < r.total ? ` Next: ${next} --page ${r.page + 1}` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** The command line as typed, less its page (the hint adds the next one): the filters and --all are kept. */
function nextHint(command: string, argv: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--page') i++;
    else if (!argv[i]!.startsWith('--page=')) out.push(/\s|"/.test(argv[i]!) ? JSON.stringify(argv[i]) : argv[i]!);
  }
  return `papers ${command} ${out.join(' ')}`;
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
    args = parseFlags(argv, true);
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
    await write(io.stdout, args.json ? `${JSON.stringify(toJson(text, r))}\n` : toText(r, nextHint('search', argv)));
    return 0;
  } catch (err) {
    return fail(io, err, SEARCH_USAGE);
  }
}

export async function similarCommand(argv: string[], io: CliIo, deps: SearchDeps): Promise<number> {
  let args: Parsed;
  try {
    args = parseFlags(argv, false);
    if (args.words.length !== 1) throw new UsageError('give exactly one paper id');
  } catch (err) {
    return fail(io, err, SIMILAR_USAGE);
  }
  const id = args.words[0]!;
  try {
    const r = await deps.search.similar(id, { limit: args.filters.limit, page: args.filters.page, everyMatch: args.filters.everyMatch });
    await write(io.stdout, args.json ? `${JSON.stringify(toJson(`similar:${id}`, r))}\n` : toText(r, nextHint('similar', argv)));
    return r.notice && !r.hits.length && r.notice.startsWith('No paper') ? 1 : 0;
  } catch (err) {
    return fail(io, err, SIMILAR_USAGE);
  }
}
