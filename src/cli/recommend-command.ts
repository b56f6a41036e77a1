/**
 * `papers recommend <id>... [--not <id>...] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N]
 *                  [--page N] [--json]`
 *
 * Papers like the given ones (and unlike the `--not` ones) among papers whose digest date is in
 * the range, never one of the given papers. `--json` prints the `papers search --json` schema with
 * `"query": "recommend:<id>,… not:<id>,…"` and, per result, `because`: the words or phrases it shares
 * most with the liked papers, strongest first. Unknown ids are named in one line on stderr and
 * skipped; when every liked id is unknown the command fails with exit code 2.
 */
import { parseArgs } from 'node:util';
import { bestLink, type StoredPaper } from '../core/paper.js';
import { becauseSnippet } from '../core/recommend/explain.js';
import type { Recommender } from '../core/recommend/recommender.js';
import type { PaperStore } from '../core/store/ports.js';
import { thousands } from '../core/thousands.js';
import type { CliIo } from './io.js';
import { snippetText } from './search-command.js';
import { validDate } from './shared-options.js';

export interface RecommendDeps {
  store: PaperStore;
  recommender: Recommender;
}

const USAGE = 'usage: papers recommend <id>... [--not <id>...] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N] [--page N] [--json]';

class UsageError extends Error {}

function whole(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(`${name} needs a whole number from ${min} to ${max}`);
  return Number(v);
}

function date(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`${name} needs a date as YYYY-MM-DD`);
  if (!validDate(v)) throw new UsageError(`${name} ${v} is not a real date (no such day)`);
  return v;
}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      tokens: true,
      options: {
        not: { type: 'string', multiple: true },
        since: { type: 'string' },
        until: { type: 'string' },
        limit: { type: 'string' },
        page: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]!);
  }
  const v = parsed.values;
  // `--not a b` reads naturally: words after --not up to the next flag are all disliked papers, so
  // the positional list is split at the first --not in argv order.
  const liked: string[] = [];
  const not: string[] = [...(v.not ?? [])];
  let inNot = false;
  for (const t of parsed.tokens ?? []) {
    if (t.kind === 'option') inNot = t.name === 'not';
    else if (t.kind === 'positional') (inNot ? not : liked).push(t.value);
  }
  const since = date('--since', v.since);
  const until = date('--until', v.until);
  if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  if (!liked.length) throw new UsageError('give at least one paper id to find papers like');
  return { liked, not, since, until, limit: whole('--limit', v.limit, 1, 25) ?? 5, page: whole('--page', v.page, 1, 10_000) ?? 1, json: v.json ?? false };
}

async function resolve(store: PaperStore, ids: string[], unknown: string[]): Promise<StoredPaper[]> {
  const out: StoredPaper[] = [];
  for (const id of ids) {
    const p = await store.getPaper(id);
    if (p) out.push(p);
    else unknown.push(id);
  }
  return out;
}

export async function recommendCommand(argv: string[], io: CliIo, deps: RecommendDeps): Promise<number> {
  let a: ReturnType<typeof parse>;
  try {
    a = parse(argv);
  } catch (err) {
    io.stderr.write(`papers: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const unknown: string[] = [];
  const liked = await resolve(deps.store, a.liked, unknown);
  const disliked = await resolve(deps.store, a.not, unknown);
  if (unknown.length) io.stderr.write(`papers: unknown paper id${unknown.length > 1 ? 's' : ''} skipped: ${unknown.join(', ')}\n`);
  if (!liked.length) {
    io.stderr.write(`papers: none of the papers to find papers like is in the store (${a.liked.join(', ')})\n${USAGE}\n`);
    return 2;
  }
  const r = await deps.recommender.recommend({
    positives: liked.map((p) => p.id),
    negatives: disliked.map((p) => p.id),
    since: a.since,
    until: a.until,
    limit: a.limit,
    offset: (a.page - 1) * a.limit,
  });
  const papers = new Map((await deps.store.getPapers(r.items.map((i) => i.id))).map((p) => [p.id, p]));
  const rows = r.items.flatMap((item, i) => {
    const p = papers.get(item.id);
    if (!p) return [];
    const snippet = becauseSnippet(p.abstract, item.because);
    return [{ rank: (a.page - 1) * a.limit + i + 1, paper: p, score: item.score, because: item.because, snippet }];
  });
  const query = `recommend:${liked.map((p) => p.id).join(',')}${disliked.length ? ` not:${disliked.map((p) => p.id).join(',')}` : ''}`;
  const notice = rows.length ? undefined : a.page > 1 ? 'No more recommendations on this page.' : 'No other papers in that range to recommend.';
  if (a.json) {
    const out = {
      query,
      total: r.total,
      page: a.page,
      limit: a.limit,
      ...(notice ? { notice } : {}),
      results: rows.map((x) => ({
        rank: x.rank,
        id: x.paper.id,
        title: x.paper.title,
        score: x.score,
        url: bestLink(x.paper),
        authors: x.paper.authors,
        links: x.paper.links,
        digestDates: x.paper.digestDates,
        upvotes: x.paper.upvotes,
        snippet: x.snippet,
        snippetText: snippetText(x.snippet),
        because: x.because,
      })),
    };
    io.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  }
  if (notice) {
    io.stdout.write(`${notice}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const x of rows) {
    const p = x.paper;
    const meta = [p.id, p.digestDates[p.digestDates.length - 1], bestLink(p)].filter(Boolean).join(' · ');
    lines.push(`${x.rank}. ${p.title}`, `   ${meta}`);
    if (x.because.length) lines.push(`   because: ${x.because.join(', ')}`);
    lines.push('');
  }
  const first = (a.page - 1) * a.limit + 1;
  const last = first + rows.length - 1;
  lines.push(`Showing ${thousands(first)}–${thousands(last)} of ${thousands(r.total)}.${last < r.total ? ` Next: add --page ${a.page + 1}` : ''}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
