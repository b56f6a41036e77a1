import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './corpus.js';

/** One arXiv-daily paper with the day it was first listed and its categories (hidden from the models). */
export interface EvalPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
  day: string;
}

/** A simulated reader: likes 8 earlier papers of one or two categories. */
export interface Reader {
  categories: string[];
  liked: string[];
}

export function loadArxivDaily(dir: string): EvalPaper[] {
  if (!existsSync(dir)) {
    console.error(`bench:recommend needs ${dir} (24 days of arXiv "new" listings; see ../shared/data/README.md).\n` +
      'Run it from a worktree that has ../shared/data beside it, or link the shared data there.');
    process.exit(2);
  }
  const byId = new Map<string, EvalPaper>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const p = JSON.parse(line) as { id: string; title: string; summary: string; authors: string[]; categories: string[] };
      if (byId.has(p.id)) continue;
      byId.set(p.id, {
        id: p.id,
        title: p.title.replace(/\s+/g, ' ').trim(),
        abstract: (p.summary ?? '').replace(/\s+/g, ' ').trim(),
        authors: p.authors ?? [],
        categories: p.categories ?? [],
        day: f.slice(0, 10),
      });
    }
  }
  return [...byId.values()];
}

export interface EvalSetup {
  papers: EvalPaper[];
  /** First day of the ranked period: readers like papers before it, candidates are from it on. */
  splitDay: string;
  /** Categories readers are drawn from, split in two halves: tune on one, report the other. */
  halves: [string[], string[]];
  readers: [Reader[], Reader[]];
}

const has = (p: EvalPaper, cats: string[]) => p.categories.some((c) => cats.includes(c));

/**
 * Readers of the first 2/3 of the days ranking the last 1/3. Categories with at least 15 papers on
 * each side qualify, and are dealt alternately (by name) into a tuning half and a reporting half.
 * Per half: `perHalf` readers of one category and as many of two (4 liked papers each).
 */
export function makeReaders(papers: EvalPaper[], perHalf = 60, seed = 11): EvalSetup {
  const days = [...new Set(papers.map((p) => p.day))].sort();
  const splitDay = days[Math.floor((days.length * 2) / 3)]!;
  const before = papers.filter((p) => p.day < splitDay);
  const after = papers.filter((p) => p.day >= splitDay);
  const cats = [...new Set(papers.flatMap((p) => p.categories))]
    .filter((c) => before.filter((p) => p.categories.includes(c)).length >= 15 && after.filter((p) => p.categories.includes(c)).length >= 15)
    .sort();
  const halves: [string[], string[]] = [cats.filter((_, i) => i % 2 === 0), cats.filter((_, i) => i % 2 === 1)];
  const rand = rng(seed);
  const pick = <T>(xs: T[], n: number): T[] => {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
    return out;
  };
  const readers = halves.map((half) => {
    const out: Reader[] = [];
    for (let i = 0; i < perHalf; i++) {
      const c = half[i % half.length]!;
      out.push({ categories: [c], liked: pick(before.filter((p) => has(p, [c])), 8).map((p) => p.id) });
    }
    for (let i = 0; i < perHalf; i++) {
      const [a, b] = pick(half, 2) as [string, string];
      const liked = [...pick(before.filter((p) => has(p, [a])), 4), ...pick(before.filter((p) => has(p, [b]) && !has(p, [a])), 4)];
      out.push({ categories: [a, b], liked: [...new Set(liked.map((p) => p.id))] });
    }
    return out;
  }) as [Reader[], Reader[]];
  return { papers, splitDay, halves, readers };
}

/** Share of the first ten ranked ids that are of the reader's categories. */
export function precisionAt10(ranked: string[], reader: Reader, byId: Map<string, EvalPaper>): number {
  const top = ranked.slice(0, 10);
  return top.filter((id) => has(byId.get(id)!, reader.categories)).length / 10;
}
