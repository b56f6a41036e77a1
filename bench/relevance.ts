/**
 * Relevance on BEIR SciFact: nDCG@10, Recall@100, MRR@10 for our search (the same createPaperSearch
 * the bot uses, over a real SQLite store) and, in the same run, plain SQLite FTS5 bm25 as the anchor.
 *
 *   npm run bench:relevance              test split (what we report)
 *   npm run bench:relevance -- --tune    a parameter grid on the train split (how defaults were chosen)
 *   npm run bench:relevance -- --rerank '{"passage":[0,0.5]}'   a grid over RerankOptions on train
 *   npm run bench:relevance -- --known   only the known-item set (papers named as readers type them)
 *   npm run bench:relevance -- --known --100k   the same over the bench:search 100k corpus
 *
 * Reads ../shared/data (scifact/, hf-daily/, arxiv-daily/): run from the repository root with the
 * shared data beside it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Paper } from '../src/core/paper.js';
import { silentLogger } from '../src/core/logger.js';
import { createPaperSearch, type SearchTuning } from '../src/core/search/create-paper-search.js';
import { DEFAULT_RERANK } from '../src/core/search/rerank.js';
import { openDatabase } from '../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../src/core/store/sqlite/paper-store.js';
import { corpus, realPapers } from './lib/corpus.js';
import { createFts5Baseline } from './lib/fts5-baseline.js';
import { knownItems, printKnownItems, scoreKnownItems, SEED_KNOWN_ITEMS } from './lib/known-items.js';
import { mean, mrrAt, ndcgAt, recallAt } from './lib/metrics.js';
import { loadSciFact } from './lib/scifact.js';
import { sharedData } from './lib/shared-data.js';

type Tuning = SearchTuning;

const dir = mkdtempSync(join(tmpdir(), 'papers-relevance-'));

/**
 * Known items over the real archive (hf-daily + arxiv-daily), or with --100k over the bench:search
 * corpus (the archive plus derived papers that reuse its titles: any paper of the right title counts).
 */
async function knownItemRun(size?: number) {
  const real = realPapers(sharedData());
  const papers = size ? corpus(real, size) : real;
  const kdir = mkdtempSync(join(tmpdir(), 'papers-known-'));
  const kstore = createSqlitePaperStore(openDatabase(join(kdir, 'papers.db')));
  for (let i = 0; i < papers.length; i += 5000) await kstore.ingest({ source: 'hf-api', papers: papers.slice(i, i + 5000) });
  const search = await createPaperSearch({ dataDir: kdir, store: kstore, logger: silentLogger });
  // As a running bot answers: with the term heads computed (they take seconds at 100k papers).
  await search.settled?.();
  const run = async (q: string) => (await search.search({ text: q, limit: 10 })).hits.map((h) => h.paper.title);
  const label = `${papers.length} papers`;
  printKnownItems(`KNOWN ITEMS (${label}): the paper named, typed as readers type it`, await scoreKnownItems(knownItems(real), run));
  printKnownItems(`SEED QUERIES (${label}): the issue's examples`, await scoreKnownItems(SEED_KNOWN_ITEMS, run), 4);
  await search.close();
  await kstore.close();
  rmSync(kdir, { recursive: true, force: true });
}
if (process.argv.includes('--known')) {
  await knownItemRun(process.argv.includes('--100k') ? 100_000 : undefined);
  process.exit(0);
}

const sf = loadSciFact(sharedData('scifact'));
const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
const toPaper = (d: { docId: string; title: string; abstract: string }): Paper => ({
  id: `scifact:${d.docId}`,
  title: d.title || '(untitled)',
  abstract: d.abstract,
  authors: [],
  links: [],
  keywords: [],
  categories: [],
  source: 'arxiv-kaggle',
  flags: [],
});
for (let i = 0; i < sf.docs.length; i += 1000) {
  await store.ingest({ source: 'arxiv-kaggle', papers: sf.docs.slice(i, i + 1000).map(toPaper) });
}
const stored = (await store.stats()).papers;

function score(split: 'train' | 'test', run: (q: string) => Promise<string[]> | string[]) {
  const qrels = sf.qrels(split);
  return (async () => {
    const n: number[] = [], r: number[] = [], m: number[] = [];
    for (const [qid, rel] of qrels) {
      const ranked = await run(sf.queries.get(qid) ?? '');
      n.push(ndcgAt(10, ranked, rel));
      r.push(recallAt(100, ranked, rel));
      m.push(mrrAt(10, ranked, rel));
    }
    return { ndcg: mean(n), recall: mean(r), mrr: mean(m), queries: qrels.size };
  })();
}

