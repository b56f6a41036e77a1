import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../../src/core/paper.js';
import { parsePythonLiteral } from '../../src/core/parse/python-literal.js';
import { seededRandom } from '../../src/core/seeded-random.js';

/**
 * Bench corpora from the real shared data. The ~9.6k unique papers of hf-daily + arxiv-daily are
 * used as they are; larger sizes add derived papers: the title of a real paper (with a synthetic
 * arXiv id, so the store keeps them apart) and an abstract of as many sentences as the original,
 * each drawn at random from the whole pool of real abstract sentences. The vocabulary stays that of
 * the real papers and posting lists grow longer than in a real corpus: pessimistic for every engine.
 */

/** Deterministic PRNG (mulberry32): the same corpus and queries every run. */
export const rng = seededRandom;

function basePaper(x: Partial<Paper> & Pick<Paper, 'id' | 'title' | 'source'>): Paper {
  return { abstract: '', authors: [], links: [], keywords: [], categories: [], flags: [], ...x };
}

/** The real papers, one per id (hf-daily first: it has upvotes and code links). */
export function realPapers(dataDir: string): Paper[] {
  const byId = new Map<string, Paper>();
  const hfDir = join(dataDir, 'hf-daily');
  for (const f of readdirSync(hfDir).sort()) {
    let list: unknown;
    try {
      list = JSON.parse(readFileSync(join(hfDir, f), 'utf8'));
    } catch {
      continue;
    }
    const entries = (Array.isArray(list) ? list : ((list as { data?: unknown[] }).data ?? [])) as unknown[];
    for (const raw of entries) {
      // Some archive days hold each entry as a Python-repr string: read it as the parser does.
      let e = raw as { paper?: Record<string, unknown> } | undefined;
      if (typeof raw === 'string') {
        try {
          e = parsePythonLiteral(raw) as typeof e;
        } catch {
          continue;
        }
      }
      const p = e?.paper;
      if (!p || typeof p.id !== 'string' || typeof p.title !== 'string' || byId.has(p.id)) continue;
      byId.set(
        p.id,
        basePaper({
          id: p.id,
          arxivId: p.id,
          title: p.title.replace(/\s+/g, ' ').trim(),
          abstract: String(p.summary ?? '').replace(/\s+/g, ' ').trim(),
          authors: ((p.authors as Array<{ name?: string }>) ?? []).map((a) => a.name ?? '').filter(Boolean),
          links: typeof p.githubRepo === 'string' ? [p.githubRepo] : [],
          keywords: Array.isArray(p.ai_keywords) ? (p.ai_keywords as string[]) : [],
          upvotes: typeof p.upvotes === 'number' ? p.upvotes : undefined,
          digestDate: f.slice(0, 10),
          source: 'hf-api',
        }),
      );
    }
  }
  const axDir = join(dataDir, 'arxiv-daily');
  for (const f of readdirSync(axDir).sort()) {
    for (const line of readFileSync(join(axDir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const p = JSON.parse(line) as { id: string; title: string; summary: string; authors: string[] };
      if (byId.has(p.id)) continue;
      byId.set(
        p.id,
        basePaper({
          id: p.id,
          arxivId: p.id,
          title: p.title.replace(/\s+/g, ' ').trim(),
          abstract: (p.summary ?? '').replace(/\s+/g, ' ').trim(),
          authors: p.authors ?? [],
          digestDate: f.slice(0, 10),
          source: 'arxiv-jsonl',
        }),
      );
    }
  }
  return [...byId.values()].filter((p) => p.title);
}

const splitSentences = (text: string): string[] => text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.length > 20);

/** `n` papers: the real ones, then derived ones (see the file comment). `offset` names a later batch. */
export function corpus(real: Paper[], n: number, seed = 1, offset = 0): Paper[] {
  const out: Paper[] = offset === 0 ? real.slice(0, n) : [];
  const pool = real.flatMap((p) => splitSentences(p.abstract));
  const rand = rng(seed + offset);
  for (let i = out.length; i < n; i++) {
    const k = offset + i;
    const base = real[k % real.length]!;
    const copy = Math.floor(k / real.length); // 1, 2, … for derived papers
    const count = Math.max(3, splitSentences(base.abstract).length);
    const abstract = Array.from({ length: count }, () => pool[Math.floor(rand() * pool.length)]!).join(' ');
    const id = `${String(5000 + copy).padStart(4, '0')}.${String(k % real.length).padStart(5, '0')}`;
    out.push({ ...base, id, arxivId: id, abstract, upvotes: base.upvotes !== undefined ? Math.floor(rand() * 200) : undefined });
  }
  return out;
}

/**
 * Chat-style queries: 1–4 words from a random real title (stop words and short words skipped);
 * one in five with a typo (a letter dropped, doubled or swapped), one in five with the last word
 * cut short as if still being typed.
 */
export function chatQueries(real: Paper[], n: number, seed = 7): string[] {
  const rand = rng(seed);
  const out: string[] = [];
  while (out.length < n) {
    const t = real[Math.floor(rand() * real.length)]!.title;
    const words = t.toLowerCase().match(/[a-z][a-z0-9-]{3,}/g)?.filter((w) => !['with', 'from', 'that', 'this', 'using', 'towards', 'into', 'via'].includes(w));
    if (!words?.length) continue;
    const len = 1 + Math.floor(rand() * Math.min(4, words.length));
    const start = Math.floor(rand() * (words.length - len + 1));
    const q = words.slice(start, start + len);
    const r = rand();
    const i = Math.floor(rand() * q.length);
    const w = q[i]!;
    if (r < 0.2 && w.length >= 5) {
      const j = 1 + Math.floor(rand() * (w.length - 2));
      const kind = Math.floor(rand() * 3);
      q[i] = kind === 0 ? w.slice(0, j) + w.slice(j + 1) : kind === 1 ? w.slice(0, j) + w[j] + w.slice(j) : w.slice(0, j - 1) + w[j] + w[j - 1] + w.slice(j + 1);
    } else if (r < 0.4 && q[q.length - 1]!.length >= 6) {
      const last = q[q.length - 1]!;
      q[q.length - 1] = last.slice(0, 3 + Math.floor(rand() * (last.length - 4)));
    }
    out.push(q.join(' '));
  }
  return out;
}
