import type { Paper } from '../../src/core/paper.js';
import { normalizeTitle } from '../../src/core/paper-id.js';
import { rng } from './corpus.js';

/**
 * Known-item queries: a reader naming a paper the way they remember it. Built from the archive's
 * own titles, so the set is not a list of hand-picked fixes: every title with a short name before
 * its colon gives the name typed several ways and the name with a word of its subtitle; sampled
 * titles give the whole title pasted, lower-cased, punctuation dropped.
 */
export interface KnownItem {
  kind: string;
  query: string;
  /** normalizeTitle of the paper meant: any paper with this title is the right answer. */
  titleKey: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const SMALL = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'in', 'on', 'to', 'with', 'via', 'from', 'by', 'at', 'as', 'is', 'are', 'towards', 'toward', 'using']);

/** The part of a title before its first colon, when it reads as a name (1–4 words, some letter). */
export function nameOf(title: string): string | undefined {
  const i = title.indexOf(':');
  if (i <= 0) return undefined;
  const name = title.slice(0, i).trim();
  const words = name.split(/\s+/);
  return words.length <= 4 && /\p{L}/u.test(name) && name.length >= 2 ? name : undefined;
}

export function knownItems(papers: Paper[], n = 400, seed = 11): KnownItem[] {
  const rand = rng(seed);
  // A name shared by several papers ("Survey: …") names none of them: leave those out.
  const byName = new Map<string, number>();
  for (const p of papers) {
    const name = nameOf(p.title);
    if (name) byName.set(normalizeTitle(name), (byName.get(normalizeTitle(name)) ?? 0) + 1);
  }
  const named = papers.filter((p) => {
    const name = nameOf(p.title);
    return name && byName.get(normalizeTitle(name)) === 1;
  });
  const pick = <T>(xs: T[], k: number): T[] => {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, k);
  };
  const out: KnownItem[] = [];
  for (const p of pick(named, n)) {
    const name = nameOf(p.title)!;
    const titleKey = normalizeTitle(p.title);
    out.push({ kind: 'name as written', query: name, titleKey });
    out.push({ kind: 'name lower-cased', query: name.toLowerCase(), titleKey });
    if (/[^\p{L}\p{N}\s]/u.test(name)) out.push({ kind: 'name, symbols as spaces', query: name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim(), titleKey });
    // Run together ("deepseekr1") only where people do: a hyphenated name or one of two words.
    if (/[\s-]/.test(name) && name.split(/\s+/).length <= 2) out.push({ kind: 'name run together', query: name.toLowerCase().replace(/[\s-]+/g, ''), titleKey });
    const subtitle = (p.title.slice(p.title.indexOf(':') + 1).match(WORD) ?? []).filter((w) => w.length > 3 && !SMALL.has(w.toLowerCase()));
    if (subtitle.length) out.push({ kind: 'name + a subtitle word', query: `${name} ${subtitle[Math.floor(rand() * subtitle.length)]!.toLowerCase()}`, titleKey });
  }
  for (const p of pick(papers, Math.floor(n / 2))) {
    out.push({ kind: 'whole title, lower case, no punctuation', query: (p.title.toLowerCase().match(WORD) ?? []).join(' '), titleKey: normalizeTitle(p.title) });
  }
  return out;
}

/** The issue's own examples (reported apart: they are also in the classes above). */
export const SEED_KNOWN_ITEMS: KnownItem[] = [
  { kind: 'seed', query: 'Data Selection via Optimal Control for Language Models', titleKey: normalizeTitle('Data Selection via Optimal Control for Language Models') },
  { kind: 'seed', query: 'DeepSeek-R1', titleKey: normalizeTitle('DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning') },
  { kind: 'seed', query: 'REINFORCE++', titleKey: normalizeTitle('REINFORCE++: A Simple and Efficient Approach for Aligning Large Language Models') },
  { kind: 'seed', query: 'We-Math', titleKey: normalizeTitle('We-Math: Does Your Large Multimodal Model Achieve Human-like Mathematical Reasoning?') },
];

export interface KnownItemReport {
  kind: string;
  queries: number;
  top1: number;
  mrr: number;
  failures: Array<{ query: string; rank: number; first: string }>;
}

/** Top-1 and MRR@10 per kind of query (and "all"), with the failing queries. */
export async function scoreKnownItems(
  items: KnownItem[],
  search: (q: string) => Promise<string[]>,
): Promise<KnownItemReport[]> {
  const by = new Map<string, KnownItemReport>();
  const add = (kind: string, rank: number, query: string, first: string) => {
    const r = by.get(kind) ?? { kind, queries: 0, top1: 0, mrr: 0, failures: [] };
    r.queries++;
    if (rank === 1) r.top1++;
    if (rank > 0) r.mrr += 1 / rank;
    if (rank !== 1) r.failures.push({ query, rank, first });
    by.set(kind, r);
  };
  for (const it of items) {
    const titles = await search(it.query);
    const rank = titles.slice(0, 10).findIndex((t) => normalizeTitle(t) === it.titleKey) + 1;
    add(it.kind, rank, it.query, titles[0] ?? '(nothing)');
    add('all', rank, it.query, titles[0] ?? '(nothing)');
  }
  // "all" last, the kinds in the order first met.
  return [...by.values()].sort((a, b) => Number(a.kind === 'all') - Number(b.kind === 'all')).map((r) => ({ ...r, top1: r.top1 / r.queries, mrr: r.mrr / r.queries }));
}

export function printKnownItems(title: string, reports: KnownItemReport[], showFailures = 8): void {
  console.log(`\n${title}\n| queries | n | top-1 | MRR@10 |\n|---|---|---|---|`);
  for (const r of reports) console.log(`| ${r.kind.padEnd(42)} | ${String(r.queries).padStart(4)} | ${r.top1.toFixed(3)} | ${r.mrr.toFixed(3)} |`);
  const all = reports.find((r) => r.kind === 'all');
  if (all?.failures.length && showFailures) {
    console.log(`failures (${all.failures.length}; rank 0 = not in the top 10), first ${Math.min(showFailures, all.failures.length)}:`);
    for (const f of all.failures.slice(0, showFailures)) console.log(`  ${JSON.stringify(f.query)} → rank ${f.rank}; first: ${f.first.slice(0, 90)}`);
  }
}