let configNo = 0;
async function ours(split: 'train' | 'test', tuning: Tuning = {}, pages = 4, fileName = `search-${configNo++}.db`) {
  const search = await createPaperSearch({ dataDir: dir, store, logger: silentLogger, fileName, ...tuning });
  await search.settled?.();
  const result = await score(split, async (text) => {
    const ids: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const r = await search.search({ text, limit: pages === 1 ? 10 : 25, page });
      ids.push(...r.hits.map((h) => h.paper.id.replace(/^scifact:/, '')));
      if (r.hits.length < 25) break;
    }
    return ids;
  });
  await search.close();
  return result;
}

function anchor(split: 'train' | 'test', weights: [number, number]) {
  const b = createFts5Baseline(join(dir, `fts5-${configNo++}.db`), weights);
  b.add(sf.docs.map((d) => ({ id: d.docId, title: d.title, abstract: d.abstract })));
  return score(split, (q) => b.search(q, 100)).finally(() => b.close());
}

const row = (name: string, x: { ndcg: number; recall: number; mrr: number }) =>
  console.log(`| ${name.padEnd(52)} | ${x.ndcg.toFixed(3)} | ${x.recall.toFixed(3)} | ${x.mrr.toFixed(3)} |`);

console.log(`SciFact: ${sf.docs.length} docs (${stored} papers in the store: same-title docs merge), ${sf.queries.size} queries`);
if (process.argv.includes('--rerank')) {
  // Re-scoring of long queries' top FTS5 candidates (train only): BM25F, best passage, proximity, stem variants.
  console.log('\nTRAIN split, re-ranker grid (one page of 10)\n| config | nDCG@10 | R@100 | MRR@10 |\n|---|---|---|---|');
  row('rerank off', await ours('train', { rerank: false }, 1, 'search-grid.db'));
  // `--rerank '{"k1":[1.2,1.6],"idf":["bm25"]}'`: a grid over any RerankOptions keys (default below).
  const arg = process.argv[process.argv.indexOf('--rerank') + 1];
  const spec = (arg && arg.startsWith('{') ? JSON.parse(arg) : { passage: [0, 0.5], proximity: [0, 0.1], variantWeight: [0, 0.3] }) as Record<string, unknown[]>;
  let configs: Array<Record<string, unknown>> = [{}];
  for (const [key, values] of Object.entries(spec)) configs = configs.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  for (const c of configs) {
    const o = { ...DEFAULT_RERANK, ...c } as typeof DEFAULT_RERANK;
    row(Object.entries(c).map(([k, v]) => `${k} ${String(v)}`).join(', '), await ours('train', { rerank: o }, 1, 'search-grid.db'));
  }
} else if (process.argv.includes('--tune')) {
  console.log('\nTRAIN split (tuning only; one page of 10, so R@100 is R@10 here)\n| config | nDCG@10 | R@100 | MRR@10 |\n|---|---|---|---|');
  row('FTS5 bm25 (1,1)', await anchor('train', [1, 1]));
  row('FTS5 bm25 (3,1)', await anchor('train', [3, 1]));
  const w = (title: number) => ({ title, abstract: 1, authors: 1, keywords: 2 });
  const neg = new Set(['not', 'no', 'nor', 'against', 'few', 'more', 'most', 'less', 'than', 'however']);
  const grid: Array<[string, Tuning]> = [
    ['title 3, long > 5 words', { weights: w(3) }],
    ['title 3, long > 5 words, no typos in long', { weights: w(3), longQueryTypos: false }],
    ['title 3, long > 5 words, no typos in long, no all-words-first', { weights: w(3), longQueryTypos: false, minAllWordsHits: 0 }],
    ['title 3, long > 4 words', { weights: w(3), longQueryWords: 4 }],
    ['title 3, long > 3 words', { weights: w(3), longQueryWords: 3 }],
    ['title 3, long > 4, negations dropped', { weights: w(3), longQueryWords: 4, longQueryStopWords: neg }],
    ['title 2, long > 4', { weights: w(2), longQueryWords: 4 }],
    ['title 4, long > 4', { weights: w(4), longQueryWords: 4 }],
    ['title 3, no all-words-first at all', { weights: w(3), minAllWordsHits: 0 }],
  ];
  const only = process.argv.indexOf('--only');
  for (const [name, t] of grid) {
    if (only > 0 && !name.includes(process.argv[only + 1]!)) continue;
    row(`ours ${name}`, await ours('train', t, 1));
  }
} else {
  for (const split of ['test', 'train'] as const) {
    console.log(`\n${split.toUpperCase()} split\n| config | nDCG@10 | R@100 | MRR@10 |\n|---|---|---|---|`);
    row('ours (defaults: what the bot runs)', await ours(split));
    row('anchor: SQLite FTS5 porter bm25, OR, stop words dropped', await anchor(split, [1, 1]));
    row('anchor: same, bm25 title 3 abstract 1', await anchor(split, [3, 1]));
  }
  await knownItemRun();
}
await store.close();
rmSync(dir, { recursive: true, force: true });
